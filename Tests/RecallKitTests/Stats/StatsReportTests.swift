import Testing

@testable import RecallKit

@Suite struct StatsReportTests {
    let today = StudyDay("2026-11-29")!

    func day(_ offset: Int) -> StudyDay { today.adding(days: offset) }

    @Test func cardStagesFollowTheDocumentedRule() {
        #expect(CardStage(isNew: true, repetitions: 0, intervalDays: 0) == .new)
        #expect(CardStage(isNew: false, repetitions: 1, intervalDays: 1) == .learning)
        #expect(CardStage(isNew: false, repetitions: 0, intervalDays: 1) == .learning)  // failed: back on the 1-day step
        #expect(CardStage(isNew: false, repetitions: 2, intervalDays: 6) == .young)
        #expect(CardStage(isNew: false, repetitions: 3, intervalDays: 20) == .young)
        #expect(CardStage(isNew: false, repetitions: 3, intervalDays: 21) == .mature)
    }

    @Test func streakCountsRunsAndSurvivesUntilTheDayEnds() {
        let days = [day(-10), day(-9), day(-8), day(-5), day(-3), day(-2), day(-1)]
        #expect(Streak(days: days, today: today) == Streak(current: 3, longest: 3))
        #expect(Streak(days: days + [today], today: today) == Streak(current: 4, longest: 4))
        #expect(Streak(days: [day(-10), day(-9), day(-2)], today: today) == Streak(current: 0, longest: 2))
        #expect(Streak(days: [], today: today) == Streak(current: 0, longest: 0))
        // Days after "today" (a RECALL_NOW in the past) are ignored; duplicates count once.
        #expect(Streak(days: [today, today, day(1), day(2)], today: today) == Streak(current: 1, longest: 1))
    }

    func group(_ day: StudyDay, _ kind: ReviewQueue.EntryKind, grade: Int, answers: Int, mature: Int = 0, ms: Int = 1000) -> DayAnswerGroup {
        DayAnswerGroup(day: day, kind: kind, grade: grade, answers: answers, matureAnswers: mature, durationMs: ms)
    }

    @Test func retentionCountsScheduledReviewsOnlySplitAtTwentyOneDays() {
        let groups = [
            group(today, .review, grade: 4, answers: 10, mature: 6),  // 6 mature passed, 4 young passed
            group(today, .review, grade: 2, answers: 5, mature: 2),  // 2 mature failed, 3 young failed
            group(today, .review, grade: 3, answers: 1, mature: 1),  // 3 is a pass
            group(today, .new, grade: 1, answers: 7),
            group(today, .redrill, grade: 1, answers: 9, mature: 9),
        ]
        let tally = groups.map(RetentionTally.init).reduce(RetentionTally(), +)
        #expect(tally == RetentionTally(matureReviews: 9, maturePassed: 7, youngReviews: 7, youngPassed: 4))
        #expect(tally.trueRetention == 7.0 / 9.0)
        #expect(tally.youngRetention == 4.0 / 7.0)
        #expect(RetentionTally().trueRetention == nil)
    }

    @Test func todaySummaryAndLimitsMatchTheQueue() {
        var aggregates = StatsAggregates()
        aggregates.dayGroups = [
            group(today, .review, grade: 4, answers: 10, ms: 60_000), group(today, .new, grade: 2, answers: 5, ms: 30_000),
            group(today, .redrill, grade: 5, answers: 5, ms: 10_000), group(day(-1), .review, grade: 5, answers: 99),
        ]
        aggregates.dueNow = 500
        aggregates.unseen = 100
        // The limits are shared by every deck: with a deck filter, other decks' answers today still count.
        aggregates.reviewsTodayAllDecks = 30
        aggregates.newCardsTodayAllDecks = 8
        var settings = Settings()
        settings.reviewsPerDay = 200
        settings.newCardsPerDay = 20
        let summary = TodaySummary(aggregates, today: today, settings: settings)
        #expect(summary.answers == 20)
        #expect(summary.reviews == 10 && summary.newCards == 5 && summary.redrills == 5)
        #expect(summary.passed == 15)
        #expect(summary.durationMs == 100_000)
        #expect(summary.dueReviews == 170)
        #expect(summary.newWaiting == 12)
    }

