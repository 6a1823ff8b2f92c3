/// What the database aggregates for `recall stats`: grouped counts, never
/// one row per answer. ``RecallDatabase/statsAggregates(_:)`` fills it with
/// a handful of GROUP BY queries; ``StatsReport`` turns it into what is shown.
public struct StatsAggregates: Hashable, Sendable {
    /// Answers grouped by study day, kind and grade, from ``StatsQuery/firstDay`` through today.
    public var dayGroups: [DayAnswerGroup] = []
    /// Every study day with at least one answer, ascending, over the whole history (for streaks).
    public var studyDays: [StudyDay] = []
    /// Scheduled reviews in the period, by deck.
    public var deckRetention: [String: RetentionTally] = [:]
    /// Cards due on each day up to the end of the forecast, overdue days included.
    public var dueCounts: [DayCount] = []
    /// Answered, unsuspended cards by interval in days.
    public var intervalCounts: [ValueCount<Int>] = []
    /// Answered, unsuspended cards by easiness factor.
    public var easinessCounts: [ValueCount<Double>] = []
    /// Each deck's cards by stage.
    public var deckCounts: [DeckCardCounts] = []
    /// Cards that can be asked today and are due (not new, not suspended or buried).
    public var dueNow = 0
    /// New cards that can be introduced (not suspended or buried).
    public var unseen = 0
    /// Today's new cards and scheduled reviews in every deck: the daily limits are shared by all decks.
    public var newCardsTodayAllDecks = 0
    public var reviewsTodayAllDecks = 0

    public init() {}
}

/// Answers of one kind and grade on one study day.
public struct DayAnswerGroup: Hashable, Sendable {
    public var day: StudyDay
    public var kind: ReviewQueue.EntryKind
    public var grade: Int
    public var answers: Int
    /// Of `answers`, those whose card had a mature interval before the answer.
    public var matureAnswers: Int
    public var durationMs: Int

    public init(day: StudyDay, kind: ReviewQueue.EntryKind, grade: Int, answers: Int, matureAnswers: Int, durationMs: Int) {
        self.day = day
        self.kind = kind
        self.grade = grade
        self.answers = answers
        self.matureAnswers = matureAnswers
        self.durationMs = durationMs
    }
}

public struct DayCount: Hashable, Sendable, Codable {
    public var day: StudyDay
    public var count: Int

    public init(day: StudyDay, count: Int) {
        self.day = day
        self.count = count
    }
}

public struct ValueCount<Value: Hashable & Sendable>: Hashable, Sendable {
    public var value: Value
    public var count: Int

    public init(_ value: Value, _ count: Int) {
        self.value = value
        self.count = count
    }
}

/// Which history `recall stats` looks at: the decks, today, and the period
/// retention is measured over. Pure arithmetic on days.
public struct StatsQuery: Hashable, Sendable {
    /// Weeks shown in the heatmap before the current one.
    public static let heatmapWeeks = 52
    /// Days in the due forecast, today first.
    public static let forecastDays = 30
    public static let defaultPeriodDays = 365

    public var today: StudyDay
    /// Retention (overall, per deck, per month) counts the answers of the last `periodDays` days, today included.
    public var periodDays: Int
    /// Only these decks; nil for all of them.
    public var deckIDs: [String]?

    public init(today: StudyDay, periodDays: Int = StatsQuery.defaultPeriodDays, deckIDs: [String]? = nil) {
        self.today = today
        self.periodDays = max(1, periodDays)
        self.deckIDs = deckIDs
    }

    /// The Monday that starts the heatmap's first column: 52 weeks before the current week.
    public var heatmapStart: StudyDay { today.adding(days: -today.weekday - 7 * Self.heatmapWeeks) }
    public var periodStart: StudyDay { today.adding(days: 1 - periodDays) }
    /// The first day the per-day aggregate has to cover.
    public var firstDay: StudyDay { min(heatmapStart, periodStart) }
    public var forecastEnd: StudyDay { today.adding(days: Self.forecastDays - 1) }
}
