/// Everything the scheduler keeps about one card between answers.
public struct CardSchedule: Hashable, Sendable, Codable {
    public var sm2: SM2State
    /// The day the card is next due; `nil` for a card never answered.
    public var dueDay: StudyDay?
    /// How many scheduled answers were below 3.
    public var lapses: Int
    public var isLeech: Bool

    public init(sm2: SM2State = .new, dueDay: StudyDay? = nil, lapses: Int = 0, isLeech: Bool = false) {
        self.sm2 = sm2
        self.dueDay = dueDay
        self.lapses = lapses
        self.isLeech = isLeech
    }

    public static let new = CardSchedule()
    public var isNew: Bool { dueDay == nil }
}

/// Maps a card's schedule and an answer to its next schedule. Pure.
public enum Scheduler {
    /// Lapses after which a card is tagged a leech: Anki's default threshold.
    public static let leechLapses = 8

    public struct Outcome: Hashable, Sendable {
        public var schedule: CardSchedule
        /// True when this answer made the card a leech.
        public var becameLeech: Bool
    }

    /// A scheduled answer: SM-2 moves the card, and a failure counts a lapse.
    /// (SM-2 calls every answer below 3 a lapse, new cards included.)
    public static func answer(_ schedule: CardSchedule, grade: Grade, today: StudyDay) -> Outcome {
        var next = schedule
        next.sm2 = SM2.review(schedule.sm2, grade: grade)
        next.dueDay = today.adding(days: next.sm2.intervalDays)
        if !grade.isPassing { next.lapses += 1 }
        let becameLeech = !schedule.isLeech && next.lapses >= leechLapses
        if becameLeech { next.isLeech = true }
        return Outcome(schedule: next, becameLeech: becameLeech)
    }

    /// The interval each grade would give, grouped where grades agree:
    /// `0-2: 1d · 3-5: 15d`. In SM-2 every passing grade gives the same
    /// next interval (the grade moves the easiness, which shapes the one after).
    public static func previewLine(_ schedule: CardSchedule) -> String {
        previewLine(SM2.preview(schedule.sm2))
    }

    /// Each grade's next interval, grouped where neighbouring grades agree (0d: later today).
    public static func previewLine(_ intervals: [(grade: Grade, intervalDays: Int)]) -> String {
        var groups: [(first: Int, last: Int, days: Int)] = []
        for (grade, days) in intervals {
            if let last = groups.last, last.days == days, last.last == grade.value - 1 {
                groups[groups.count - 1].last = grade.value
            } else {
                groups.append((grade.value, grade.value, days))
            }
        }
        return groups.map { group in
            let grades = group.first == group.last ? "\(group.first)" : "\(group.first)-\(group.last)"
            return "\(grades): \(group.days)d"
        }.joined(separator: " · ")
    }
}
