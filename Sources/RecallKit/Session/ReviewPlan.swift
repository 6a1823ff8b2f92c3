/// Today's queue for a filter: what `review` asks and `due` lists, built in
/// one place from the database, the filter and the daily limits.
public struct ReviewPlan: Hashable, Sendable {
    /// Reviews, then new cards (``ReviewQueue``).
    public var queue: [ReviewQueue.Entry]
    /// Cards answered below 4 earlier today, waiting for their re-drill.
    public var redrill: [String]

    /// New cards are interleaved across topics among the next `newWindowFactor` × the
    /// day's new-card limit of each deck in file order, and never fewer than
    /// `newWindowMinimum`, so that reading the queue costs what it shows, not what is
    /// stored (docs/queue.md). The minimum covers every bundled deck whole: a topic at
    /// the end of a deck (kubectl in infra-commands) is not starved while the window
    /// walks the cards before it.
    public static let newWindowFactor = 10
    public static let newWindowMinimum = 600
    /// Extra candidates read for siblings kept apart.
    public static let siblingSlack = 20

    public var dueCount: Int { queue.filter { $0.kind == .review }.count }
    public var newCount: Int { queue.filter { $0.kind == .new }.count }

    /// The plan for `today`. `sessionNew` and `sessionLimit` are the session's
    /// own `--new` and `--limit`; without them the daily limits apply. With a
    /// `deadline` (``DeadlinePlan``) new cards come at its pace, and the cards it
    /// brings forward follow the due ones, before the new ones.
    public static func build(
        _ database: RecallDatabase, filter: CardFilter, settings: Settings, today: StudyDay,
        sessionNew: Int? = nil, sessionLimit: Int? = nil, deadline: DeadlinePlan? = nil
    ) throws -> ReviewPlan {
        var settings = settings
        if let deadline { settings.newCardsPerDay = deadline.newCardsPerDay }
        let counts = try database.dailyCounts(today: today)
        let limits = DailyLimits.remaining(
            settings: settings, newIntroducedToday: counts.newCardsIntroduced,
            reviewsDoneToday: counts.reviewsDone, sessionNew: sessionNew, sessionLimit: sessionLimit)
        // Narrowed and limited in SQL (decks, tags, the day's limits), then checked by the filter itself.
        let decks = try database.liveDecks()
        let deckByID = Dictionary(decks.map { ($0.id, $0) }) { first, _ in first }
        let narrowsDecks = !filter.deckIDs.isEmpty || !filter.sections.isEmpty
        let selection = RecallDatabase.QueueSelection(
            deckIDs: narrowsDecks ? decks.filter { filter.admitsDeck(id: $0.id, section: $0.section, sectionZh: $0.sectionZh) }.map(\.id) : nil,
            tags: filter.tags)
        let sessionCap = sessionLimit ?? .max
        let candidates = try database.queueCandidates(
            today: today, selection: selection, dueLimit: min(limits.reviews, sessionCap) + Self.siblingSlack,
            newPerDeck: min(limits.newCards, sessionCap) == 0
                ? 0 : max(min(limits.newCards, sessionCap) * Self.newWindowFactor + Self.siblingSlack, Self.newWindowMinimum)
        ).compactMap { candidate -> ReviewQueue.Candidate? in
            guard let deck = deckByID[candidate.deckID] else { return nil }
            var candidate = candidate
            candidate.subject.section = deck.section
            candidate.subject.sectionZh = deck.sectionZh
            return filter.admits(candidate.subject, today: today) ? candidate : nil
        }
        let siblings = ReviewQueue.Siblings(keepApart: settings.siblingsApart != 0, answeredToday: try database.notesAnswered(today: today))
        let recent = try database.cardsIntroduced(since: today.adding(days: -ReviewQueue.recentDays))
        var queue = ReviewQueue.build(candidates, today: today, limits: limits, siblings: siblings, recentlyIntroduced: recent)
        if let deadline, !deadline.broughtForward.isEmpty {
            let queued = Set(queue.map(\.cardID))
            let dueCount = queue.prefix { $0.kind == .review }.count
            queue = Array(queue.prefix(dueCount)) + deadline.broughtForward.filter { !queued.contains($0.cardID) } + queue.dropFirst(dueCount)
            if let sessionLimit { queue = Array(queue.prefix(sessionLimit)) }
        }
        // Decks and tags narrowed in SQL, the rest of the filter (sections by name, due, weak) here.
        let waiting = try database.redrillCardIDs(today: today, selection: selection)
        let subjects = try database.filterSubjects(cardIDs: waiting)
        let redrill = waiting.filter { id in subjects[id].map { filter.admits($0, today: today) } ?? false }
        return ReviewPlan(queue: queue, redrill: redrill)
    }
}

extension ReviewPlan {
    /// A session on just the named cards, in the order given (`review --card`,
    /// `review --missed`), due or not; suspended and retired cards are left out.
    /// Each answer is recorded as `recall review` records it.
    public static func cards(_ cardIDs: [String], _ database: RecallDatabase) throws -> ReviewPlan {
        var seen: Set<String> = []
        var queue: [ReviewQueue.Entry] = []
        for id in cardIDs where seen.insert(id).inserted {
            guard let stored = try database.card(id: id), !stored.record.retired, !stored.isSuspended else { continue }
            queue.append(ReviewQueue.Entry(cardID: id, kind: stored.schedule.isNew ? .new : .review, dueDay: stored.schedule.dueDay))
        }
        return ReviewPlan(queue: queue, redrill: [])
    }
}
