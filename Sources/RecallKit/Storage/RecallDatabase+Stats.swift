import GRDB

/// The aggregates behind `recall stats` and `recall map`.
///
/// Every query groups in SQL: what comes back is one row per day, kind and
/// grade, per deck, or per card-table value, never one per answer. The
/// review_log queries are range searches on the covering indexes of the
/// "v4-compact-review-log" migration (see docs/stats.md; a test reads their query plans):
///
/// - all decks: the per-day aggregate searches `review_log_day` by
///   study day, and GROUP BY study_day, kind, grade follows that index's
///   order, so nothing is sorted;
/// - per deck, and every query narrowed to some decks: the cards are walked
///   in deck order (`card_deck`) and each card's answers in the period are a
///   search of `review_log_card` by (card, kind, study day);
/// - the study days for streaks: one index seek per day with an answer
///   (a recursive "next day after" query), not a pass over the answers.
extension RecallDatabase {
    /// One statement `statsAggregates` runs, kept apart so that tests can read its query plan.
    struct StatsStatement {
        var name: String
        var sql: String
        var arguments: StatementArguments
    }

    /// The review_log statements for `query`, in the order `statsAggregates` runs them.
    static func statsStatements(_ query: StatsQuery) -> (dayGroups: StatsStatement, studyDays: StatsStatement, deckRetention: StatsStatement) {
        let mature = CardStage.matureIntervalDays
        let passing = SM2.passingGrade
        let decks = query.deckIDs ?? []
        let deckList = Array(repeating: "?", count: decks.count).joined(separator: ", ")
        let deckArguments = StatementArguments(decks)
        let period: StatementArguments = [query.periodStart, query.today]
        let allKinds = "l.kind IN (0, 1, 2)" // every kind: lets the search use (card, kind, day)

        let dayGroups: StatsStatement
        let studyDays: StatsStatement
        if query.deckIDs == nil {
            dayGroups = StatsStatement(name: "dayGroups", sql: """
                SELECT l.day, l.kind, l.grade, COUNT(*) AS answers,
                       SUM(l.previous_interval_days >= \(mature)) AS mature, SUM(l.duration_ms) AS duration
                FROM review_log AS l
                WHERE l.day BETWEEN ? AND ?
                GROUP BY l.day, l.kind, l.grade
                """, arguments: [query.firstDay, query.today])
            studyDays = StatsStatement(name: "studyDays", sql: """
                WITH RECURSIVE days(day) AS (
                    SELECT MIN(day) FROM review_log
                    UNION ALL
                    SELECT (SELECT MIN(day) FROM review_log WHERE day > days.day) FROM days WHERE days.day IS NOT NULL
                )
                SELECT day FROM days WHERE day IS NOT NULL
                """, arguments: [])
        } else {
            dayGroups = StatsStatement(name: "dayGroups", sql: """
                SELECT l.day, l.kind, l.grade, COUNT(*) AS answers,
                       SUM(l.previous_interval_days >= \(mature)) AS mature, SUM(l.duration_ms) AS duration
                FROM card CROSS JOIN review_log AS l ON l.card_key = card.key
                WHERE card.deck_id IN (\(deckList)) AND \(allKinds) AND l.day BETWEEN ? AND ?
                GROUP BY l.day, l.kind, l.grade
                """, arguments: deckArguments + [query.firstDay, query.today])
            studyDays = StatsStatement(name: "studyDays", sql: """
                SELECT DISTINCT l.day
                FROM card CROSS JOIN review_log AS l ON l.card_key = card.key
                WHERE card.deck_id IN (\(deckList)) AND \(allKinds)
                ORDER BY l.day
                """, arguments: deckArguments)
        }
        let deckFilter = query.deckIDs == nil ? "" : "AND card.deck_id IN (\(deckList))"
        let deckRetention = StatsStatement(name: "deckRetention", sql: """
            SELECT card.deck_id, COUNT(*) AS reviews, SUM(l.grade >= \(passing)) AS passed,
                   SUM(l.previous_interval_days >= \(mature)) AS mature,
                   SUM(l.previous_interval_days >= \(mature) AND l.grade >= \(passing)) AS mature_passed
            FROM card CROSS JOIN review_log AS l ON l.card_key = card.key
            WHERE l.kind = 1 AND l.day BETWEEN ? AND ? \(deckFilter)
            GROUP BY card.deck_id
            """, arguments: period + deckArguments)
        return (dayGroups, studyDays, deckRetention)
    }

