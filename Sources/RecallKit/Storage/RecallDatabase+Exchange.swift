import Foundation
import GRDB

extension RecallDatabase {
    /// Decks, cards (retired ones too), the review log and the settings, read together.
    public func exchangeSnapshot() throws -> ExchangeSnapshot {
        try writer.read { db in
            let decks = try DeckRecord.order(Column("section"), Column("id")).fetchAll(db)
            let cards = try CardRecord.order(Column("deck_id"), Column("position"), Column("id")).fetchAll(db).map(StoredCard.init)
            let log = try Row.fetchAll(db, sql: ReviewLogRecord.selectSQL(where: "1")).compactMap(ReviewLogRecord.init(row:))
            let settings = try Self.readSettings(db)
            let interviews = try InterviewRecord.order(Column("id")).fetchAll(db)
            let attempts = try InterviewAttemptRecord.order(Column("interview_id"), Column("position"), Column("id")).fetchAll(db)
            return ExchangeSnapshot(
                decks: decks, cards: cards, reviewLog: log, settings: settings,
                interviews: interviews, interviewAttempts: attempts,
                scheduling: try SchedulingSettings.read(db))
        }
    }

    /// Writes the complete JSON backup (``Backup/encoded()``'s bytes) to `sink` in pieces,
    /// from one read transaction, streaming the review log from a cursor: memory stays
    /// flat however many answers there are. Returns the counts for the summary line.
    @discardableResult
    public func writeBackup(to sink: (Data) throws -> Void) throws -> (decks: Int, cards: Int, reviews: Int) {
        try writer.read { db in
            let decks = try DeckRecord.order(Column("section"), Column("id")).fetchAll(db)
            let cards = try CardRecord.order(Column("deck_id"), Column("position"), Column("id")).fetchAll(db).map(StoredCard.init)
            let settings = try Self.readSettings(db)
            let interviews = try InterviewRecord.order(Column("id")).fetchAll(db)
            let attempts = try InterviewAttemptRecord.order(Column("interview_id"), Column("position"), Column("id")).fetchAll(db)
            // The index in the log of each review an attempt points at: one pass over the row ids.
            let wanted = Set(attempts.compactMap(\.reviewLogID))
            var reviewIndex: [Int64: Int] = [:]
            var count = 0
            let ids = try Int64.fetchCursor(db, sql: "SELECT id FROM review_log ORDER BY id")
            while let id = try ids.next() {
                if wanted.contains(id) { reviewIndex[id] = count }
                count += 1
            }
            let snapshot = ExchangeSnapshot(
                decks: decks, cards: cards, reviewLog: [], settings: settings,
                interviews: interviews, interviewAttempts: attempts,
                scheduling: try SchedulingSettings.read(db))
            let header = Backup(snapshot, reviewIndex: reviewIndex)
            try Backup.write(
                header,
                reviews: { each in
                    let rows = try Row.fetchCursor(db, sql: ReviewLogRecord.selectSQL(where: "1"))
                    while let row = try rows.next() {
                        guard let log = ReviewLogRecord(row: row) else { continue }
                        try each(Backup.BackupReview(log))
                    }
                }, to: sink)
            return (header.decks.count, header.decks.reduce(0) { $0 + $1.cards.count }, count)
        }
    }

    /// Whether any deck, retired ones included, has this id.
    public func deckExists(id: String) throws -> Bool {
        try writer.read { db in try DeckRecord.exists(db, key: id) }
    }

