import Foundation
import GRDB
import Testing

@testable import RecallKit

/// The "v4-compact-review-log" migration and the layout it leaves.
@Suite struct CompactLogMigrationTests {
    /// A database file in the layout of the three earlier migrations, with data written as that Recall wrote it.
    func legacyDatabase() throws -> String {
        let path = FileManager.default.temporaryDirectory.appending(path: "recall-v3-\(UUID().uuidString).sqlite").path
        let queue = try DatabaseQueue(path: path)
        try Migrations.migrator.migrate(queue, upTo: "v3-stats")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO deck (id, title, section, path, content_hash) VALUES ('d', 'Deck', 'S', 'd.md', 'abc');
                    INSERT INTO card (id, deck_id, note_id, kind, content, tags, line, position, repetitions, easiness,
                                      interval_days, due_day, lapses, buried_until)
                    VALUES ('d/a', 'd', 'a', 'basic', '{"content":{"basic":{"answer":"A","question":"Q?"}}}', 'x y', 6, 0,
                            2, 2.36, 6, '2026-12-05', 1, NULL),
                           ('d/b', 'd', 'b', 'basic', '{"content":{"basic":{"answer":"B","question":"R?"}}}', '', 10, 1,
                            0, 2.5, 0, NULL, 0, '2026-11-30');
                    INSERT INTO review_log (card_id, reviewed_at, study_day, grade, duration_ms, kind,
                        previous_repetitions, new_repetitions, previous_easiness, new_easiness,
                        previous_interval_days, new_interval_days, previous_due_day, new_due_day,
                        previous_lapses, new_lapses, previous_leech, new_leech)
                    VALUES ('d/a', '2026-11-28T21:30:00+08:00', '2026-11-28', 2, 1500, 'new', 0, 0, 2.5, 2.18, 0, 1, NULL, '2026-11-29', 0, 1, 0, 0),
                           ('d/a', '2026-11-29T09:00:05Z', '2026-11-29', 5, 800, 'review', 0, 1, 2.18, 2.28, 1, 1, '2026-11-29', '2026-11-30', 1, 1, 0, 0),
                           ('d/a', '2026-11-29T09:01:00Z', '2026-11-29', 3, 900, 'redrill', 1, 1, 2.28, 2.28, 1, 1, '2026-11-30', '2026-11-30', 1, 1, 0, 0),
                           ('d/a', '2026-11-30T08:15:00-05:30', '2026-11-30', 4, 700, 'review', 1, 2, 2.28, 2.36, 1, 6, '2026-11-30', '2026-12-05', 1, 1, 0, 0);
                    INSERT INTO interview (started_at, study_day, seed, question_count, rescheduled)
                    VALUES ('2026-11-29T09:00:00Z', '2026-11-29', 7, 1, 1);
                    INSERT INTO interview_attempt (interview_id, position, card_id, answer, outcome, credit, late, duration_ms,
                                                   answered_at, review_log_id)
                    VALUES (1, 0, 'd/a', 'A', 'right', 1.0, 0, 800, '2026-11-29T09:00:05Z', 2);
                    """)
        }
        try queue.close()
        return path
    }

    @Test func theDailyStatsTableIsFilledFromTheMigratedLog() throws {
        let path = try legacyDatabase()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let db = try RecallDatabase(path: path)
        let rows = try db.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT day, kind, grade, deck_id, answers, mature, duration_ms FROM stats_day ORDER BY day, kind")
                .map {
                    "\(StudyDay(daysSinceEpoch: $0[0]).description) \($0[1] as Int) \($0[2] as Int) \($0[3] as String) \($0[4] as Int) \($0[5] as Int) \($0[6] as Int)"
                }
        }
        // The four legacy answers (new, review, re-drill, review; no interval of 21 days yet), one group each.
        #expect(rows == ["2026-11-28 0 2 d 1 0 1500", "2026-11-29 1 5 d 1 0 800", "2026-11-29 2 3 d 1 0 900", "2026-11-30 1 4 d 1 0 700"])
    }

    @Test func theMigrationKeepsEveryRowAndEveryValue() throws {
        let path = try legacyDatabase()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let db = try RecallDatabase(path: path)

        let history = try db.history(cardID: "d/a")
        // The text each row had, read back from the integer columns (offsets kept).
        #expect(
            history.map(\.reviewedAt) == [
                "2026-11-28T21:30:00+08:00", "2026-11-29T09:00:05Z", "2026-11-29T09:01:00Z",
                "2026-11-30T08:15:00-05:30",
            ])
        #expect(
            history.map(\.answeredAt.unixMilliseconds) == [
                1_795_872_600_000, 1_795_942_805_000, 1_795_942_860_000,
                1_796_046_300_000,
            ])
        #expect(history.map(\.studyDay.description) == ["2026-11-28", "2026-11-29", "2026-11-29", "2026-11-30"])
        #expect(history.map(\.kind) == [.new, .review, .redrill, .review])
        #expect(history.map(\.grade.value) == [2, 5, 3, 4])
        #expect(history.map(\.durationMs) == [1500, 800, 900, 700])
        #expect(history.map(\.id) == [1, 2, 3, 4])
        #expect(history.map(\.previousDueDay?.description) == [nil, "2026-11-29", "2026-11-30", "2026-11-30"])
        #expect(history.map(\.newDueDay?.description) == ["2026-11-29", "2026-11-30", "2026-11-30", "2026-12-05"])
        #expect(history.map(\.newEasiness) == [2.18, 2.28, 2.28, 2.36])
        #expect(history.map(\.newLapses) == [1, 1, 1, 1])
        // Each answer got a distinct UUIDv7 whose time is the answer's.
        #expect(Set(history.map(\.uuid)).count == 4)
        for log in history {
            #expect(log.uuid.unixMilliseconds == log.answeredAt.unixMilliseconds)
            #expect(log.uuid.description.dropFirst(14).first == "7", "version 7: \(log.uuid)")
            #expect("89ab".contains(log.uuid.description.dropFirst(19).first ?? "x"), "variant 10: \(log.uuid)")
        }

        let a = try #require(try db.card(id: "d/a"))
        #expect(a.schedule.dueDay == StudyDay("2026-12-05") && a.schedule.sm2.intervalDays == 6 && a.schedule.lapses == 1)
        #expect(a.card.tags == ["x", "y"] && a.card.answerText == "A")
        let b = try #require(try db.card(id: "d/b"))
        #expect(b.record.buriedUntil == StudyDay("2026-11-30") && b.schedule.dueDay == nil)
        // The interview and its attempt still point at the review they recorded.
        #expect(try db.interviews().map(\.studyDay) == [StudyDay("2026-11-29")])
        #expect(try db.interviewAttempts().map(\.reviewLogID) == [2])
        #expect(try db.reviewCount() == 4)
        #expect(try db.pragma("foreign_key_check") == nil)
        // The old text layout is gone.
        #expect(try db.queryPlan("SELECT day, card_key, answered_ms, uuid_hi FROM review_log").isEmpty == false)
        #expect(throws: (any Error).self) { try db.queryPlan("SELECT study_day FROM review_log") }
    }

    @Test func anAnswerAfterTheMigrationContinuesTheLog() throws {
        let path = try legacyDatabase()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let db = try RecallDatabase(path: path)
        let today = try #require(StudyDay("2026-11-30"))
        let at = Moment(instant: Date(timeIntervalSince1970: 1_796_049_900.25), timeZone: try #require(TimeZone(identifier: "Asia/Shanghai")))
        let recorded = try db.recordAnswer(cardID: "d/a", grade: grade(2), at: at, today: today, durationMs: 10)
        #expect(recorded.log.kind == .redrill, "d/a was already answered on 2026-11-30 before the migration")
        #expect(recorded.log.id == 5)
        #expect(recorded.log.reviewedAt == "2026-11-30T22:45:00.250+08:00")
        #expect(try db.redrillCardIDs(today: today) == ["d/a"])
        #expect(try db.dailyCounts(today: today) == RecallDatabase.DailyCounts(newCardsIntroduced: 0, reviewsDone: 1))
        #expect(try db.undo(logID: 5)?.uuid == recorded.log.uuid)
        #expect(try db.redrillCardIDs(today: today).isEmpty)
    }
}

@Suite struct AnswerIDTests {
    @Test func aUUIDv7CarriesItsTimeVersionAndVariant() throws {
        var generator = SeededGenerator(seed: 42)
        let id = AnswerID(unixMilliseconds: 0x0192_F3A4_5B6C, using: &generator)
        let text = id.description
        #expect(text.count == 36)
        #expect(text.hasPrefix("0192f3a4-5b6c-7"))
        #expect("89ab".contains(text[text.index(text.startIndex, offsetBy: 19)]))
        #expect(AnswerID(text) == id)
        #expect(id.unixMilliseconds == 0x0192_F3A4_5B6C)
        #expect(AnswerID("0192f3a4-5b6c-7d8e-9f01-23456789abcd")?.description == "0192f3a4-5b6c-7d8e-9f01-23456789abcd")
        #expect(AnswerID("0192f3a45b6c7d8e9f0123456789abcd") == nil)
        #expect(AnswerID("0192f3a4-5b6c-7d8e-9f01-23456789abcg") == nil)
    }

    @Test func answerTimesRoundTripTheirText() throws {
        for text in ["2026-11-29T21:05:00+08:00", "2026-11-29T09:00:00Z", "1969-12-31T23:59:59.999Z", "2026-03-01T00:00:00.500-09:30"] {
            #expect(AnswerTime(text)?.description == text)
        }
        #expect(AnswerTime("2026-11-29T21:05:00+08:00")?.unixMilliseconds == 1_795_957_500_000)
        #expect(AnswerTime("2026-11-29T21:05:00.1Z")?.description == "2026-11-29T21:05:00.100Z")
        for bad in ["2026-11-29", "2026-11-29T21:05:00", "2026-11-29T25:05:00Z", "2026-02-30T01:00:00Z", "2026-11-29T21:05:00+8:00", "2026-11-29T21:05:00.Z"] {
            #expect(AnswerTime(bad) == nil, "\(bad)")
        }
    }
}

/// The queries a session runs, proven by their plans and by operation counts
/// (SQLite's virtual-machine steps), not by timing.
@Suite struct QueuePlanTests {
    /// `decks` decks of `cards` cards each; the first `due` cards of each deck answered once on `day`.
    func database(decks: Int, cards: Int, due: Int, day: StudyDay) throws -> RecallDatabase {
        let db = try RecallDatabase.inMemory()
        let files = (0..<decks).map { deckFile("deck\($0)", ids: (0..<cards).map { "c\($0)" }) }
        try db.synchronize(DeckLoader.load(files))
        for deck in 0..<decks {
            for card in 0..<due {
                try db.recordAnswer(
                    cardID: "deck\(deck)/c\(card)", grade: grade(card % 2 == 0 ? 5 : 2), at: moment,
                    today: day, durationMs: 1)
            }
        }
        return db
    }

    @Test func theQueueIsReadThroughItsIndexesWithALimitAndNoSort() throws {
        let day = november29
        let db = try database(decks: 2, cards: 30, due: 10, day: day)
        let statements = RecallDatabase.queueStatements(today: day.adding(days: 7), selection: .all, dueLimit: 5, newPerDeck: 3)
        #expect(statements.due.sql.contains("LIMIT ?") && statements.new.sql.contains("LIMIT ?"))
        let due = try db.queryPlan(statements.due.sql, arguments: statements.due.arguments)
        #expect(due == ["SEARCH card USING INDEX card_due (due_day>? AND due_day<?)"], "\(due)")
        let new = try db.queryPlan(statements.new.sql, arguments: statements.new.arguments)
        #expect(new.contains { $0.contains("SEARCH card USING INDEX card_new (deck_id=?)") }, "\(new)")
        #expect(!new.contains { $0.hasPrefix("SCAN card") || $0.hasPrefix("SCAN c") }, "\(new)")
        let candidates = try db.queueCandidates(today: day.adding(days: 7), dueLimit: 5, newPerDeck: 3)
        #expect(candidates.filter { $0.dueDay != nil }.count == 5)
        #expect(candidates.filter { $0.dueDay == nil }.map(\.cardID) == ["deck0/c10", "deck0/c11", "deck0/c12", "deck1/c10", "deck1/c11", "deck1/c12"])
    }

    @Test func theQueueCostsWhatItReturnsNotWhatIsStored() throws {
        let day = november29
        func steps(cards: Int) throws -> Int {
            let db = try database(decks: 2, cards: cards, due: cards / 2, day: day)
            let statements = RecallDatabase.queueStatements(today: day.adding(days: 7), selection: .all, dueLimit: 20, newPerDeck: 10)
            return try db.virtualMachineSteps(statements.due.sql, arguments: statements.due.arguments)
                + db.virtualMachineSteps(statements.new.sql, arguments: statements.new.arguments)
        }
        let small = try steps(cards: 100)
        let large = try steps(cards: 1000)
        #expect(large < small + small / 5, "10× the cards: \(small) → \(large) steps")
    }

    @Test func deadlineModeReadsOnlyTheCardsDueAfterTheInterview() throws {
        let day = november29
        let db = try database(decks: 2, cards: 30, due: 10, day: day)
        let statements = RecallDatabase.lateCardStatements(dueAfter: day.adding(days: 3))
        let plan = try db.queryPlan(statements.cards.sql, arguments: statements.cards.arguments)
        #expect(plan.contains { $0.contains("SEARCH card USING INDEX card_due (due_day>?)") }, "\(plan)")
        #expect(!plan.contains { $0.hasPrefix("SCAN card") }, "\(plan)")
        let log = try db.queryPlan(
            ReviewLogRecord.selectSQL(where: statements.logCondition, orderBy: "l.card_key, l.id"),
            arguments: statements.cards.arguments)
        #expect(log.contains { $0.contains("SEARCH card USING INDEX card_due (due_day>?)") }, "\(log)")
        #expect(log.contains { $0.contains("review_log_card (card_key=?)") }, "\(log)")
        #expect(!log.contains { $0.hasPrefix("SCAN") }, "\(log)")
        // SM-2 puts a new card 1 day out after any first grade (5, or 2 which restarts it): none is after day + 3 …
        #expect(try db.answeredCards(dueAfter: day.adding(days: 3), timeZone: .gmt, dayStartHour: 4).isEmpty)
        // … and all ten answered cards of each deck are after today, each with its own one answer.
        let late = try db.answeredCards(dueAfter: day, timeZone: .gmt, dayStartHour: 4)
        #expect(late.count == 20, "\(late.map(\.subject.cardID))")
        #expect(late.allSatisfy { $0.answers.count == 1 })
        #expect(
            late.filter { $0.answers[0].quality.value == 5 }.map(\.subject.cardID).sorted().prefix(5) == [
                "deck0/c0", "deck0/c2", "deck0/c4", "deck0/c6", "deck0/c8",
            ])
        // New cards are counted by group, not loaded: 2 decks × 20 unanswered cards.
        #expect(try db.newCardGroups().reduce(0) { $0 + $1.count } == 40)
    }

    @Test func theRedrillAndTodaysCountsReadOnlyTodaysAnswers() throws {
        let day = november29
        let db = try database(decks: 1, cards: 40, due: 40, day: day)
        let redrill = RecallDatabase.redrillStatement(today: day)
        let plan = try db.queryPlan(redrill.sql, arguments: redrill.arguments)
        #expect(plan.contains { $0.contains("SEARCH review_log USING COVERING INDEX review_log_day (day=?)") }, "\(plan)")
        #expect(plan.contains { $0.contains("SEARCH card USING INTEGER PRIMARY KEY (rowid=?)") }, "\(plan)")
        #expect(!plan.contains { $0.hasPrefix("SCAN review_log") || $0.hasPrefix("SCAN card") }, "\(plan)")
        #expect(try db.redrillCardIDs(today: day).count == 20)
        let counts = try db.queryPlan("SELECT COUNT(*) FROM review_log WHERE day = ? AND kind = ?", arguments: [day, 0])
        #expect(counts == ["SEARCH review_log USING COVERING INDEX review_log_day (day=? AND kind=?)"], "\(counts)")
        let answered = try db.queryPlan("SELECT 1 FROM review_log WHERE card_key = ? AND kind IN (0, 1) AND day = ? LIMIT 1", arguments: [1, day])
        #expect(answered.allSatisfy { $0.contains("COVERING INDEX review_log_card (card_key=? AND kind=? AND day=?)") }, "\(answered)")
        // Flat in today's answers: the work grows with today's answers, linearly, not with their square.
        let one = try db.virtualMachineSteps(redrill.sql, arguments: redrill.arguments)
        let bigger = try database(decks: 1, cards: 400, due: 400, day: day)
        let ten = try bigger.virtualMachineSteps(redrill.sql, arguments: redrill.arguments)
        #expect(ten < one * 15, "10× today's answers: \(one) → \(ten) steps")
    }

    @Test func theReviewLogHasOnlyTheIndexesItsQueriesUse() throws {
        let db = try RecallDatabase.inMemory()
        let indexes = try db.queryPlan("SELECT 1")  // opens the schema
        _ = indexes
        let names = try db.indexNames(table: "review_log")
        #expect(names == ["review_log_card", "review_log_day", "review_log_uuid"])
    }
}

@Suite struct StreamedBackupTests {
    @Test func theStreamedBackupIsTheBackupWithItsAnswerIDs() throws {
        let db = try RecallDatabase.inMemory()
        try db.synchronize(DeckLoader.load([deckFile(ids: ["a", "b", "c"])]))
        try db.recordAnswer(cardID: "d/a", grade: grade(2), at: moment, today: november29, durationMs: 5)
        let interview = try db.startInterview(
            InterviewRecord(
                startedAt: "2026-11-29T09:00:00Z", studyDay: november29, seed: 1,
                questionCount: 1, timeLimitSeconds: nil, rescheduled: true, filter: ""))
        try db.recordInterviewAttempt(
            InterviewAttemptRecord(
                interviewID: try #require(interview.id), position: 0, cardID: "d/b",
                answer: "x", outcome: .wrong, credit: 0, late: false, durationMs: 9,
                answeredAt: "2026-11-29T09:00:01Z"),
            review: (grade(1), moment, november29))
        try db.recordAnswer(cardID: "d/c", grade: grade(5), at: moment, today: november29, durationMs: 7)
        var pieces: [Data] = []
        let counts = try db.writeBackup { pieces.append($0) }
        let streamed = pieces.reduce(Data(), +)
        #expect(counts == (1, 3, 3))
        #expect(streamed == (try Backup(db.exchangeSnapshot()).encoded()))
        // And both are what Foundation's encoder writes for the whole backup, with or without answers.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let whole = try Backup(db.exchangeSnapshot())
        let mine = String(decoding: streamed, as: UTF8.self)
        let theirs = String(decoding: try encoder.encode(whole), as: UTF8.self)
        let firstDifference = zip(mine, theirs).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? 0
        #expect(
            mine == theirs + "\n",
            "first difference at \(firstDifference): \(mine.dropFirst(max(0, firstDifference - 80)).prefix(160)) || \(theirs.dropFirst(max(0, firstDifference - 80)).prefix(160))"
        )
        let empty = try Backup(RecallDatabase.inMemory().exchangeSnapshot())
        #expect((try empty.encoded()) == (try encoder.encode(empty)) + Data([0x0A]))
        let backup = try Backup.decode(streamed, file: "b.json")
        #expect(backup.reviewLog.map(\.id) == (try db.history(cardID: "d/a") + db.history(cardID: "d/b") + db.history(cardID: "d/c")).map(\.uuid))
        #expect(backup.interviews.first?.attempts.first?.review == 1, "the attempt points at the second answer")
        #expect(try JSONSerialization.jsonObject(with: streamed) is [String: Any])
        // Restored elsewhere, the answers keep their ids.
        let other = try RecallDatabase.inMemory()
        try other.synchronize(DeckLoader.load([deckFile(ids: ["a", "b", "c"])]))
        try other.restore(backup, written: [], writeFiles: {}, removeFiles: {})
        #expect(try other.history(cardID: "d/b").map(\.uuid) == (try db.history(cardID: "d/b")).map(\.uuid))
    }
}

@Suite struct IncrementalSyncTests {
    @Test func editingOneCardOfABigDeckWritesOneRow() throws {
        let db = try RecallDatabase.inMemory()
        let ids = (0..<2_000).map { "c\($0)" }
        let first = try db.synchronize(DeckLoader.load([deckFile(ids: ids)]))
        #expect(first.cardsWritten == 2_000 && first.cardsAdded == 2_000)
        try db.recordAnswer(cardID: "d/c7", grade: grade(5), at: moment, today: november29, durationMs: 1)
        // The same file with one answer changed: c7's answer, at the same place.
        var text = String(decoding: deckFile(ids: ids).bytes, as: UTF8.self)
        text = text.replacingOccurrences(of: "## c7\nQ: Question c7?\nA: an answer", with: "## c7\nQ: Question c7?\nA: a better answer")
        let report = try db.synchronize(DeckLoader.load([DeckFile(path: "d.md", bytes: Array(text.utf8))]))
        #expect(report.cardsWritten == 1 && report.cardsAdded == 0 && report.cardsRetired == 0)
        #expect(try db.card(id: "d/c7")?.card.answerText == "a better answer")
        #expect(try db.card(id: "d/c7")?.schedule.sm2.repetitions == 1, "the schedule is kept")
        #expect(try db.history(cardID: "d/c7").count == 1)
        // A line added to an earlier card moves the later ones: their line numbers change, nothing else.
        let longer = text.replacingOccurrences(of: "## c3\nQ: Question c3?\nA: an answer", with: "## c3\nQ: Question c3?\nA: an answer\n  on two lines")
        #expect(try db.synchronize(DeckLoader.load([DeckFile(path: "d.md", bytes: Array(longer.utf8))])).cardsWritten == 1)
        let c7Line = (longer.components(separatedBy: "\n").firstIndex(of: "## c7") ?? -1) + 1
        #expect(try db.card(id: "d/c7")?.card.line == c7Line && c7Line > 40)
        #expect(try db.card(id: "d/c3")?.card.answerText == "an answer\n  on two lines")
        text = longer
        // Parsed again unchanged (e.g. after a touch): nothing is written.
        #expect(try db.synchronize(DeckLoader.load([DeckFile(path: "d.md", bytes: Array(text.utf8))])).cardsWritten == 0)
    }
}

@Suite struct RedrillSelectionTests {
    @Test func theRedrillIsFilteredInSQLByDeckAndTagWithLeechAsATag() throws {
        let db = try RecallDatabase.inMemory()
        try db.synchronize(DeckLoader.load([deckFile("x", ids: ["a", "b"]), deckFile("y", ids: ["c"])]))
        for id in ["x/a", "x/b", "y/c"] {
            try db.recordAnswer(cardID: id, grade: grade(2), at: moment, today: november29, durationMs: 1)
        }
        #expect(try db.redrillCardIDs(today: november29) == ["x/a", "x/b", "y/c"])
        #expect(try db.redrillCardIDs(today: november29, selection: .init(deckIDs: ["y"])) == ["y/c"])
        #expect(try db.redrillCardIDs(today: november29, selection: .init(tags: ["leech"])).isEmpty)
        let leech = try #require(try db.card(id: "x/b"))
        var schedule = leech.schedule
        schedule.isLeech = true
        try db.writer.write { database in try RecallDatabase.writeSchedule(database, cardKey: leech.record.key, schedule) }
        #expect(try db.redrillCardIDs(today: november29, selection: .init(tags: ["leech"])) == ["x/b"])
        #expect(try db.redrillCardIDs(today: november29, selection: .init(deckIDs: ["y"], tags: ["leech"])).isEmpty)
    }
}

@Suite struct BackupReviewJSONTests {
    /// The hand-written JSON of a review entry is byte for byte what JSONEncoder writes.
    @Test(arguments: [2.5, 1.3, 2.36, 2.3600000000000003, 3.0, 1.9000000000000001])
    func aReviewEntryIsWrittenAsTheEncoderWritesIt(easiness: Double) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        for due in [StudyDay("2026-12-05"), nil] {
            for id in [AnswerID("0192f3a4-5b6c-7d8e-9f01-23456789abcd"), nil] {
                let entry = Backup.BackupReview(
                    id: id, card: "deck-1/card.c2", reviewedAt: "2026-11-29T21:05:00.250+08:00", studyDay: november29,
                    grade: grade(3), durationMs: 1234, kind: .redrill,
                    previous: .init(repetitions: 2, easiness: easiness, intervalDays: 6, due: due, lapses: 1, leech: false),
                    new: .init(repetitions: 3, easiness: 2.5, intervalDays: 15, due: StudyDay("2026-12-14"), lapses: 1, leech: true))
                let expected = String(decoding: try encoder.encode(entry), as: UTF8.self)
                #expect(entry.prettyJSON(depth: 0) == expected)
                #expect(entry.prettyJSON(depth: 2) == expected.replacingOccurrences(of: "\n", with: "\n    "))
            }
        }
    }
}
