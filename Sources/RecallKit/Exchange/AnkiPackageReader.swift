import Foundation
import GRDB

/// Reads an Anki package (`.apkg`, or a `.colpkg` collection) into a Recall deck.
///
/// The collection inside is `collection.anki21` or `collection.anki2` in
/// Anki's schema 11. The newer zstd-compressed `collection.anki21b` alone is
/// refused with a message saying how to export a readable package. Notes of
/// cloze note types become cloze notes; a note type with `{{type:…}}` in its
/// template gives typed cards; every other note is a question (its first
/// field) and an answer (its second). Fields named Explanation, Back Extra
/// and Source go to `Why:` and `Source:`. Each card's interval, ease, due
/// day, lapses and suspension become its SM-2 state, and the revlog its review log.
public enum AnkiPackageReader {
    struct Model: Decodable {
        var name: String
        var type: Int
        var flds: [Field]
        var tmpls: [Template]

        struct Field: Decodable { var name: String; var ord: Int }
        struct Template: Decodable { var qfmt: String }

        var isCloze: Bool { type == 1 }
        var isTyped: Bool { tmpls.contains { $0.qfmt.contains("{{type:") } }
        func index(of names: [String]) -> Int? {
            flds.firstIndex { field in names.contains { $0.caseInsensitiveCompare(field.name) == .orderedSame } }
        }
    }

    struct DeckName: Decodable { var name: String }

    struct Collection {
        var crt: Int64
        var models: [Int64: Model]
        var decks: [Int64: String]
        var notes: [Row]
        var cards: [Row]
        var revlog: [Row]
    }