    /// The grouped counts `recall stats` is drawn from, read in one transaction.
    public func statsAggregates(_ query: StatsQuery) throws -> StatsAggregates {
        let statements = Self.statsStatements(query)
        let decks = query.deckIDs ?? []
        let cardFilter = query.deckIDs == nil ? "" : "AND deck_id IN (\(Array(repeating: "?", count: decks.count).joined(separator: ", ")))"
        let deckArguments = StatementArguments(decks)
        let mature = CardStage.matureIntervalDays
        let learned = CardStage.learnedRepetitions
        let (clampedInterval, clampedEasiness) = (Self.clampedInterval, Self.clampedEasiness)
        return try writer.read { db in
            var result = StatsAggregates()
            let days = statements.dayGroups
            result.dayGroups = try Row.fetchAll(db, sql: days.sql, arguments: days.arguments).compactMap { row in
                guard let day = StudyDay.fromDatabaseValue(try row.decode(DatabaseValue.self, atIndex: 0)), let kind = ReviewQueue.EntryKind(storedCode: try row.decode(atIndex: 1)) else { return nil }
                return DayAnswerGroup(day: day, kind: kind, grade: try row.decode(atIndex: 2), answers: try row.decode(atIndex: 3), matureAnswers: try row.decode(atIndex: 4), durationMs: try row.decode(atIndex: 5))
            }
            result.studyDays = try StudyDay.fetchAll(db, sql: statements.studyDays.sql, arguments: statements.studyDays.arguments)
            for row in try Row.fetchAll(db, sql: statements.deckRetention.sql, arguments: statements.deckRetention.arguments) {
                let reviews: Int = try row.decode(forColumn: "reviews"), passed: Int = try row.decode(forColumn: "passed")
                let matureReviews: Int = try row.decode(forColumn: "mature"), maturePassed: Int = try row.decode(forColumn: "mature_passed")
                result.deckRetention[try row.decode(forColumn: "deck_id")] = RetentionTally(
                    matureReviews: matureReviews, maturePassed: maturePassed,
                    youngReviews: reviews - matureReviews, youngPassed: passed - maturePassed)
            }

            let answered = "retired = 0 AND suspended = 0 AND due_day IS NOT NULL \(cardFilter)"
            result.dueCounts = try Row.fetchAll(db, sql: """
                SELECT due_day, COUNT(*) FROM card WHERE \(answered) AND due_day <= ? GROUP BY due_day
                """, arguments: deckArguments + [query.forecastEnd]).compactMap { row in
                try StudyDay.fromDatabaseValue(try row.decode(DatabaseValue.self, atIndex: 0)).map { DayCount(day: $0, count: try row.decode(atIndex: 1)) }
            }
            result.intervalCounts = try Row.fetchAll(db, sql: """
                SELECT \(clampedInterval) AS interval, COUNT(*) FROM card WHERE \(answered) GROUP BY interval
                """, arguments: deckArguments).map { ValueCount(try $0.decode(atIndex: 0), try $0.decode(atIndex: 1)) }
            result.easinessCounts = try Row.fetchAll(db, sql: """
                SELECT \(clampedEasiness) AS value, COUNT(*) FROM card WHERE \(answered) GROUP BY value
                """, arguments: deckArguments).map { ValueCount(try $0.decode(atIndex: 0), try $0.decode(atIndex: 1)) }
            result.deckCounts = try Row.fetchAll(db, sql: """
                SELECT deck_id,
                    SUM(suspended = 0 AND due_day IS NULL) AS new,
                    SUM(suspended = 0 AND due_day IS NOT NULL AND interval_days < \(mature) AND repetitions < \(learned)) AS learning,
                    SUM(suspended = 0 AND due_day IS NOT NULL AND interval_days < \(mature) AND repetitions >= \(learned)) AS young,
                    SUM(suspended = 0 AND due_day IS NOT NULL AND interval_days >= \(mature)) AS mature,
                    SUM(suspended = 1) AS suspended, SUM(leech = 1) AS leech
                FROM card WHERE retired = 0 \(cardFilter) GROUP BY deck_id
                """, arguments: deckArguments).map { row in
                DeckCardCounts(deckID: try row.decode(forColumn: "deck_id"), new: try row.decode(forColumn: "new"), learning: try row.decode(forColumn: "learning"), young: try row.decode(forColumn: "young"),
                               mature: try row.decode(forColumn: "mature"), suspended: try row.decode(forColumn: "suspended"), leech: try row.decode(forColumn: "leech"))
            }
            let askable = "retired = 0 AND suspended = 0 AND (buried_until IS NULL OR buried_until <= ?) \(cardFilter)"
            let askableArguments: StatementArguments = [query.today] + deckArguments
            result.dueNow = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM card WHERE \(askable) AND due_day <= ?",
                                             arguments: askableArguments + [query.today]) ?? 0
            result.unseen = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM card WHERE \(askable) AND due_day IS NULL",
                                             arguments: askableArguments) ?? 0
            // As `dailyCounts`, in this transaction: the daily limits are shared by every deck.
            let todayByKind = "SELECT COUNT(*) FROM review_log WHERE day = ? AND kind = ?"
            result.newCardsTodayAllDecks = try Int.fetchOne(db, sql: todayByKind, arguments: [query.today, ReviewQueue.EntryKind.new.storedCode]) ?? 0
            result.reviewsTodayAllDecks = try Int.fetchOne(db, sql: todayByKind, arguments: [query.today, ReviewQueue.EntryKind.review.storedCode]) ?? 0
            return result
        }
    }

    /// The query plan SQLite chooses for each review_log statement of `query`, one line per step.
    func statsQueryPlans(_ query: StatsQuery) throws -> [String: [String]] {
        let statements = Self.statsStatements(query)
        return try writer.read { db in
            var plans: [String: [String]] = [:]
            for statement in [statements.dayGroups, statements.studyDays, statements.deckRetention] {
                plans[statement.name] = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + statement.sql, arguments: statement.arguments)
                    .map { try $0.decode(String.self, forColumn: "detail") }
            }
            return plans
        }
    }

    /// A card's interval and easiness as SQL within ``ScheduleBounds``, as
    /// ``CardRecord`` reads them: a damaged value counts as the nearest sane one.
    static let clampedInterval = "MIN(MAX(interval_days, \(ScheduleBounds.intervalDays.lowerBound)), \(ScheduleBounds.intervalDays.upperBound))"
    static let clampedEasiness = "MIN(MAX(easiness, \(ScheduleBounds.easiness.lowerBound)), \(ScheduleBounds.easiness.upperBound))"

    /// One row per card that is not retired, for `recall map`.
    public func mapCards(deckIDs: [String]? = nil) throws -> [KnowledgeMap.Card] {
        let decks = deckIDs ?? []
        let filter = deckIDs == nil ? "" : "AND deck_id IN (\(Array(repeating: "?", count: decks.count).joined(separator: ", ")))"
        return try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, deck_id, tags, due_day IS NOT NULL AS seen, \(Self.clampedInterval) AS interval_days, lapses FROM card
                WHERE retired = 0 \(filter) ORDER BY deck_id, position
                """, arguments: StatementArguments(decks)).map { row in
                KnowledgeMap.Card(deckID: try row.decode(forColumn: "deck_id"), tags: (try row.decode(String.self, forColumn: "tags")).split(separator: " ").map(String.init),
                                  isSeen: try row.decode(forColumn: "seen"), intervalDays: try row.decode(forColumn: "interval_days"), lapses: try row.decode(forColumn: "lapses"), cardID: try row.decode(forColumn: "id"))
            }
        }
    }
}
