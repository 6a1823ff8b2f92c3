import GRDB

/// The aggregates behind `recall stats` and `recall map`.
///
/// The answers are read from `stats_day` (the "v7-stats-by-day" migration):
/// one row per study day, kind, grade and deck, kept by triggers on
/// review_log, so a year of stats reads a few thousand rows whatever the
/// number of answers (a test compares it with review_log after answers, undo,
/// imports and restores, and reads the query plans). The card table's counts
/// group in SQL too: what comes back is one row per day, kind and grade, per
/// deck, or per card-table value, never one per answer or card.
extension RecallDatabase {
    /// One statement `statsAggregates` runs, kept apart so that tests can read its query plan.
    struct StatsStatement {
        var name: String
        var sql: String
        var arguments: StatementArguments
    }

    /// The statements over `stats_day` for `query`, in the order `statsAggregates` runs them.
    static func statsStatements(_ query: StatsQuery) -> (dayGroups: StatsStatement, studyDays: StatsStatement, deckRetention: StatsStatement) {
        let passing = SM2.passingGrade
        let decks = query.deckIDs ?? []
        let deckFilter = query.deckIDs == nil ? "" : " AND deck_id IN (\(Array(repeating: "?", count: decks.count).joined(separator: ", ")))"
        let deckArguments = StatementArguments(decks)
        // The primary key's order (day, kind, grade, deck): a range search, grouped without sorting.
        let dayGroups = StatsStatement(
            name: "dayGroups",
            sql: """
                SELECT day, kind, grade, SUM(answers) AS answers, SUM(mature) AS mature, SUM(duration_ms) AS duration
                FROM stats_day
                WHERE day BETWEEN ? AND ?\(deckFilter)
                GROUP BY day, kind, grade
                """, arguments: [query.firstDay, query.today] + deckArguments)
        let studyDays = StatsStatement(
            name: "studyDays",
            sql: """
                SELECT DISTINCT day FROM stats_day WHERE answers > 0\(deckFilter) ORDER BY day
                """, arguments: deckArguments)
        let deckRetention = StatsStatement(
            name: "deckRetention",
            sql: """
                SELECT deck_id, SUM(answers) AS reviews, SUM(CASE WHEN grade >= \(passing) THEN answers ELSE 0 END) AS passed,
                       SUM(mature) AS mature, SUM(CASE WHEN grade >= \(passing) THEN mature ELSE 0 END) AS mature_passed
                FROM stats_day
                WHERE kind = 1 AND day BETWEEN ? AND ?\(deckFilter)
                GROUP BY deck_id
                """, arguments: [query.periodStart, query.today] + deckArguments)
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
                guard let day = StudyDay.fromDatabaseValue(try row.decode(DatabaseValue.self, atIndex: 0)),
                    let kind = ReviewQueue.EntryKind(storedCode: try row.decode(atIndex: 1))
                else { return nil }
                return DayAnswerGroup(
                    day: day, kind: kind, grade: try row.decode(atIndex: 2), answers: try row.decode(atIndex: 3), matureAnswers: try row.decode(atIndex: 4),
                    durationMs: try row.decode(atIndex: 5))
            }
            result.studyDays = try StudyDay.fetchAll(db, sql: statements.studyDays.sql, arguments: statements.studyDays.arguments)
            for row in try Row.fetchAll(db, sql: statements.deckRetention.sql, arguments: statements.deckRetention.arguments) {
                let reviews: Int = try row.decode(forColumn: "reviews")
                let passed: Int = try row.decode(forColumn: "passed")
                let matureReviews: Int = try row.decode(forColumn: "mature")
                let maturePassed: Int = try row.decode(forColumn: "mature_passed")
                result.deckRetention[try row.decode(forColumn: "deck_id")] = RetentionTally(
                    matureReviews: matureReviews, maturePassed: maturePassed,
                    youngReviews: reviews - matureReviews, youngPassed: passed - maturePassed)
            }

            let answered = "retired = 0 AND suspended = 0 AND due_day IS NOT NULL \(cardFilter)"
            result.dueCounts = try Row.fetchAll(
                db,
                sql: """
                    SELECT due_day, COUNT(*) FROM card WHERE \(answered) AND due_day <= ? GROUP BY due_day
                    """, arguments: deckArguments + [query.forecastEnd]
            ).compactMap { row in
                try StudyDay.fromDatabaseValue(try row.decode(DatabaseValue.self, atIndex: 0)).map { DayCount(day: $0, count: try row.decode(atIndex: 1)) }
            }
            result.intervalCounts = try Row.fetchAll(
                db,
                sql: """
                    SELECT \(clampedInterval) AS interval, COUNT(*) FROM card WHERE \(answered) GROUP BY interval
                    """, arguments: deckArguments
            ).map { ValueCount(try $0.decode(atIndex: 0), try $0.decode(atIndex: 1)) }
            result.easinessCounts = try Row.fetchAll(
                db,
                sql: """
                    SELECT \(clampedEasiness) AS value, COUNT(*) FROM card WHERE \(answered) GROUP BY value
                    """, arguments: deckArguments
            ).map { ValueCount(try $0.decode(atIndex: 0), try $0.decode(atIndex: 1)) }
            result.deckCounts = try Row.fetchAll(
                db,
                sql: """
                    SELECT deck_id,
                        SUM(suspended = 0 AND due_day IS NULL) AS new,
                        SUM(suspended = 0 AND due_day IS NOT NULL AND interval_days < \(mature) AND repetitions < \(learned)) AS learning,
                        SUM(suspended = 0 AND due_day IS NOT NULL AND interval_days < \(mature) AND repetitions >= \(learned)) AS young,
                        SUM(suspended = 0 AND due_day IS NOT NULL AND interval_days >= \(mature)) AS mature,
                        SUM(suspended = 1) AS suspended, SUM(leech = 1) AS leech
                    FROM card WHERE retired = 0 \(cardFilter) GROUP BY deck_id
                    """, arguments: deckArguments
            ).map { row in
                DeckCardCounts(
                    deckID: try row.decode(forColumn: "deck_id"), new: try row.decode(forColumn: "new"), learning: try row.decode(forColumn: "learning"),
                    young: try row.decode(forColumn: "young"),
                    mature: try row.decode(forColumn: "mature"), suspended: try row.decode(forColumn: "suspended"), leech: try row.decode(forColumn: "leech"))
            }
            let askable = "retired = 0 AND suspended = 0 AND (buried_until IS NULL OR buried_until <= ?) \(cardFilter)"
            let askableArguments: StatementArguments = [query.today] + deckArguments
            result.dueNow =
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM card WHERE \(askable) AND due_day <= ?",
                    arguments: askableArguments + [query.today]) ?? 0
            result.unseen =
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM card WHERE \(askable) AND due_day IS NULL",
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
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, deck_id, tags, due_day IS NOT NULL AS seen, \(Self.clampedInterval) AS interval_days, lapses FROM card
                    WHERE retired = 0 \(filter) ORDER BY deck_id, position
                    """, arguments: StatementArguments(decks)
            ).map { row in
                KnowledgeMap.Card(
                    deckID: try row.decode(forColumn: "deck_id"), tags: (try row.decode(String.self, forColumn: "tags")).split(separator: " ").map(String.init),
                    isSeen: try row.decode(forColumn: "seen"), intervalDays: try row.decode(forColumn: "interval_days"),
                    lapses: try row.decode(forColumn: "lapses"), cardID: try row.decode(forColumn: "id"))
            }
        }
    }
}