    @Test func heatmapStartsOnAMondayFiftyTwoWeeksBackAndShadesByQuartile() {
        let query = StatsQuery(today: today)
        #expect(query.heatmapStart.weekday == 0)
        #expect(query.heatmapStart == StudyDay("2025-11-24")!)  // 2026-11-29 is a Sunday
        let groups = [1, 2, 3, 4, 5, 6, 7, 8].map { group(day(-$0), .review, grade: 4, answers: $0) }
        let map = Heatmap(groups, start: query.heatmapStart, today: today)
        #expect(map.counts.count == 371)
        #expect(map.weeks == 53)
        #expect(map.thresholds == [2, 4, 6])
        #expect([0, 1, 2, 3, 4, 5, 6, 7, 8].map(map.shade) == [0, 1, 1, 2, 2, 3, 3, 4, 4])
        #expect(map.legend.map { [$0.shade, $0.lower, $0.upper] } == [[1, 1, 2], [2, 3, 4], [3, 5, 6], [4, 7, 8]])
        #expect(map.count(week: 52, weekday: 6) == 0)  // today, a Sunday
        #expect(map.count(week: 52, weekday: 5) == 1)
        #expect(map.total == 36 && map.activeDays == 8)
    }

    @Test func forecastFoldsOverdueCardsIntoToday() {
        let due = [
            DayCount(day: day(-3), count: 4), DayCount(day: today, count: 1), DayCount(day: day(1), count: 2),
            DayCount(day: day(29), count: 7), DayCount(day: day(30), count: 100),
        ]
        let forecast = StatsReport.forecast(due, today: today)
        #expect(forecast.count == 30)
        #expect(forecast[0] == DayCount(day: today, count: 5))
        #expect(forecast[1].count == 2)
        #expect(forecast[29] == DayCount(day: day(29), count: 7))
        #expect(forecast.reduce(0) { $0 + $1.count } == 14)
    }

    @Test func intervalAndEasinessBuckets() {
        let intervals = Bucket.intervals([ValueCount(1, 3), ValueCount(6, 2), ValueCount(20, 1), ValueCount(21, 4), ValueCount(400, 1)])
        #expect(intervals.map(\.label) == ["1d", "2-3d", "4-7d", "8-14d", "15-20d", "21-30d", "31-60d", "61-90d", "91-180d", "181-365d", "366d+"])
        #expect(intervals.map(\.count) == [3, 0, 2, 0, 1, 4, 0, 0, 0, 0, 1])
        // 1.3 is the floor; 2.5 − 0.14 − 0.14 + … lands near bounds and must not slip below them.
        let easiness = Bucket.easiness([
            ValueCount(1.3, 2), ValueCount(1.5, 1), ValueCount(2.5, 5), ValueCount(2.36, 1), ValueCount(3.0, 1),
            ValueCount(2.5 - 0.14 - 0.14 + 0.1 + 0.18, 1),
        ])
        #expect(easiness.map(\.label) == ["1.3-1.5", "1.5-1.7", "1.7-1.9", "1.9-2.1", "2.1-2.3", "2.3-2.5", "2.5-2.7", "2.7+"])
        #expect(easiness.map(\.count) == [2, 1, 0, 0, 0, 1, 6, 1])
    }

    @Test func monthsCoverThePeriodEvenWithoutReviews() {
        let groups = [
            group(StudyDay("2026-10-03")!, .review, grade: 5, answers: 2, mature: 1),
            group(StudyDay("2026-11-02")!, .review, grade: 0, answers: 1, mature: 1),
        ]
        let months = MonthRetention.months(groups, from: StudyDay("2026-09-30")!, through: today)
        #expect(months.map(\.month) == ["2026-09", "2026-10", "2026-11"])
        #expect(months[0].retention.isEmpty)
        #expect(months[1].retention == RetentionTally(matureReviews: 1, maturePassed: 1, youngReviews: 1, youngPassed: 1))
        #expect(months[2].retention.trueRetention == 0)
    }

    @Test func periodCoversExactlyTheLastNDays() {
        let query = StatsQuery(today: today, periodDays: 7)
        #expect(query.periodStart == day(-6))
        #expect(query.firstDay == query.heatmapStart)
        #expect(StatsQuery(today: today, periodDays: 1000).firstDay == day(-999))
        var aggregates = StatsAggregates()
        aggregates.dayGroups = [group(day(-7), .review, grade: 5, answers: 50), group(day(-6), .review, grade: 5, answers: 3, mature: 3)]
        let report = StatsReport(aggregates, query: query, settings: Settings())
        #expect(report.period.answers == 3)
        #expect(report.period.retention.matureReviews == 3)
        #expect(report.heatmap.total == 53)
    }
}
