import Foundation
import GRDB
import Testing

@testable import RecallKit

/// The SQL side of `recall stats`: what the grouped queries return, that they
/// read the daily table (never the review log), and that the table follows the log.
@Suite struct StatsQueriesTests {
    let start = StudyDay("2026-09-01")!

    /// Deck "d" (a, b, c) and deck "e" (x, y), with `d/a` answered 5 on days 0, 1, 7, 24 (young
    /// reviews) and failed on day 72 with a 48-day interval (a mature review), `e/x` failed then
    /// re-drilled on day 72, and `d/c` suspended.
    func database() throws -> (RecallDatabase, StudyDay) {
        let db = try RecallDatabase.inMemory()
        try db.synchronize(DeckLoader.load([deckFile("d", ids: ["a", "b", "c"]), deckFile("e", ids: ["x", "y"])]))
        func answer(_ card: String, _ value: Int, on offset: Int) throws {
            try db.recordAnswer(cardID: card, grade: grade(value), at: moment, today: start.adding(days: offset), durationMs: 2000)
        }
        for offset in [0, 1, 7, 24] { try answer("d/a", 5, on: offset) }
        try answer("d/a", 2, on: 72)
        try answer("e/x", 1, on: 72)
        try answer("e/x", 4, on: 72)  // the re-drill
        try db.setSuspended(cardID: "d/c", true)
        return (db, start.adding(days: 72))
    }

