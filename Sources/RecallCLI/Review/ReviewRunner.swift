import Foundation
import RecallKit

/// The daily drill in the terminal: renders a ``ReviewSession``'s events and
/// turns typed lines into its commands. Nothing more: the queue, the
/// re-drill, undo and the checking of answers live in the session.
struct ReviewRunner {
    let library: Library
    let filter: CardFilter
    let options: QueueOptions
    /// Just these cards (`--card`, `--missed`) instead of today's queue.
    let plan: ReviewPlan?
    let console: Console
    let style: Style
    let layout: TextLayout
    /// Now, read once for each line typed: each answer carries its own moment.
    let clock: () -> Moment
    let seed: UInt64
    let editor: CardEditor
    let language: Language

    /// What `review --json` prints: the session's counts and what is left.
    struct SummaryJSON: Encodable {
        var version = 1
        var date: String
        var answers: Int
        var passed: Int
        var failed: Int
        var skipped: Int
        var suspended: Int
        var elapsedMs: Int
        var waiting: Int
        var nextDue: String?
    }

    @discardableResult
    func run() throws -> SummaryJSON {
        let plan = try self.plan ?? options.plan(library, filter: filter)
        var session = ReviewSession(
            queue: plan.queue, redrill: plan.redrill, database: library.database,
            configuration: .init(settings: library.settings, seed: seed), at: clock())
        render(try session.start(at: clock()), session)
        while session.awaiting != .finished {
            console.write(prompt(session.awaiting))
            guard let line = console.readLine() else {
                console.line("")
                render(try session.handle(.quit, at: clock()), session)
                break
            }
            guard let command = command(line, session) else { continue }
            do {
                render(try session.handle(command, at: clock()), session)
            } catch {
                // A storage fault (a full disk, an I/O error) ends the session with its summary:
                // every answer acknowledged before it is committed, and the user is told what happened.
                guard let sentence = StorageFault.sentence(for: error, path: nil) else { throw error }
                console.writeError("error: \(sentence)\n")
                if let events = try? session.handle(.quit, at: clock()) { render(events, session) }
                _ = try? printNextDue()
                throw CLIError("the session ended early: \(sentence)")
            }
        }
        let (waiting, next) = try printNextDue()
        let summary = session.summary
        return SummaryJSON(
            date: library.today.description, answers: summary.answers, passed: summary.passed, failed: summary.failed,
            skipped: summary.skipped, suspended: summary.suspended, elapsedMs: summary.elapsedMs,
            waiting: waiting, nextDue: next?.description)
    }

    // MARK: Reading

    /// The command a line means at the current prompt; nil when the line was handled here (help, edit, a bad grade).
    private func command(_ line: String, _ session: ReviewSession) -> ReviewSession.Command? {
        let awaiting = session.awaiting
        let acceptsText: Bool
        if case .answer = awaiting { acceptsText = true } else { acceptsText = false }
        switch SessionInput.read(line, acceptsText: acceptsText) {
        case .command(.quit): return .quit
        case .command(.undo): return .undo
        case .command(.skip): return .skip
        case .command(.suspend): return .suspend
        case .command(.overrule): return .overrule
        case .command(.help):
            printHelp()
            return nil
        case .command(.edit):
            if let card = session.currentCard { editor.open(card, console: console) }
            return nil
        case .text(let text):
            switch awaiting {
            case .answer: return .answer(text)
            case .goOn:
                if text.isEmpty { return .goOn }
                console.line("Enter goes on with the card; q ends the session.")
                return nil
            case .grade:
                if text.isEmpty { return .acceptSuggestion }
                if let grade = SessionInput.grade(text) { return .grade(grade) }
                console.line("'\(text)' is not a grade or a command. \(Self.commandLegend)")
                return nil
            case .finished: return nil
            }
        }
    }

