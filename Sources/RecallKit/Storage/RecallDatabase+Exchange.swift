import Foundation
import GRDB

extension RecallDatabase {
    /// Decks, cards (retired ones too), the review log and the settings, read together.
    public func exchangeSnapshot() throws -> ExchangeSnapshot {
        try writer.read { db in
            let decks = try DeckRecord.order(Column("section"), Column("id")).fetchAll(db)
            let cards = try CardRecord.order(Column("deck_id"), Column("position"), Column("id")).fetchAll(db).map(StoredCard.init)
            let log = try ReviewLogRecord.order(Column("id")).fetchAll(db)
            var settings = Settings()
            for row in try Row.fetchAll(db, sql: "SELECT key, value FROM setting") {
                if let key = Settings.Key(rawValue: row["key"]), let value = Int(row["value"] as String) { settings[key] = value }
            }
            let interviews = try InterviewRecord.order(Column("id")).fetchAll(db)
            let attempts = try InterviewAttemptRecord.order(Column("interview_id"), Column("position"), Column("id")).fetchAll(db)
            return ExchangeSnapshot(decks: decks, cards: cards, reviewLog: log, settings: settings,
                                    interviews: interviews, interviewAttempts: attempts)
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
    public func importDeck(_ loaded: LoadedDeck, states: [String: ImportedCardState], reviews: [ReviewLogRecord],
                           writeFile: () throws -> Void, removeFile: () -> Void) throws {
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
                    guard var card = try CardRecord.fetchOne(db, key: id) else { continue }
                    card.schedule = state.schedule
                    card.suspended = state.suspended
                    try card.update(db)
                }
                for review in reviews {
                    var row = review
                    row.id = nil
                    try row.insert(db)
                }
                try writeFile()
                wrote = true
            }
        } catch {
            if wrote { removeFile() }
            throw error
        }
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
                let answers = try ReviewLogRecord.fetchCount(db)
                if answers > 0 {
                    throw ExchangeError.conflict(reason: "this database already holds \(answers) answer(s); a backup is restored only into an empty database (use --db NEW-FILE)")
                }
                var report = SyncReport()
                for loaded in written { try store(loaded, db, &report) }
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                for deck in backup.decks {
                    let existing = try DeckRecord.fetchOne(db, key: deck.id)
                    var record = existing ?? DeckRecord(id: deck.id, title: deck.title, titleZh: deck.titleZh, section: deck.section,
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
                    for card in deck.cards {
                        let id = "\(deck.id)/\(card.id)"
                        let stored = StoredCardContent(content: card.content, explanation: card.explanation, source: card.source,
                                                       chinese: card.chinese, related: card.related)
                        let json = String(decoding: try encoder.encode(stored), as: UTF8.self)
                        let current = try Row.fetchOne(db, sql: "SELECT line, retired FROM card WHERE id = ?", arguments: [id])
                        let line: Int = current?["line"] ?? 0
                        // The deck files on disk decide which cards are live: a card the loaded file
                        // does not have (or that no file holds) comes back retired, history kept.
                        let live = current.map { !($0["retired"] as Bool) } ?? false
                        let state = card.state
                        try CardRecord(id: id, deckID: deck.id, noteID: card.noteID, kind: card.content.kind, content: json,
                                       tags: card.tags.joined(separator: " "), line: line, position: card.position,
                                       retired: record.retired || !live, repetitions: state.repetitions,
                                       easiness: state.easiness, intervalDays: state.intervalDays, dueDay: state.due,
                                       lapses: state.lapses, leech: state.leech, suspended: state.suspended,
                                       buriedUntil: state.buriedUntil).upsert(db)
                    }
                }
                var reviewIDs: [Int64?] = []
                for review in backup.reviewLog {
                    var row = review.record
                    try row.insert(db)
                    reviewIDs.append(row.id)
                }
                for interview in backup.interviews {
                    var record = InterviewRecord(startedAt: interview.startedAt, studyDay: interview.studyDay, seed: interview.seed,
                                                 questionCount: interview.questionCount, timeLimitSeconds: interview.timeLimitSeconds,
                                                 rescheduled: interview.rescheduled, filter: interview.filter)
                    try record.insert(db)
                    for attempt in interview.attempts {
                        let review = attempt.review.flatMap { reviewIDs.indices.contains($0) ? reviewIDs[$0] : nil }
                        var row = InterviewAttemptRecord(interviewID: record.id ?? 0, position: attempt.position, cardID: attempt.card,
                                                         answer: attempt.answer, outcome: attempt.outcome, credit: attempt.credit,
                                                         late: attempt.late, durationMs: attempt.durationMs,
                                                         answeredAt: attempt.answeredAt, reviewLogID: review)
                        try row.insert(db)
                    }
                }
                for (name, value) in backup.settings {
                    guard let key = Settings.Key(rawValue: name) else { continue }
                    try db.execute(sql: "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                                   arguments: [key.rawValue, String(value)])
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
