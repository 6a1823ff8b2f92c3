import ArgumentParser
import RecallKit

struct ReviewCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Start today's review: due cards, then new cards across the map, with the same-day re-drill.",
        discussion: """
            One prompt, one line in; it works the same when input is a pipe. Type an answer or press \
            Enter to reveal, then grade 0-5 (Enter accepts a suggested grade). At the grade prompt: \
            u undo (the last 30 actions), s skip until tomorrow, ! suspend, o overrule the automatic \
            verdict, e open the card in $VISUAL or $EDITOR, ? help, q or :q quit; at an answer prompt \
            the same commands with a colon (:u, :s, :!, :e). Every answer is saved, with the moment it \
            was given, before the next card is shown; end of input or Ctrl-C ends the session with a \
            summary. --card and --missed drill just those cards, due or not. The order: docs/queue.md.
            """
    )

    @OptionGroup var queue: QueueOptions
    @Option(help: ArgumentHelp("Drill just this card, due or not (repeatable; DECK-ID/CARD-ID or a unique prefix).", valueName: "card"))
    var card: [String] = []
    @Flag(help: "Drill the cards missed in the last mock interview (or in interview ID, see 'recall interview --history').")
    var missed = false
    @Argument(help: ArgumentHelp("With --missed: the interview's number in 'recall interview --history'.", valueName: "interview-id"))
    var interview: Int64?
    @Option(help: ArgumentHelp("Seed for the order of multiple-choice options (default: today's date, so a day's order is stable).", valueName: "n"))
    var seed: UInt64?
    @Flag(help: "Print the session's summary as JSON on standard output (docs/json.md); the session itself goes to standard error.")
    var json = false
    @OptionGroup var lang: LanguageOption
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if interview != nil && !missed { throw ValidationError("an interview number goes with --missed: 'recall review --missed ID'") }
        if missed && !card.isEmpty { throw ValidationError("give --missed or --card, not both") }
    }

    func run(in context: RecallContext) throws {
        let library = try Library.open(global, context, for: .write("review"))
        let filter = try queue.cardFilter(library)
        (context.console as? StandardConsole)?.interruptEndsInput()
        let answerClock = try context.answerClock()
        let zone = library.moment.timeZone
        var plan: ReviewPlan?
        if !card.isEmpty {
            plan = try ReviewPlan.cards(card.map(library.database.resolveCard), library.database)
        } else if missed {
            let ids = try MissedCards.cardIDs(library, interview: interview)
            if ids.isEmpty {
                context.console.line("Nothing was missed in that interview.")
                return
            }
            plan = try ReviewPlan.cards(ids, library.database)
        }
        let transcript: Console = json ? ErrorStreamConsole(context.console) : context.console
        let runner = ReviewRunner(
            library: library, filter: filter, options: queue, plan: plan, console: transcript, style: json ? Style(enabled: false) : context.style,
            layout: TextLayout(width: TextLayout.width(environment: context.environment, isTerminal: context.console.isTerminal)),
            clock: { Moment(instant: answerClock(), timeZone: zone) },
            seed: seed ?? UInt64(bitPattern: Int64(library.today.daysSinceEpoch)),
            editor: CardEditor(
                library: library, environment: context.environment, isTerminal: context.console.isTerminal,
                userDeckFolder: global.deckFolders(context).first?.path ?? "decks/"),
            language: lang.language(library.settings))
        let summary = try runner.run()
        if json { context.console.line(try JSONOutput.string(summary)) }
    }
}

/// The cards missed in a mock interview: what `review --missed` drills.
enum MissedCards {
    static func cardIDs(_ library: Library, interview id: Int64?) throws -> [String] {
        let interviews = try library.database.interviews()
        let chosen: InterviewRecord?
        if let id {
            chosen = interviews.first { $0.id == id }
            guard chosen != nil else { throw CLIError("no interview \(id); 'recall interview --history' lists them with their numbers") }
        } else {
            chosen = interviews.last
            guard chosen != nil else { throw CLIError("no mock interview yet: 'recall interview' starts one") }
        }
        guard let interviewID = chosen?.id else { return [] }
        return try library.database.interviewAttempts(interviewID: interviewID)
            .filter { InterviewScoring.isMissed($0.outcome, late: $0.late) }
            .map(\.cardID)
    }
}
