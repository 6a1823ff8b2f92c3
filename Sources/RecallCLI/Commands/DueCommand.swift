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
        let library = try Library.open(global, context)
        try library.requireDecks(filter.deck)
        let queue = try filter.queue(library)
        let redrill = try filter.redrill(library)
        var entries: [EntryJSON] = []
        for entry in queue + redrill {
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
    @Option(help: ArgumentHelp("Only cards with this tag (repeatable; any of them).", valueName: "tag")) var tag: [String] = []
    @Option(help: ArgumentHelp("At most this many new cards in this session (default: the daily limit less those already introduced today).", valueName: "n"))
    var new: Int?
    @Option(help: ArgumentHelp("At most this many cards in this session, before the re-drill.", valueName: "n")) var limit: Int?

    func validate() throws {
        if let new, new < 0 { throw ValidationError("--new must be 0 or more") }
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more") }
    }

    func matches(deckID: String, tags: [String]) -> Bool {
        (deck.isEmpty || deck.contains(deckID)) && (tag.isEmpty || tags.contains(where: tag.contains))
    }

    func queue(_ library: Library) throws -> [ReviewQueue.Entry] {
        let today = library.today
        let counts = try library.database.dailyCounts(today: today)
        let limits = ReviewQueue.Limits(
            newCards: new ?? max(0, library.settings.newCardsPerDay - counts.newCardsIntroduced),
            reviews: max(0, library.settings.reviewsPerDay - counts.reviewsDone),
            total: limit)
        // Selected and limited in SQL: the queue takes at most `reviews` due cards and, round-robin,
        // at most `newCards` from any one deck, so no more than that is read.
        let selection = RecallDatabase.QueueSelection(deckIDs: deck.isEmpty ? nil : deck, tags: tag)
        let candidates = try library.database.queueCandidates(
            today: today, selection: selection, dueLimit: min(limits.reviews, limit ?? .max), newPerDeck: min(limits.newCards, limit ?? .max))
        return ReviewQueue.build(candidates, today: today, limits: limits)
    }

    func redrill(_ library: Library) throws -> [ReviewQueue.Entry] {
        // Filtered in SQL: one query however many cards wait for the re-drill.
        let selection = RecallDatabase.QueueSelection(deckIDs: deck.isEmpty ? nil : deck, tags: tag)
        return try library.database.redrillCardIDs(today: library.today, selection: selection).map {
            ReviewQueue.Entry(cardID: $0, kind: .redrill)
        }
    }
}
