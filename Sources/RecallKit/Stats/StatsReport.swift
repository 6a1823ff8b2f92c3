/// Everything `recall stats` shows, computed from ``StatsAggregates`` by
/// pure functions: no database, no clock. `--json` prints this value.
public struct StatsReport: Hashable, Sendable, Encodable {
    public var today: StudyDay
    /// The decks looked at; nil for all.
    public var decks: [String]?
    public var todaySummary: TodaySummary
    public var streak: Streak
    public var heatmap: Heatmap
    /// Cards due on each of the next 30 days; today's count includes overdue cards.
    public var forecast: [DayCount]
    public var intervals: [Bucket]
    public var easiness: [Bucket]
    public var period: PeriodSummary
    public var retentionByDeck: [DeckRetention]
    public var retentionByMonth: [MonthRetention]
    public var deckCounts: [DeckCardCounts]

    public init(_ aggregates: StatsAggregates, query: StatsQuery, settings: Settings) {
        today = query.today
        decks = query.deckIDs
        todaySummary = TodaySummary(aggregates, today: query.today, settings: settings)
        streak = Streak(days: aggregates.studyDays, today: query.today)
        heatmap = Heatmap(aggregates.dayGroups, start: query.heatmapStart, today: query.today)
        forecast = Self.forecast(aggregates.dueCounts, today: query.today)
        intervals = Bucket.intervals(aggregates.intervalCounts)
        easiness = Bucket.easiness(aggregates.easinessCounts)
        let inPeriod = aggregates.dayGroups.filter { $0.day >= query.periodStart && $0.day <= query.today }
        period = PeriodSummary(inPeriod, query: query)
        retentionByMonth = MonthRetention.months(inPeriod, from: query.periodStart, through: query.today)
        deckCounts = aggregates.deckCounts.sorted { $0.deckID < $1.deckID }
        let deckIDs = Set(aggregates.deckCounts.map(\.deckID)).union(aggregates.deckRetention.keys)
        retentionByDeck = deckIDs.sorted().map { DeckRetention(deckID: $0, retention: aggregates.deckRetention[$0] ?? RetentionTally()) }
    }

    /// The next `StatsQuery.forecastDays` days, overdue cards counted today.
    public static func forecast(_ due: [DayCount], today: StudyDay) -> [DayCount] {
        var counts = [Int](repeating: 0, count: StatsQuery.forecastDays)
        for entry in due {
            let offset = max(0, today.distance(to: entry.day))
            if offset < counts.count { counts[offset] += entry.count }
        }
        return counts.enumerated().map { DayCount(day: today.adding(days: $0.offset), count: $0.element) }
    }
}

/// Today at a glance.
public struct TodaySummary: Hashable, Sendable, Encodable {
    /// Every answer today, re-drills included.
    public var answers = 0
    public var newCards = 0
    public var reviews = 0
    public var redrills = 0
    /// Answers graded 3 or better.
    public var passed = 0
    public var durationMs = 0
    /// Reviews still waiting today, within what the daily review limit leaves (as `recall due` counts them).
    public var dueReviews = 0
    /// New cards still to be introduced today, within the daily new-card limit.
    public var newWaiting = 0

    public init(_ aggregates: StatsAggregates, today: StudyDay, settings: Settings) {
        for group in aggregates.dayGroups where group.day == today {
            answers += group.answers
            durationMs += group.durationMs
            if group.grade >= SM2.passingGrade { passed += group.answers }
            switch group.kind {
            case .new: newCards += group.answers
            case .review: reviews += group.answers
            case .redrill: redrills += group.answers
            }
        }
        let left = DailyLimits.remaining(
            settings: settings, newIntroducedToday: aggregates.newCardsTodayAllDecks,
            reviewsDoneToday: aggregates.reviewsTodayAllDecks)
        dueReviews = min(aggregates.dueNow, left.reviews)
        newWaiting = min(aggregates.unseen, left.newCards)
    }
}

