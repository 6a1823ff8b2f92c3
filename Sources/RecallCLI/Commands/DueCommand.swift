import ArgumentParser
import RecallKit

struct DueCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "due",
        abstract: "Show today's queue: due cards, most overdue first, then new cards, then the same-day re-drill."
    )

    @OptionGroup var filter: QueueOptions
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var global: GlobalOptions

    struct EntryJSON: Encodable {
        var id: String
        var kind: String
        var due: String?
        var question: String
    }

    func run(in context: RecallContext) throws {
        let library = try Library.open(global, context, for: .read)
        let cardFilter = try filter.cardFilter(library)
        let plan = try filter.plan(library, filter: cardFilter)
        var entries: [EntryJSON] = []
        for entry in plan.queue + plan.redrill.map({ ReviewQueue.Entry(cardID: $0, kind: .redrill) }) {
            guard let stored = try library.database.card(id: entry.cardID) else { continue }
            entries.append(EntryJSON(id: entry.cardID, kind: entry.kind.rawValue, due: entry.dueDay?.description, question: stored.card.prompt.firstLine))
        }
        if json {
            context.console.line(try JSONOutput.string(entries))
            return
        }
        let today = library.today
        let counts = Dictionary(grouping: entries, by: \.kind).mapValues(\.count)
        context.console.line("\(today): \(counts["review"] ?? 0) due, \(counts["new"] ?? 0) new, \(counts["redrill"] ?? 0) to re-drill")
        for entry in entries {
            let when = entry.due.flatMap(StudyDay.init).map { " \($0.relative(to: today))" } ?? ""
            context.console.line("  \(entry.kind.padding(toLength: 7, withPad: " ", startingAt: 0)) \(entry.id)\(when)")
        }
        if entries.isEmpty, let next = try library.database.nextDueDay(after: today) {
            context.console.line("Nothing is due. The next card is due \(next.relative(to: today)).")
        }
    }
}

/// The queue options shared by `review` and `due`.
struct QueueOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Only this deck (repeatable).", valueName: "deck-id")) var deck: [String] = []
    @Option(help: ArgumentHelp("Only the decks of this section, by its English or Chinese name, any case (repeatable).", valueName: "name"))
    var section: [String] = []
    @Option(help: ArgumentHelp("Only cards with this tag, any case (repeatable; any of them).", valueName: "tag")) var tag: [String] = []
    @Option(help: ArgumentHelp("At most this many new cards in this session (default: the daily limit less those already introduced today).", valueName: "n"))
    var new: Int?
    @Option(help: ArgumentHelp("At most this many cards in this session, before the re-drill.", valueName: "n")) var limit: Int?

    func validate() throws {
        if let new, new < 0 { throw ValidationError("--new must be 0 or more") }
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more") }
    }

    /// The filter these options name; an unknown deck or section is an error.
    func cardFilter(_ library: Library) throws -> CardFilter {
        try library.requireDecks(deck)
        try library.requireSections(section)
        return CardFilter(deckIDs: deck, sections: section, tags: tag)
    }

    func plan(_ library: Library, filter: CardFilter) throws -> ReviewPlan {
        // Deadline mode (docs/scheduling.md) paces new cards and brings reviews forward.
        let deadline = try DeadlinePlan.make(
            library.database, filter: filter, settings: library.settings, today: library.today,
            timeZone: library.moment.timeZone)
        return try ReviewPlan.build(
            library.database, filter: filter, settings: library.settings, today: library.today,
            sessionNew: new, sessionLimit: limit, deadline: deadline)
    }
}