    /// Adds an imported deck: its cards, their states and its review log, in one transaction.
    ///
    /// `writeFile` runs last, inside the transaction: it writes the deck file,
    /// and if it throws nothing is stored. If the commit itself fails after the
    /// file was written, `removeFile` takes it away again.
    ///
    /// - Throws: ``ExchangeError/conflict(reason:)`` when a deck with this id exists (retired ones included).
    public func importDeck(
        _ loaded: LoadedDeck, states: [String: ImportedCardState], reviews: [ReviewLogRecord],
        writeFile: () throws -> Void, removeFile: () -> Void
    ) throws {
        var wrote = false
        do {
            try writer.write { db in
                if try DeckRecord.exists(db, key: loaded.deck.id) {
                    throw ExchangeError.conflict(reason: "a deck with id '\(loaded.deck.id)' already exists; choose another with --deck-id")
                }
                var report = SyncReport()
                try store(loaded, db, &report)
                for (cardID, state) in states {
                    let id = "\(loaded.deck.id)/\(cardID)"
                    guard let card = try Self.cardRecord(db, id: id) else { continue }
                    try Self.writeSchedule(db, cardKey: card.key, state.schedule)
                    try db.execute(sql: "UPDATE card SET suspended = ? WHERE key = ?", arguments: [state.suspended, card.key])
                }
                try Self.insertReviews(db, reviews)
                try writeFile()
                wrote = true
            }
        } catch {
            if wrote { removeFile() }
            throw error
        }
    }

    /// Inserts answers read from elsewhere (an import, a backup), each under its card's key;
    /// returns their new row ids in order. An answer whose card is not in the
    /// database, or whose id the log already holds, is left out (nil).
    @discardableResult
    static func insertReviews(_ db: Database, _ reviews: [ReviewLogRecord]) throws -> [Int64?] {
        var keys: [String: Int64] = [:]
        let key = try db.cachedStatement(sql: "SELECT key FROM card WHERE id = ?")
        let seen = try db.cachedStatement(sql: "SELECT 1 FROM review_log WHERE uuid_hi = ? AND uuid_lo = ?")
        var ids: [Int64?] = []
        ids.reserveCapacity(reviews.count)
        for review in reviews {
            let cardKey: Int64?
            if let known = keys[review.cardID] {
                cardKey = known
            } else {
                cardKey = try Int64.fetchOne(key, arguments: [review.cardID])
                if let cardKey { keys[review.cardID] = cardKey }
            }
            let (high, low) = review.uuid.storedHalves
            guard let cardKey, try Bool.fetchOne(seen, arguments: [high, low]) != true else {
                ids.append(nil)
                continue
            }
            var row = review
            row.id = nil
            try row.insert(db, cardKey: cardKey)
            ids.append(row.id)
        }
        return ids
    }

