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
        let deadline = try Deadline.make(library) { deckID, tags in
            (deck.isEmpty || deck.contains(deckID))
                && (tag.isEmpty || tags.contains { have in tag.contains { $0.lowercased() == have.lowercased() } })
        }
        var settings = library.settings
        if let deadline { settings.newCardsPerDay = deadline.newCardsPerDay }
        var plan = try ReviewPlan.build(library.database, filter: filter, settings: settings, today: library.today,
                                        sessionNew: new, sessionLimit: limit)
        guard let deadline, !deadline.broughtForward.isEmpty else { return plan }
        // The brought-forward cards come after the due ones, before the new ones.
        let queued = Set(plan.queue.map(\.cardID))
        let forward = deadline.broughtForward.filter { !queued.contains($0.id) }
            .map { ReviewQueue.Entry(cardID: $0.id, kind: .review, dueDay: $0.dueDay) }
        let dueCount = plan.queue.prefix { $0.kind == .review }.count
        plan.queue = Array(plan.queue.prefix(dueCount)) + forward + plan.queue.dropFirst(dueCount)
        if let limit { plan.queue = Array(plan.queue.prefix(limit)) }
        return plan
    }
}

/// What deadline mode adds to today's queue (docs/scheduling.md).
struct Deadline {
    var interview: StudyDay
    var broughtForward: [(id: String, dueDay: StudyDay?)]
    var newCardsPerDay: Int

    /// `nil` when no interview date is set or it has passed.
    static func make(_ library: Library, matches: (String, [String]) -> Bool) throws -> Deadline? {
        guard let interview = try library.database.interviewDate(), library.today < interview else { return nil }
        let parameters = try library.database.fsrsParameters() ?? .defaults
        let target = try library.database.desiredRetention()
        let (histories, _) = try library.database.fsrsHistories(timeZone: library.moment.timeZone, dayStartHour: library.settings.dayStartHour)
        let byCard = Dictionary(histories, uniquingKeysWith: { first, _ in first })
        // The scope set with `config set interview-scope` (every card when unset), within the queue's own options.
        let scope = try library.database.interviewScope()
        let sections = Dictionary(try library.database.liveDecks().map { ($0.id, ($0.section, $0.sectionZh)) }) { first, _ in first }
        func inScope(_ stored: StoredCard) -> Bool {
            guard let scope else { return true }
            guard let (section, sectionZh) = sections[stored.card.deckID],
                  scope.admitsDeck(id: stored.card.deckID, section: section, sectionZh: sectionZh) else { return false }
            let own = Set(stored.allTags.map { $0.lowercased() })
            return scope.tags.isEmpty || scope.tags.contains { own.contains($0.lowercased()) }
        }
        var cards: [DeadlineMode.Card] = []
        var unseen = 0
        for stored in try library.database.cards() where !stored.record.retired && !stored.isSuspended {
            guard matches(stored.card.deckID, stored.allTags), inScope(stored) else { continue }
            let answers = (byCard[stored.record.id] ?? []).map { ($0.quality, $0.day, $0.instant) }
            guard let memory = CardMemory(answers: answers, parameters: parameters) else {
                unseen += 1
                continue
            }
            cards.append(DeadlineMode.Card(id: stored.record.id, memory: memory, dueDay: stored.schedule.dueDay))
        }
        let due = Dictionary(cards.map { ($0.id, $0.dueDay) }, uniquingKeysWith: { first, _ in first })
        let ids = DeadlineMode.broughtForward(cards, today: library.today, interview: interview, target: target, parameters: parameters)
        return Deadline(
            interview: interview, broughtForward: ids.map { ($0, due[$0] ?? nil) },
            newCardsPerDay: DeadlineMode.newCardsPerDay(
                unseen: unseen, today: library.today, interview: interview, dailyLimit: library.settings.newCardsPerDay))
    }
}