/// Consecutive study days with at least one answer.
public struct Streak: Hashable, Sendable, Encodable {
    /// The run that ends today, or yesterday while today has no answer yet (a streak lasts until its day ends).
    public var current: Int
    public var longest: Int

    public init(current: Int, longest: Int) {
        self.current = current
        self.longest = longest
    }

    /// - Parameter days: the study days with answers, in any order; days after `today` are ignored.
    public init(days: [StudyDay], today: StudyDay) {
        let sorted = Set(days.filter { $0 <= today }).sorted()
        var longest = 0
        var run = 0
        var previous: StudyDay?
        for day in sorted {
            run = previous.map { $0.adding(days: 1) == day } == true ? run + 1 : 1
            longest = max(longest, run)
            previous = day
        }
        // `run` is now the run ending on the last study day.
        let current: Int
        if let last = sorted.last, last == today || last == today.adding(days: -1) {
            current = run
        } else {
            current = 0
        }
        self.init(current: current, longest: longest)
    }
}

/// A year of answers by day: weeks as columns (Monday first), weekdays as rows.
public struct Heatmap: Hashable, Sendable, Encodable {
    /// The Monday of the first column.
    public var start: StudyDay
    public var end: StudyDay
    /// Answers on each day from `start` through `end`.
    public var counts: [Int]
    /// The upper bounds of shades 1, 2 and 3 (the quartiles of the days with answers); shade 4 is above.
    public var thresholds: [Int]

    public static let shades = 4

    public init(_ groups: [DayAnswerGroup], start: StudyDay, today: StudyDay) {
        self.start = start
        end = today
        var counts = [Int](repeating: 0, count: max(0, start.distance(to: today) + 1))
        for group in groups {
            let offset = start.distance(to: group.day)
            if offset >= 0 && offset < counts.count { counts[offset] += group.answers }
        }
        self.counts = counts
        thresholds = Self.quartiles(counts.filter { $0 > 0 })
    }

    /// The 25th, 50th and 75th percentiles (nearest rank) of `values`; empty for no values.
    static func quartiles(_ values: [Int]) -> [Int] {
        guard !values.isEmpty else { return [] }
        let sorted = values.sorted()
        return [1, 2, 3].map { quarter in
            let rank = (quarter * sorted.count + 3) / 4  // ⌈q·n/4⌉
            return sorted[max(0, rank - 1)]
        }
    }

    public var weeks: Int { (counts.count + 6) / 7 }

    /// 0 for no answers, else 1…4.
    public func shade(_ count: Int) -> Int {
        guard count > 0 else { return 0 }
        return 1 + thresholds.filter { count > $0 }.count
    }

    /// The answers on the day in column `week`, row `weekday` (0 = Monday); nil after the last day.
    public func count(week: Int, weekday: Int) -> Int? {
        let offset = week * 7 + weekday
        return offset < counts.count ? counts[offset] : nil
    }

    /// Each shade's range of answers a day, for the legend; shades no day can have are left out.
    public var legend: [(shade: Int, lower: Int, upper: Int)] {
        guard let maximum = counts.max(), maximum > 0 else { return [] }
        let bounds = [0] + thresholds + [maximum]
        var ranges: [(Int, Int, Int)] = []
        for shade in 1...Self.shades where bounds[shade] > bounds[shade - 1] {
            ranges.append((shade, bounds[shade - 1] + 1, bounds[shade]))
        }
        return ranges
    }

    public var total: Int { counts.reduce(0, +) }
    public var activeDays: Int { counts.filter { $0 > 0 }.count }

    enum CodingKeys: String, CodingKey { case start, end, counts, thresholds }
}

/// A range of values and how many cards fall in it.
public struct Bucket: Hashable, Sendable, Encodable {
    public var label: String
    public var count: Int

    public init(label: String, count: Int) {
        self.label = label
        self.count = count
    }

    /// Interval buckets in days: the lower bound of each (the last is open).
    public static let intervalLowerBounds = [1, 2, 4, 8, 15, 21, 31, 61, 91, 181, 366]