    /// Restores a backup into a database that has no answers yet, in one transaction.
    ///
    /// `written` are the deck files this restore creates (already parsed);
    /// they are stored like any deck file, then every card of the backup gets
    /// its content, position and state as backed up, so that exporting again
    /// gives the same backup. A card that no loaded deck file holds comes back
    /// retired, its history kept. `writeFiles` runs last, inside the transaction.
    public func restore(_ backup: Backup, written: [LoadedDeck], writeFiles: () throws -> Void, removeFiles: () -> Void) throws {
        var wrote = false
        do {
            try writer.write { db in
                let answers = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM review_log") ?? 0
                if answers > 0 {
                    throw ExchangeError.conflict(
                        reason: "this database already holds \(answers) answer(s); a backup is restored only into an empty database (use --db NEW-FILE)")
                }
                var report = SyncReport()
                for loaded in written { try store(loaded, db, &report) }
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                for deck in backup.decks {
                    let existing = try DeckRecord.fetchOne(db, key: deck.id)
                    var record =
                        existing
                        ?? DeckRecord(
                            id: deck.id, title: deck.title, titleZh: deck.titleZh, section: deck.section,
                            sectionZh: deck.sectionZh, description: deck.description,
                            path: deck.bundled ? "Decks/\(deck.file)" : deck.file,
                            contentHash: "", retired: true)
                    record.title = deck.title
                    record.titleZh = deck.titleZh
                    record.section = deck.section
                    record.sectionZh = deck.sectionZh
                    record.description = deck.description
                    record.retired = deck.retired || existing == nil
                    try record.upsert(db)
                    // The restore sets the cards' positions itself: the deck file's block index no longer describes them.
                    try db.execute(sql: "UPDATE deck SET note_blocks = NULL WHERE id = ?", arguments: [deck.id])
                    for card in deck.cards {
                        let id = "\(deck.id)/\(card.id)"
                        let stored = StoredCardContent(
                            content: card.content, explanation: card.explanation, source: card.source,
                            chinese: card.chinese, related: card.related)
                        let json = String(decoding: try encoder.encode(stored), as: UTF8.self)
                        let current = try Row.fetchOne(db, sql: "SELECT line, retired FROM card WHERE id = ?", arguments: [id])
                        let line: Int = current?["line"] ?? 0
                        // The deck files on disk decide which cards are live: a card the loaded file
                        // does not have (or that no file holds) comes back retired, history kept.
                        let live = try current.map { !(try $0.decode(Bool.self, forColumn: "retired")) } ?? false
                        let state = card.state
                        let tags = card.tags.joined(separator: " ")
                        // The fingerprint of a restored row is left 0: the next read of its deck file rewrites it once.
                        try db.execute(
                            sql: """
                                INSERT INTO card (id, deck_id, note_id, kind, content, tags, line, position, retired,
                                                  repetitions, easiness, interval_days, due_day, lapses, leech, suspended, buried_until, fingerprint)
                                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
                                ON CONFLICT(id) DO UPDATE SET
                                    deck_id = excluded.deck_id, note_id = excluded.note_id, kind = excluded.kind,
                                    content = excluded.content, tags = excluded.tags, line = excluded.line,
                                    position = excluded.position, retired = excluded.retired, repetitions = excluded.repetitions,
                                    easiness = excluded.easiness, interval_days = excluded.interval_days, due_day = excluded.due_day,
                                    lapses = excluded.lapses, leech = excluded.leech, suspended = excluded.suspended,
                                    buried_until = excluded.buried_until, fingerprint = 0
                                """,
                            arguments: [
                                id, deck.id, card.noteID, card.content.kind.rawValue, json, tags, line, card.position,
                                record.retired || !live, state.repetitions, state.easiness, state.intervalDays,
                                state.due, state.lapses, state.leech, state.suspended, state.buriedUntil,
                            ])
                    }
                }
                let reviewIDs = try Self.insertReviews(db, backup.reviewLog.compactMap(\.record))
                for interview in backup.interviews {
                    var record = InterviewRecord(
                        startedAt: interview.startedAt, studyDay: interview.studyDay, seed: interview.seed,
                        questionCount: interview.questionCount, timeLimitSeconds: interview.timeLimitSeconds,
                        rescheduled: interview.rescheduled, filter: interview.filter)
                    try record.insert(db)
                    for attempt in interview.attempts {
                        let review = attempt.review.flatMap { reviewIDs.indices.contains($0) ? reviewIDs[$0] : nil }
                        var row = InterviewAttemptRecord(
                            interviewID: record.id ?? 0, position: attempt.position, cardID: attempt.card,
                            answer: attempt.answer, outcome: attempt.outcome, credit: attempt.credit,
                            late: attempt.late, durationMs: attempt.durationMs,
                            answeredAt: attempt.answeredAt, reviewLogID: review,
                            overruled: attempt.overruled ?? false)
                        try row.insert(db)
                    }
                }
                for (key, value) in backup.scheduling ?? [:] where SchedulingSettings.keys.contains(key) {
                    try Self.setTextSetting(db, key, value)
                }
                for (name, value) in backup.settings {
                    guard let key = Settings.Key(rawValue: name) else { continue }
                    try db.execute(
                        sql: "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                        arguments: [key.rawValue, String(value)])
                }
                if let language = backup.language {
                    try db.execute(
                        sql: "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                        arguments: [Settings.languageKey, language.rawValue])
                }
                try writeFiles()
                wrote = true
            }
        } catch {
            if wrote { removeFiles() }
            throw error
        }
    }
}