    @Test func aggregatesGroupTheAnswers() throws {
        let (db, today) = try database()
        let aggregates = try db.statsAggregates(StatsQuery(today: today))
        #expect(aggregates.studyDays == [0, 1, 7, 24, 72].map { start.adding(days: $0) })
        let todayGroups = aggregates.dayGroups.filter { $0.day == today }
        #expect(
            Set(todayGroups) == [
                DayAnswerGroup(day: today, kind: .review, grade: 2, answers: 1, matureAnswers: 1, durationMs: 2000),
                DayAnswerGroup(day: today, kind: .new, grade: 1, answers: 1, matureAnswers: 0, durationMs: 2000),
                DayAnswerGroup(day: today, kind: .redrill, grade: 4, answers: 1, matureAnswers: 0, durationMs: 2000),
            ])
        #expect(aggregates.deckRetention == ["d": RetentionTally(matureReviews: 1, maturePassed: 0, youngReviews: 3, youngPassed: 3)])
        #expect(
            aggregates.deckCounts.sorted { $0.deckID < $1.deckID } == [
                DeckCardCounts(deckID: "d", new: 1, learning: 1, young: 0, mature: 0, suspended: 1, leech: 0),
                DeckCardCounts(deckID: "e", new: 1, learning: 1, young: 0, mature: 0, suspended: 0, leech: 0),
            ])
        #expect(aggregates.dueCounts == [DayCount(day: today.adding(days: 1), count: 2)])
        #expect(aggregates.intervalCounts == [ValueCount(1, 2)])
        #expect(aggregates.dueNow == 0)
        #expect(aggregates.unseen == 2)

        let report = StatsReport(aggregates, query: StatsQuery(today: today), settings: Settings())
        #expect(report.period.retention.trueRetention == 0)
        #expect(report.period.retention.youngRetention == 1)
        #expect(report.streak == Streak(current: 1, longest: 2))
    }

    @Test func aDeckFilterNarrowsEveryAggregate() throws {
        let (db, today) = try database()
        let aggregates = try db.statsAggregates(StatsQuery(today: today, deckIDs: ["e"]))
        #expect(aggregates.studyDays == [today])
        #expect(aggregates.dayGroups.reduce(0) { $0 + $1.answers } == 2)
        #expect(aggregates.deckRetention.isEmpty)
        #expect(aggregates.deckCounts.map(\.deckID) == ["e"])
        #expect(aggregates.unseen == 1)
        let unfiltered = try db.statsAggregates(StatsQuery(today: today, deckIDs: ["d", "e"]))
        let all = try db.statsAggregates(StatsQuery(today: today))
        #expect(Set(unfiltered.dayGroups) == Set(all.dayGroups))
        #expect(unfiltered.studyDays == all.studyDays)
        #expect(unfiltered.deckRetention == all.deckRetention)
    }

    @Test func theQueriesReadTheDailyTableNeverTheReviewLog() throws {
        let (db, today) = try database()
        for query in [StatsQuery(today: today), StatsQuery(today: today, deckIDs: ["d"]), StatsQuery(today: today, periodDays: 3000)] {
            let plans = try db.statsQueryPlans(query)
            #expect(plans.count == 3)
            for (name, plan) in plans {
                let text = plan.joined(separator: "\n")
                #expect(!text.contains("review_log") && !plan.contains { $0.hasPrefix("SCAN l") }, "\(name) reads the review log: \(text)")
                #expect(text.contains("stats_day"), "\(name): \(text)")
                // Days follow the key's order; only deckRetention groups by deck, over the period's few rows.
                #expect(name == "deckRetention" || !text.contains("TEMP B-TREE"), "\(name) sorts: \(text)")
            }
        }
        let unfiltered = try db.statsQueryPlans(StatsQuery(today: today))
        for name in ["dayGroups", "deckRetention"] {
            let plan = try #require(unfiltered[name])
            #expect(plan.contains { $0.contains("SEARCH stats_day USING PRIMARY KEY (day>? AND day<?)") }, "\(name): \(plan)")
        }
    }

    /// The rows of `stats_day`, and the same grouping computed from review_log directly.
    func dailyRows(_ db: RecallDatabase) throws -> (kept: [[Int]], fromLog: [[Int]], decks: [String]) {
        try db.writer.read { db in
            let kept = try Row.fetchAll(
                db,
                sql: """
                    SELECT day, kind, grade, answers, mature, duration_ms, deck_id FROM stats_day ORDER BY day, kind, grade, deck_id
                    """)
            let fromLog = try Row.fetchAll(
                db,
                sql: """
                    SELECT l.day, l.kind, l.grade, COUNT(*), SUM(l.previous_interval_days >= ?), SUM(l.duration_ms), card.deck_id
                    FROM review_log AS l JOIN card ON card.key = l.card_key
                    GROUP BY l.day, l.kind, l.grade, card.deck_id ORDER BY l.day, l.kind, l.grade, card.deck_id
                    """, arguments: [CardStage.matureIntervalDays])
            func numbers(_ rows: [Row]) -> [[Int]] { rows.map { row in (0..<6).map { row[$0] as Int } } }
            return (numbers(kept), numbers(fromLog), kept.map { $0[6] as String })
        }
    }

    @Test func theDailyTableFollowsEveryWriteOfTheReviewLog() throws {
        let (db, today) = try database()
        var rows = try dailyRows(db)
        #expect(rows.kept == rows.fromLog && !rows.kept.isEmpty)
        #expect(rows.decks.contains("d") && rows.decks.contains("e"))
        // Undo removes an answer: its group shrinks, and an emptied group goes.
        let last = try #require(try db.history(cardID: "e/x").last)
        _ = try db.undo(logID: try #require(last.id))
        rows = try dailyRows(db)
        #expect(rows.kept == rows.fromLog)
        #expect(!rows.kept.contains { $0[0] == today.daysSinceEpoch && $0[1] == 2 }, "the only re-drill was undone")
        // A restore writes the whole log at once.
        let other = try RecallDatabase.inMemory()
        try other.synchronize(DeckLoader.load([deckFile("d", ids: ["a", "b", "c"]), deckFile("e", ids: ["x", "y"])]))
        try other.restore(
            try Backup.decode(try Backup(db.exchangeSnapshot()).encoded(), file: "b.json"),
            written: [], writeFiles: {}, removeFiles: {})
        let restored = try dailyRows(other)
        #expect(restored.kept == rows.kept && restored.kept == restored.fromLog)
    }

    @Test func mapCardsGiveOneRowPerLiveCard() throws {
        let (db, _) = try database()
        let cards = try db.mapCards()
        #expect(cards.count == 5)
        #expect(cards.filter(\.isSeen).count == 2)
        #expect(try db.mapCards(deckIDs: ["e"]).map(\.deckID) == ["e", "e"])
    }
}