    private func prompt(_ awaiting: ReviewSession.Awaiting) -> String {
        switch awaiting {
        case .answer(.choice(_, let multiple)):
            multiple ? "Your choices (letters, e.g. a c; Enter reveals): " : "Your choice (a letter; Enter reveals): "
        case .answer(.typed(let required)): required ? "Your answer: " : "Your answer (Enter reveals): "
        case .answer(.open): "Your answer (Enter reveals): "
        case .grade(let suggestion, let canOverrule):
            "Grade" + (suggestion.map { " [\($0)]" } ?? "") + " (\(Self.compactLegend)\(canOverrule ? " · o overrule" : "") · ? more): "
        case .goOn: "Enter goes on with it, q ends the session: "
        case .finished: ""
        }
    }

    // MARK: Rendering

    private func render(_ events: [ReviewSession.Event], _ session: ReviewSession) {
        for event in events { render(event, session) }
    }

    private func say(_ text: String, indent: Int = 0) {
        layout.wrap(text, indent: indent).forEach { console.line($0) }
    }

    /// A labelled field: the label dimmed, the text wrapped under it.
    private func field(_ label: String, _ text: String) {
        let lines = layout.wrap(label + text, indent: 2)
        guard let first = lines.first else { return }
        console.line(style.dim(label) + first.dropFirst(label.count))
        lines.dropFirst().forEach { console.line($0) }
    }

    private func render(_ event: ReviewSession.Event, _ session: ReviewSession) {
        let today = library.today
        switch event {
        case .opening(let today, let due, let new, let redrill):
            console.line(
                style.bold("Recall · \(today)") + " · \(due) due, \(new) new" + (redrill == 0 ? "" : ", \(redrill) to re-drill")
                    + ". Enter reveals; q quits; ? for help.")
        case .nothingDue(let today):
            console.line("Nothing is due today (\(today)).")
        case .question(let shown):
            let card = shown.card
            let kind =
                switch shown.kind {
                case .redrill: "\(card.kind.rawValue), re-drill"
                case .new: "\(card.kind.rawValue), new"
                case .review: card.kind.rawValue
                }
            console.line("")
            console.line(style.accent("[\(shown.position)/\(shown.total)] \(card.deckID) · \(kind)"))
            let text = card.text(in: language)
            if text.fellBackToEnglish { console.line(style.dim(Language.fallbackNote)) }
            layout.wrap(text.prompt).forEach { console.line(style.bold($0)) }
            for (index, option) in Self.options(shown.choiceOrder, text).enumerated() {
                say("  \(Letters.letter(index))) \(option)", indent: 5)
            }
        case .verdict(let outcome, let diff):
            say(style.verdict(outcome, diff: diff))
        case .choiceVerdict(let outcome, let correct):
            let letters = correct.joined(separator: ", ")
            switch outcome {
            case .right: console.line(style.good("✓ Right."))
            case .partly: console.line(style.warn("≈ Partly right: the answer is \(letters)."))
            case .wrong: console.line(style.bad("✗ Not quite: the answer is \(letters)."))
            }
        case .invalidChoice(let options, let multiple):
            console.line("Type the letter\(multiple ? "s" : "") of your choice\(multiple ? "s" : ""), a to \(Letters.letter(options - 1)).")
        case .reference(let reference):
            let text = reference.card.text(in: language)
            if let given = reference.given { field("Yours:  ", given) }
            field("Answer: ", text.answer)
            if !reference.alternatives.isEmpty {
                let shown = reference.alternatives.prefix(Self.alternativesShown).joined(separator: " | ")
                let more = reference.alternatives.count - Self.alternativesShown
                field("Also accepted: ", shown + (more > 0 ? " (and \(more) more)" : ""))
            }
            if let why = text.explanation { field("Why: ", why) }
            if let source = reference.card.source { field("Source: ", source) }
            if let fsrs = try? library.database.fsrsPreview(cardID: reference.card.qualifiedID, at: clock()) {
                // FSRS as the scheduler: every answer, a re-drill too, moves the schedule.
                field("Next interval (FSRS): ", Scheduler.previewLine(fsrs))
            } else if let preview = reference.preview {
                field("Next interval: ", preview.line)
            } else {
                say(style.dim("Re-drill: the schedule stays as it is; 4 or 5 clears the card for today."))
            }
        case .needGrade:
            console.line("Type a grade 0-5: \(Grade.legend).")
        case .overruled(let outcome, let suggestion):
            console.line("Overruled: counted as \(outcome.label); Enter records \(suggestion).")
        case .cannotOverrule:
            console.line("Nothing to overrule: only an automatic verdict can be overruled.")
        case .saved(let next, _, let redrill):
            if !redrill, let next {
                console.line(style.dim("Saved: next \(next.relative(to: today))."))
            } else {
                console.line(style.dim("Saved."))
            }
        case .becameLeech(let lapses):
            say(style.warn("Leech: this card has lapsed \(lapses) times and is now tagged leech. Consider rewriting it (e opens it)."))
        case .skipped(_, let until):
            console.line("Skipped: buried until \(until == today.adding(days: 1) ? "tomorrow" : until.description).")
        case .suspended(let cardID):
            say("Suspended. 'recall unsuspend \(cardID)' brings it back; u undoes it now.")
        case .undone(.grade(let cardID, let grade)):
            say("Undone: grade \(grade) for \(cardID); its state is restored.")
        case .undone(.skip(let cardID)):
            say("Undone: the skip of \(cardID); it is no longer buried.")
        case .undone(.suspend(let cardID)):
            say("Undone: \(cardID) is no longer suspended.")
        case .undone(.overrule):
            console.line("Undone: the overrule; the automatic verdict stands.")
        case .nothingToUndo:
            console.line("Nothing to undo in this session.")
        case .cannotUndo(let cardID):
            say("Cannot undo the answer to \(cardID): it was answered again since.")
        case .onlyCardLeft(let cardID):
            console.line("")
            say("Only \(cardID) is left to re-drill, and you just answered it.")
        case .summary(let summary):
            var line =
                "Session: \(summary.answers) answer\(summary.answers == 1 ? "" : "s") (\(summary.passed) right, \(summary.failed) wrong) in \(formatDuration(ms: summary.elapsedMs))"
            if summary.skipped > 0 { line += ", \(summary.skipped) skipped" }
            if summary.suspended > 0 { line += ", \(summary.suspended) suspended" }
            console.line("")
            console.line(style.bold(line + "."))
        }
    }