    /// Reads the package at `url` and converts it into a deck with id `deckID`.
    ///
    /// - Parameters:
    ///   - displayName: how messages name the file.
    ///   - moment, dayStartHour: the time zone and the study day's start, to date the review log.
    public static func read(_ url: URL, displayName: String, deckID: String, title: String?, section: String,
                            moment: Moment, dayStartHour: Int, limits: SafeZipLimits = SafeZipLimits()) throws -> ImportedDeck {
        let zip = try SafeZip(url: url, displayName: displayName, limits: limits.limits)
        let name: String
        if zip.entries["collection.anki21"] != nil {
            name = "collection.anki21"
        } else if zip.entries["collection.anki21b"] != nil {
            throw ExchangeError.unsupportedSchema(file: displayName, reason: "it holds only Anki's newer compressed collection (collection.anki21b), which Recall cannot read; in Anki, export again with \"Support older Anki versions\" ticked")
        } else if zip.entries["collection.anki2"] != nil {
            name = "collection.anki2"
        } else {
            throw ExchangeError.unsupportedSchema(file: displayName, reason: "it holds no Anki collection (collection.anki2 or collection.anki21); entries: \(zip.entries.keys.sorted().prefix(5).joined(separator: ", "))")
        }
        let work = FileManager.default.temporaryDirectory.appending(path: "recall-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let collectionURL = work.appending(path: name)
        try zip.extract(name, to: collectionURL)
        let collection = try readCollection(collectionURL, entry: name, displayName: displayName)
        return try convert(collection, displayName: displayName, deckID: deckID, title: title, section: section,
                           moment: moment, dayStartHour: dayStartHour)
    }

    static func readCollection(_ url: URL, entry: String, displayName: String) throws -> Collection {
        let head = (try? FileHandle(forReadingFrom: url).read(upToCount: 16)) ?? nil
        guard let head, FileSniffer.kind(of: head) == "an SQLite database" else {
            throw ExchangeError.unsupportedSchema(file: displayName, reason: "its \(entry) is not an SQLite database")
        }
        var configuration = Configuration()
        configuration.readonly = true
        do {
            let queue = try DatabaseQueue(path: url.path, configuration: configuration)
            defer { try? queue.close() }
            return try queue.read { db in
                for table in ["col", "notes", "cards", "revlog"] where try !db.tableExists(table) {
                    throw ExchangeError.unsupportedSchema(file: displayName, reason: "its \(entry) has no '\(table)' table: not an Anki collection this Recall knows")
                }
                guard let col = try Row.fetchOne(db, sql: "SELECT crt, ver, models, decks FROM col") else {
                    throw ExchangeError.unsupportedSchema(file: displayName, reason: "its \(entry) has an empty 'col' table")
                }
                let version: Int = col["ver"]
                guard (1...AnkiSchema.version).contains(version) else {
                    throw ExchangeError.unsupportedSchema(file: displayName, reason: "collection schema version \(version) is not one Recall reads (schema 11); in Anki, export with \"Support older Anki versions\" ticked")
                }
                let decoder = JSONDecoder()
                let models: [String: Model]
                let decks: [String: DeckName]
                do {
                    models = try decoder.decode([String: Model].self, from: Data((col["models"] as String? ?? "").utf8))
                    decks = try decoder.decode([String: DeckName].self, from: Data((col["decks"] as String? ?? "").utf8))
                } catch {
                    throw ExchangeError.unsupportedSchema(file: displayName, reason: "its note types or decks cannot be read (\(Backup.describe(error)))")
                }
                return Collection(
                    crt: col["crt"],
                    models: Dictionary(uniqueKeysWithValues: models.compactMap { key, value in Int64(key).map { ($0, value) } }),
                    decks: Dictionary(uniqueKeysWithValues: decks.compactMap { key, value in Int64(key).map { ($0, value.name) } }),
                    notes: try Row.fetchAll(db, sql: "SELECT id, guid, mid, tags, flds FROM notes ORDER BY id"),
                    cards: try Row.fetchAll(db, sql: "SELECT id, nid, did, ord, type, queue, due, ivl, factor, reps, lapses FROM cards ORDER BY nid, ord"),
                    revlog: try Row.fetchAll(db, sql: "SELECT id, cid, ease, ivl, lastIvl, factor, time, type FROM revlog ORDER BY id"))
            }
        } catch let error as ExchangeError {
            throw error
        } catch let error as DatabaseError {
            throw ExchangeError.unsupportedSchema(file: displayName, reason: "its \(entry) cannot be read as an Anki collection (\(error.message ?? "\(error)"))")
        } catch {
            throw ExchangeError.unsupportedSchema(file: displayName, reason: "its \(entry) cannot be read (\(error))")
        }
    }

    static func text(_ row: Row, _ column: String) -> String? {
        switch row[column] as DatabaseValue? {
        case .some(let value):
            if let string = String.fromDatabaseValue(value) { return string }
            if case .blob(let data) = value.storage { return String(data: data, encoding: .utf8) }
            return nil
        case .none:
            return nil
        }
    }

    static func convert(_ collection: Collection, displayName: String, deckID: String, title: String?, section: String,
                        moment: Moment, dayStartHour: Int) throws -> ImportedDeck {
        let deckOfNote = Dictionary(collection.cards.map { ($0["nid"] as Int64, $0["did"] as Int64) }, uniquingKeysWith: { first, _ in first })
        let usedDecks = Set(deckOfNote.values).compactMap { collection.decks[$0] }
        let defaultTitle = usedDecks.count == 1 ? (usedDecks[0].components(separatedBy: "::").last ?? usedDecks[0]) : nil
        var builder = ForeignDeckBuilder(id: deckID, title: title ?? defaultTitle ?? deckID, section: section)
        var noteIDs: [Int64: String] = [:]
        for row in collection.notes {
            let id: Int64 = row["id"]
            let origin = "note \(id)"
            guard let fieldsText = text(row, "flds") else {
                builder.notes.append("\(origin): left out, its fields are not UTF-8 text")
                continue
            }
            guard let model = collection.models[row["mid"]] else {
                builder.notes.append("\(origin): left out, its note type \(row["mid"] as Int64) is missing")
                continue
            }
            let fields = fieldsText.components(separatedBy: AnkiSchema.fieldSeparator).map(HTMLText.toPlain)
            func field(_ names: [String]) -> String? { model.index(of: names).flatMap { $0 < fields.count ? fields[$0] : nil } }
            let tags = (text(row, "tags") ?? "").split(separator: " ").map(String.init)
            var explanation = field(["Explanation", "Why", "Back Extra", "Extra"])
            let source = field(["Source"])
            var note: ForeignNote
            if model.isCloze {
                let cloze = ForeignDeckBuilder.clozeFromAnki(fields.first ?? "")
                note = ForeignNote(kind: .cloze, front: cloze.text, back: "", explanation: explanation, source: source,
                                   tags: tags, guid: text(row, "guid"), clozeNumbers: cloze.numbers, origin: "\(displayName): \(origin)")
            } else {
                let used = Set([model.index(of: ["Explanation", "Why", "Back Extra", "Extra"]), model.index(of: ["Source"])].compactMap { $0 })
                let rest = fields.indices.filter { !used.contains($0) }
                let front = rest.first.map { fields[$0] } ?? ""
                let back = rest.dropFirst().first.map { fields[$0] } ?? ""
                var alternatives: [String] = []
                if model.isTyped { (explanation, alternatives) = ForeignDeckBuilder.splitAlternatives(explanation) }
                note = ForeignNote(kind: model.isTyped ? .typed : .basic, front: front, back: back, explanation: explanation,
                                   source: source, alternatives: alternatives, tags: tags, guid: text(row, "guid"),
                                   origin: "\(displayName): \(origin)")
            }
            if let noteID = builder.add(note) { noteIDs[id] = noteID }
        }
        guard !builder.deck.cards.isEmpty else { throw ExchangeError.nothingToImport(file: displayName) }

        // Scheduling: Anki's cards → Recall card ids.
        let today = moment.studyDay(startHour: dayStartHour)
        let crtDay = StudyDay(containing: Date(timeIntervalSince1970: TimeInterval(collection.crt)), timeZone: moment.timeZone, startHour: 0)
        let cardsByID = Dictionary(builder.deck.cards.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var recallCardOfAnki: [Int64: String] = [:]
        var states: [String: ImportedCardState] = [:]
        let revlogByCard = Dictionary(grouping: collection.revlog, by: { $0["cid"] as Int64 })
        var reviews: [ReviewLogRecord] = []
        for row in collection.cards {
            guard let noteID = noteIDs[row["nid"]] else { continue }
            let ordinal: Int = row["ord"]
            let cardID: String
            if let numbers = builder.clozeNumbers[noteID] {
                guard let index = numbers.firstIndex(of: ordinal + 1) else { continue }
                cardID = "\(noteID).c\(index + 1)"
            } else {
                guard ordinal == 0 else { continue } // a reversed card of a basic note: Recall asks one way
                cardID = noteID
            }
            guard cardsByID[cardID] != nil, states[cardID] == nil else { continue }
            let ankiID: Int64 = row["id"]
            recallCardOfAnki[ankiID] = cardID
            let type: Int = row["type"]
            let queue: Int = row["queue"]
            let factor: Int = row["factor"]
            let interval: Int = row["ivl"]
            let due: Int = row["due"]
            let lapses: Int = row["lapses"]
            let easiness = factor > 0 ? max(SM2.minimumEasiness, Double(factor) / 1000) : SM2.initialEasiness
            let log = revlogByCard[ankiID] ?? []
            var schedule = CardSchedule.new
            switch type {
            case AnkiSchema.typeReview:
                let repetitions = trailingPasses(log) ?? max(1, (row["reps"] as Int) - lapses)
                schedule = CardSchedule(sm2: SM2State(repetitions: repetitions, easiness: easiness, intervalDays: max(1, interval)),
                                        dueDay: crtDay.adding(days: due), lapses: lapses, isLeech: lapses >= Scheduler.leechLapses)
            case AnkiSchema.typeLearning, AnkiSchema.typeRelearning:
                schedule = CardSchedule(sm2: SM2State(repetitions: trailingPasses(log) ?? 0, easiness: easiness, intervalDays: max(0, interval)),
                                        dueDay: today, lapses: lapses, isLeech: lapses >= Scheduler.leechLapses)
            default:
                break
            }
            states[cardID] = ImportedCardState(schedule: schedule, suspended: queue == AnkiSchema.queueSuspended)
            reviews += reviewLog(log, cardID: "\(deckID)/\(cardID)", final: schedule, moment: moment, dayStartHour: dayStartHour)
        }
        reviews.sort { ($0.reviewedAt, $0.cardID) < ($1.reviewedAt, $1.cardID) }
        var imported = ImportedDeck(deck: builder.deck, states: states, reviews: reviews, notes: builder.notes)
        if collection.revlog.count > 0 && reviews.isEmpty { imported.notes.append("\(displayName): its review log matched no imported card") }
        return imported
    }

    /// SM-2 repetitions from a log: passing answers on distinct days since the last failure.
    static func trailingPasses(_ log: [Row]) -> Int? {
        guard !log.isEmpty else { return nil }
        var days: Set<Int64> = []
        for row in log.reversed() {
            if (row["ease"] as Int) <= 1 { break }
            days.insert((row["id"] as Int64) / 86_400_000)
        }
        return days.count
    }

    /// Review-log rows for one card: the states before and after each answer, chained so that
    /// undo stays coherent, ending in the card's imported schedule. Same-day answers after the
    /// first are re-drills, as Recall would have logged them.
    static func reviewLog(_ log: [Row], cardID: String, final: CardSchedule, moment: Moment, dayStartHour: Int) -> [ReviewLogRecord] {
        var records: [ReviewLogRecord] = []
        var state = CardSchedule.new
        var scheduledDays: Set<StudyDay> = []
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = moment.timeZone
        formatter.formatOptions = [.withInternetDateTime]
        for row in log {
            let instant = Date(timeIntervalSince1970: TimeInterval(row["id"] as Int64) / 1000)
            let day = StudyDay(containing: instant, timeZone: moment.timeZone, startHour: dayStartHour)
            let grade = AnkiSchema.grade(forEase: row["ease"])
            let before = state
            let kind: ReviewQueue.EntryKind
            if scheduledDays.contains(day) || (row["type"] as Int) == AnkiSchema.revlogFiltered {
                kind = .redrill
            } else {
                kind = before.isNew ? .new : .review
                scheduledDays.insert(day)
                let factor: Int = row["factor"]
                let interval = max(0, row["ivl"] as Int)
                var next = before
                next.sm2.easiness = factor > 0 ? max(SM2.minimumEasiness, Double(factor) / 1000) : before.sm2.easiness
                next.sm2.intervalDays = interval
                next.sm2.repetitions = grade.isPassing ? before.sm2.repetitions + 1 : 0
                if !grade.isPassing { next.lapses += 1 }
                next.dueDay = day.adding(days: interval)
                next.isLeech = next.lapses >= Scheduler.leechLapses
                state = next
            }
            records.append(ReviewLogRecord(
                id: nil, cardID: cardID, reviewedAt: formatter.string(from: instant), studyDay: day, grade: grade,
                durationMs: max(0, row["time"] as Int), kind: kind,
                previousRepetitions: before.sm2.repetitions, newRepetitions: state.sm2.repetitions,
                previousEasiness: before.sm2.easiness, newEasiness: state.sm2.easiness,
                previousIntervalDays: before.sm2.intervalDays, newIntervalDays: state.sm2.intervalDays,
                previousDueDay: before.dueDay, newDueDay: state.dueDay, previousLapses: before.lapses, newLapses: state.lapses,
                previousLeech: before.isLeech, newLeech: state.isLeech))
        }
        // The card's schedule as Anki has it is the truth: the last scheduled answer ends there.
        if !final.isNew, let last = records.lastIndex(where: { $0.kind != .redrill }) {
            records[last].newRepetitions = final.sm2.repetitions
            records[last].newEasiness = final.sm2.easiness
            records[last].newIntervalDays = final.sm2.intervalDays
            records[last].newDueDay = final.dueDay
            records[last].newLapses = final.lapses
            records[last].newLeech = final.isLeech
            for index in records.indices.dropFirst(last + 1) {
                records[index].previousRepetitions = final.sm2.repetitions; records[index].newRepetitions = final.sm2.repetitions
                records[index].previousEasiness = final.sm2.easiness; records[index].newEasiness = final.sm2.easiness
                records[index].previousIntervalDays = final.sm2.intervalDays; records[index].newIntervalDays = final.sm2.intervalDays
                records[index].previousDueDay = final.dueDay; records[index].newDueDay = final.dueDay
                records[index].previousLapses = final.lapses; records[index].newLapses = final.lapses
                records[index].previousLeech = final.isLeech; records[index].newLeech = final.isLeech
            }
        }
        return records
    }
}

/// The caps on what an imported archive may unpack to (see ``AnkiPackageReader``).
public struct SafeZipLimits: Sendable {
    var limits: SafeZip.Limits

    public init(entryBytes: UInt64 = 1 << 30, totalBytes: UInt64 = 2 << 30, compressionRatio: UInt64 = 200) {
        limits = SafeZip.Limits(entryBytes: entryBytes, totalBytes: totalBytes, compressionRatio: compressionRatio)
    }
}
