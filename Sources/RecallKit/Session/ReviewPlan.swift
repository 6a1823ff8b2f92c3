/// Today's queue for a filter: what `review` asks and `due` lists, built in
/// one place from the database, the filter and the daily limits.
public struct ReviewPlan: Hashable, Sendable {
    /// Reviews, then new cards (``ReviewQueue``).
    public var queue: [ReviewQueue.Entry]
    /// Cards answered below 4 earlier today, waiting for their re-drill.
    public var redrill: [String]

    public var dueCount: Int { queue.filter { $0.kind == .review }.count }
    public var newCount: Int { queue.filter { $0.kind == .new }.count }

    /// The plan for `today`. `sessionNew` and `sessionLimit` are the session's
    /// own `--new` and `--limit`; without them the daily limits apply.
    public static func build(_ database: RecallDatabase, filter: CardFilter, settings: Settings, today: StudyDay,
                             sessionNew: Int? = nil, sessionLimit: Int? = nil) throws -> ReviewPlan {
        let counts = try database.dailyCounts(today: today)
        let limits = DailyLimits.remaining(settings: settings, newIntroducedToday: counts.newCardsIntroduced,
                                           reviewsDoneToday: counts.reviewsDone, sessionNew: sessionNew, sessionLimit: sessionLimit)
        let candidates = try database.queueCandidates(today: today).filter { filter.admits($0.subject, today: today) }
        let siblings = ReviewQueue.Siblings(keepApart: settings.siblingsApart != 0, answeredToday: try database.notesAnswered(today: today))
        let queue = ReviewQueue.build(candidates, today: today, limits: limits, siblings: siblings)
        let waiting = try database.redrillCardIDs(today: today)
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