    public static func intervals(_ counts: [ValueCount<Int>]) -> [Bucket] {
        let bounds = intervalLowerBounds
        var totals = [Int](repeating: 0, count: bounds.count)
        for entry in counts {
            guard let index = bounds.lastIndex(where: { $0 <= entry.value }) else { continue }
            totals[index] += entry.count
        }
        return bounds.indices.map { index in
            let lower = bounds[index]
            let label: String
            if index + 1 < bounds.count {
                let upper = bounds[index + 1] - 1
                label = lower == upper ? "\(lower)d" : "\(lower)-\(upper)d"
            } else {
                label = "\(lower)d+"
            }
            return Bucket(label: label, count: totals[index])
        }
    }

    /// Easiness buckets 0.2 wide from SM-2's floor of 1.3; the last is open.
    public static let easinessBucketCount = 8
    public static let easinessStep = 0.2

    public static func easiness(_ counts: [ValueCount<Double>]) -> [Bucket] {
        var totals = [Int](repeating: 0, count: easinessBucketCount)
        for entry in counts {
            // A hair of tolerance: 2.5 − 0.14 + … lands a rounding error away from a bound.
            let position = ((entry.value - SM2.minimumEasiness) / easinessStep + 1e-9).rounded(.down)
            // Compared in Double first, so that no value (1e308, not a number) traps on the way to an Int.
            let index = position >= Double(easinessBucketCount - 1) ? easinessBucketCount - 1 : position >= 0 ? Int(position) : 0
            totals[index] += entry.count
        }
        return totals.indices.map { index in
            let lower = SM2.minimumEasiness + Double(index) * easinessStep
            let label = index + 1 < easinessBucketCount ? "\(format(lower))-\(format(lower + easinessStep))" : "\(format(lower))+"
            return Bucket(label: label, count: totals[index])
        }
    }

    private static func format(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}

/// The answers of the period `--days` covers.
public struct PeriodSummary: Hashable, Sendable, Encodable {
    public var days: Int
    public var start: StudyDay
    public var answers = 0
    public var activeDays = 0
    public var durationMs = 0
    public var retention = RetentionTally()

    init(_ groups: [DayAnswerGroup], query: StatsQuery) {
        days = query.periodDays
        start = query.periodStart
        var active = Set<StudyDay>()
        for group in groups {
            answers += group.answers
            durationMs += group.durationMs
            if group.answers > 0 { active.insert(group.day) }
            retention = retention + RetentionTally(group)
        }
        activeDays = active.count
    }
}

extension RetentionTally {
    /// The scheduled reviews of one group: nothing for new cards and re-drills.
    init(_ group: DayAnswerGroup) {
        self.init()
        guard group.kind == .review else { return }
        let young = group.answers - group.matureAnswers
        let passed = group.grade >= SM2.passingGrade
        matureReviews = group.matureAnswers
        youngReviews = young
        maturePassed = passed ? group.matureAnswers : 0
        youngPassed = passed ? young : 0
    }
}

public struct DeckRetention: Hashable, Sendable, Encodable {
    public var deckID: String
    public var retention: RetentionTally
}

public struct MonthRetention: Hashable, Sendable, Encodable {
    /// `YYYY-MM`.
    public var month: String
    public var retention: RetentionTally

    /// Every calendar month that meets the period, oldest first, with its scheduled reviews.
    static func months(_ groups: [DayAnswerGroup], from start: StudyDay, through end: StudyDay) -> [MonthRetention] {
        func key(_ day: StudyDay) -> String { String(day.description.prefix(7)) }
        var tallies: [String: RetentionTally] = [:]
        for group in groups { tallies[key(group.day), default: RetentionTally()] = tallies[key(group.day), default: RetentionTally()] + RetentionTally(group) }
        var months: [String] = []
        var day = start
        while day <= end {
            let month = key(day)
            if months.last != month { months.append(month) }
            day = day.adding(days: 1)
        }
        return months.map { MonthRetention(month: $0, retention: tallies[$0] ?? RetentionTally()) }
    }
}
