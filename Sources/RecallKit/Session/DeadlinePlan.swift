import Foundation

/// What deadline mode (`recall config set interview-date DATE`, docs/scheduling.md)
/// adds to today's plan: the answered cards ``DeadlineMode`` brings forward, and
/// the pace of new cards. Only the cards the rule can name are read: those of the
/// queue's filter and the interview scope whose next due day is after the
/// interview, with their own answers; new cards are counted in SQL, by deck and
/// tags, never loaded one by one.
public struct DeadlinePlan: Hashable, Sendable {
    public var interview: StudyDay
    /// Lowest predicted recall on the interview day first, as review entries.
    public var broughtForward: [ReviewQueue.Entry]
    /// New cards a day while the interview is ahead (at least the daily limit).
    public var newCardsPerDay: Int

    /// `nil` when no interview date is set or it is not after `today`.
    public static func make(
        _ database: RecallDatabase, filter: CardFilter, settings: Settings, today: StudyDay,
        timeZone: TimeZone
    ) throws -> DeadlinePlan? {
        guard let interview = try database.interviewDate(), today < interview else { return nil }
        let scope = try database.interviewScope() ?? CardFilter()
        let parameters = try database.fsrsParameters() ?? .defaults
        let target = try database.desiredRetention()
        func inPlan(_ subject: CardFilter.Subject) -> Bool { filter.admits(subject, today: today) && scope.admits(subject, today: today) }

        let unseen =
            try filter.cardIDs.map { ids in
                try database.filterSubjects(cardIDs: Array(ids)).values.filter { $0.dueDay == nil && inPlan($0) }.count
            } ?? database.newCardGroups().reduce(0) { total, group in total + (inPlan(group.subject) ? group.count : 0) }
        var cards: [DeadlineMode.Card] = []
        var dueDays: [String: StudyDay] = [:]
        for late in try database.answeredCards(dueAfter: interview, timeZone: timeZone, dayStartHour: settings.dayStartHour)
        where inPlan(late.subject) {
            let answers = late.answers.map { ($0.quality, $0.day, $0.instant) }
            guard let memory = CardMemory(answers: answers, parameters: parameters), let due = late.subject.dueDay else { continue }
            cards.append(DeadlineMode.Card(id: late.subject.cardID, memory: memory, dueDay: due))
            dueDays[late.subject.cardID] = due
        }
        let ids = DeadlineMode.broughtForward(cards, today: today, interview: interview, target: target, parameters: parameters)
        return DeadlinePlan(
            interview: interview,
            broughtForward: ids.map { ReviewQueue.Entry(cardID: $0, kind: .review, dueDay: dueDays[$0]) },
            newCardsPerDay: DeadlineMode.newCardsPerDay(unseen: unseen, today: today, interview: interview, dailyLimit: settings.newCardsPerDay))
    }
}