    // MARK: Text

    /// A choice card's options in the language shown, in the order shown.
    static func options(_ order: [Int]?, _ text: CardText) -> [String] {
        guard let order else { return [] }
        return order.map { $0 < text.choices.count ? text.choices[$0].text : "" }
    }

    /// Accepted alternatives listed after the answer; the rest are counted.
    static let alternativesShown = 3

    /// The grade scale in a few words, for the grade prompt's line.
    static let compactLegend = "0-2 wrong · 3 hard · 4 good · 5 easy"

    static let commandLegend = "Grades: 0-5. Commands: u undo · s skip · ! suspend · o overrule · e edit · ? help · q quit."

    private func printHelp() {
        console.line("Grades (SM-2): \(Grade.legend).")
        console.line("Below 3 restarts the card at 1 day; below 4 brings it back later today, after a few other cards.")
        console.line("Enter accepts the grade in [brackets], suggested from your answer; o overrules that verdict.")
        console.line("u undo (the last 30 actions, one at a time) · s skip (bury until tomorrow) · ! suspend")
        console.line("e open the card in $VISUAL or $EDITOR · q or :q quit. At an answer prompt, type :u, :s, :! or :e.")
    }

    private func printNextDue() throws -> (waiting: Int, next: StudyDay?) {
        let today = library.today
        var unlimited = options
        unlimited.limit = nil
        unlimited.new = nil
        let plan = try unlimited.plan(library, filter: filter)
        let remaining = plan.queue.count + plan.redrill.count
        if remaining > 0 {
            console.line("\(remaining) card\(remaining == 1 ? " is" : "s are") still waiting today.")
        }
        let next = try library.database.nextDueDay(after: today)
        if let next {
            console.line("Next card due: \(next.relative(to: today)).")
        } else if remaining == 0 {
            console.line("No card is scheduled yet.")
        }
        return (remaining, next)
    }
}
