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

        struct Field: Decodable {
            var name: String
            var ord: Int
        }
        struct Template: Decodable { var qfmt: String }

        var isCloze: Bool { type == 1 }
        var isTyped: Bool { tmpls.contains { $0.qfmt.contains("{{type:") } }
        func index(of names: [String]) -> Int? {
            flds.firstIndex { field in names.contains { $0.caseInsensitiveCompare(field.name) == .orderedSame } }
        }

        /// The fields holding Chinese text (`Front.zh`, `Back.zh`, `Text.zh`, `Explanation.zh`): not a question or an answer.
        var chineseFieldIndices: Set<Int> {
            Set(flds.indices.filter { flds[$0].name.lowercased().hasSuffix(".zh") })
        }
    }

    struct DeckName: Decodable { var name: String }

    struct Collection {
        var crt: Int64
        var models: [Int64: Model]
        var decks: [Int64: String]
        var notes: [NoteRow]
        var cards: [CardRow]
        var revlog: [RevlogRow]
    }

    struct NoteRow {
        var id: Int64
        var guid: String?
        var mid: Int64
        var tags: String?
        var fields: String?
    }
    struct CardRow {
        var id, nid, did: Int64
        var ord, type, queue, due, ivl, factor, reps, lapses: Int
    }
    struct RevlogRow {
        var id, cid: Int64
        var ease, ivl, lastIvl, factor, time, type: Int
    }

    /// Reads columns without trusting the file: a NULL or a text where a number belongs is an error, not a crash.
    struct Columns {
        let row: Row
        let table: String
        let displayName: String

        func int64(_ column: String) throws -> Int64 {
            let value = row[column] as DatabaseValue
            if let number = Int64.fromDatabaseValue(value) { return number }
            if let double = Double.fromDatabaseValue(value), let number = Int64(exactly: double.rounded()) { return number }
            throw ExchangeError.unsupportedSchema(file: displayName, reason: "its \(table).\(column) holds \(value), not a number")
        }

        /// A small number: clamped so that day arithmetic on a hostile value cannot overflow.
        func int(_ column: String) throws -> Int { Int(min(max(try int64(column), -Self.bound), Self.bound)) }
        static let bound: Int64 = 1_000_000_000

        func text(_ column: String) -> String? {
            let value = row[column] as DatabaseValue
            if let string = String.fromDatabaseValue(value) { return string }
            if case .blob(let data) = value.storage { return String(data: data, encoding: .utf8) }
            return nil
        }
    }

    /// Reads the package at `url` and converts it into a deck with id `deckID`.
    ///
    /// - Parameters:
    ///   - displayName: how messages name the file.
    ///   - moment, dayStartHour: the time zone and the study day's start, to date the review log.
    public static func read(
        _ url: URL, displayName: String, deckID: String, title: String?, section: String,
        moment: Moment, dayStartHour: Int, limits: SafeZipLimits = SafeZipLimits()
    ) throws -> ImportedDeck {
        let zip = try SafeZip(url: url, displayName: displayName, limits: limits.limits)
        let name: String
        if zip.entries["collection.anki21"] != nil {
            name = "collection.anki21"
        } else if zip.entries["collection.anki21b"] != nil {
            throw ExchangeError.unsupportedSchema(
                file: displayName,
                reason:
                    "it holds only Anki's newer compressed collection (collection.anki21b), which Recall cannot read; in Anki, export again with \"Support older Anki versions\" ticked"
            )
        } else if zip.entries["collection.anki2"] != nil {
            name = "collection.anki2"
        } else {
            throw ExchangeError.unsupportedSchema(
                file: displayName,
                reason:
                    "it holds no Anki collection (collection.anki2 or collection.anki21); entries: \(zip.entries.keys.sorted().prefix(5).joined(separator: ", "))"
            )
        }
        let work = FileManager.default.temporaryDirectory.appending(path: "recall-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let collectionURL = work.appending(path: name)
        try zip.extract(name, to: collectionURL)
        let collection = try readCollection(collectionURL, entry: name, displayName: displayName)
        return try convert(
            collection, displayName: displayName, deckID: deckID, title: title, section: section,
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
                    throw ExchangeError.unsupportedSchema(
                        file: displayName, reason: "its \(entry) has no '\(table)' table: not an Anki collection this Recall knows")
                }
                guard let colRow = try Row.fetchOne(db, sql: "SELECT crt, ver, models, decks FROM col") else {
                    throw ExchangeError.unsupportedSchema(file: displayName, reason: "its \(entry) has an empty 'col' table")
                }
                let col = Columns(row: colRow, table: "col", displayName: displayName)
                let version = try col.int("ver")
                guard (1...AnkiSchema.version).contains(version) else {
                    throw ExchangeError.unsupportedSchema(
                        file: displayName,
                        reason:
                            "collection schema version \(version) is not one Recall reads (schema 11); in Anki, export with \"Support older Anki versions\" ticked"
                    )
                }
                let decoder = JSONDecoder()
                let models: [String: Model]
                let decks: [String: DeckName]
                do {
                    models = try decoder.decode([String: Model].self, from: Data((col.text("models") ?? "").utf8))
                    decks = try decoder.decode([String: DeckName].self, from: Data((col.text("decks") ?? "").utf8))
                } catch {
                    throw ExchangeError.unsupportedSchema(file: displayName, reason: "its note types or decks cannot be read (\(Backup.describe(error)))")
                }
                let notes = try Row.fetchAll(db, sql: "SELECT id, guid, mid, tags, flds FROM notes ORDER BY id").map { row in
                    let c = Columns(row: row, table: "notes", displayName: displayName)
                    return NoteRow(id: try c.int64("id"), guid: c.text("guid"), mid: try c.int64("mid"), tags: c.text("tags"), fields: c.text("flds"))
                }
                let cards = try Row.fetchAll(db, sql: "SELECT id, nid, did, ord, type, queue, due, ivl, factor, reps, lapses FROM cards ORDER BY nid, ord").map
                { row in
                    let c = Columns(row: row, table: "cards", displayName: displayName)
                    return CardRow(
                        id: try c.int64("id"), nid: try c.int64("nid"), did: try c.int64("did"), ord: try c.int("ord"),
                        type: try c.int("type"), queue: try c.int("queue"), due: try c.int("due"), ivl: try c.int("ivl"),
                        factor: try c.int("factor"), reps: try c.int("reps"), lapses: try c.int("lapses"))
                }
                let revlog = try Row.fetchAll(db, sql: "SELECT id, cid, ease, ivl, lastIvl, factor, time, type FROM revlog ORDER BY id").map { row in
                    let c = Columns(row: row, table: "revlog", displayName: displayName)
                    return RevlogRow(
                        id: try c.int64("id"), cid: try c.int64("cid"), ease: try c.int("ease"), ivl: try c.int("ivl"),
                        lastIvl: try c.int("lastIvl"), factor: try c.int("factor"), time: try c.int("time"), type: try c.int("type"))
                }
                // Times must fall in the calendar Recall stores (years with four digits); Anki's are 2006 onwards.
                let latestSeconds: Int64 = 4_102_444_800  // 2100-01-01
                let crt = try col.int64("crt")
                guard (0..<latestSeconds).contains(crt) else {
                    throw ExchangeError.unsupportedSchema(file: displayName, reason: "its collection creation time \(crt) is not a plausible time")
                }
                if let bad = revlog.first(where: { !(0..<latestSeconds * 1000).contains($0.id) }) {
                    throw ExchangeError.unsupportedSchema(file: displayName, reason: "its review log has a row dated \(bad.id), not a plausible time")
                }
                return Collection(
                    crt: crt,
                    models: Dictionary(models.compactMap { key, value in Int64(key).map { ($0, value) } }, uniquingKeysWith: { first, _ in first }),
                    decks: Dictionary(decks.compactMap { key, value in Int64(key).map { ($0, value.name) } }, uniquingKeysWith: { first, _ in first }),
                    notes: notes, cards: cards, revlog: revlog)
            }
        } catch let error as ExchangeError {
            throw error
        } catch let error as DatabaseError {
            throw ExchangeError.unsupportedSchema(
                file: displayName, reason: "its \(entry) cannot be read as an Anki collection (\(error.message ?? "\(error)"))")
        } catch {
            throw ExchangeError.unsupportedSchema(file: displayName, reason: "its \(entry) cannot be read (\(error))")
        }
    }

    static func convert(
        _ collection: Collection, displayName: String, deckID: String, title: String?, section: String,
        moment: Moment, dayStartHour: Int
    ) throws -> ImportedDeck {
        let deckOfNote = Dictionary(collection.cards.map { ($0.nid, $0.did) }, uniquingKeysWith: { first, _ in first })
        let usedDecks = Set(deckOfNote.values).compactMap { collection.decks[$0] }
        let defaultTitle = usedDecks.count == 1 ? (usedDecks[0].components(separatedBy: "::").last ?? usedDecks[0]) : nil
        var builder = ForeignDeckBuilder(id: deckID, title: title ?? defaultTitle ?? deckID, section: section)
        var noteIDs: [Int64: String] = [:]
        for row in collection.notes {
            let id = row.id
            let origin = "note \(id)"
            guard let fieldsText = row.fields else {
                builder.notes.append("\(origin): left out, its fields are not UTF-8 text")
                continue
            }
            guard let model = collection.models[row.mid] else {
                builder.notes.append("\(origin): left out, its note type \(row.mid) is missing")
                continue
            }
            let fields = fieldsText.components(separatedBy: AnkiSchema.fieldSeparator).map(HTMLText.toPlain)
            func field(_ names: [String]) -> String? { model.index(of: names).flatMap { $0 < fields.count ? fields[$0] : nil } }
            let tags = (row.tags ?? "").split(separator: " ").map(String.init)
            var explanation = field(["Explanation", "Why", "Back Extra", "Extra"])
            let source = field(["Source"])
            func nonEmpty(_ name: String) -> String? {
                field([name]).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
            }
            var chinese = CardTranslation(question: nonEmpty("Front.zh"), answer: nonEmpty("Back.zh"), explanation: nonEmpty("Explanation.zh"))
            if model.isCloze, let text = nonEmpty("Text.zh") { chinese.clozeText = ForeignDeckBuilder.clozeFromAnki(text).text }
            var note: ForeignNote
            if model.isCloze {
                let cloze = ForeignDeckBuilder.clozeFromAnki(fields.first ?? "")
                note = ForeignNote(
                    kind: .cloze, front: cloze.text, back: "", explanation: explanation, source: source,
                    chinese: chinese.isEmpty ? nil : chinese,
                    tags: tags, guid: row.guid, clozeNumbers: cloze.numbers, origin: "\(displayName): \(origin)")
            } else {
                let used = Set([model.index(of: ["Explanation", "Why", "Back Extra", "Extra"]), model.index(of: ["Source"])].compactMap { $0 })
                    .union(model.chineseFieldIndices)
                let rest = fields.indices.filter { !used.contains($0) }
                let front = rest.first.map { fields[$0] } ?? ""
                let back = rest.dropFirst().first.map { fields[$0] } ?? ""
                var alternatives: [String] = []
                if model.isTyped { (explanation, alternatives) = ForeignDeckBuilder.splitAlternatives(explanation) }
                note = ForeignNote(
                    kind: model.isTyped ? .typed : .basic, front: front, back: back, explanation: explanation,
                    source: source, alternatives: alternatives, chinese: chinese.isEmpty ? nil : chinese, tags: tags, guid: row.guid,
                    origin: "\(displayName): \(origin)")
            }
            if let noteID = builder.add(note) { noteIDs[id] = noteID }
        }
        let dropped = builder.finish()
        noteIDs = noteIDs.filter { !dropped.contains($0.value) }
        guard !builder.deck.cards.isEmpty else { throw ExchangeError.nothingToImport(file: displayName) }

        // Scheduling: Anki's cards → Recall card ids.
        let today = moment.studyDay(startHour: dayStartHour)
        let crtDay = StudyDay(containing: Date(timeIntervalSince1970: TimeInterval(collection.crt)), timeZone: moment.timeZone, startHour: 0)
        let cardsByID = Dictionary(builder.deck.cards.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var recallCardOfAnki: [Int64: String] = [:]
        var states: [String: ImportedCardState] = [:]
        let revlogByCard = Dictionary(grouping: collection.revlog, by: \.cid)
        var reviews: [ReviewLogRecord] = []
        for row in collection.cards {
            guard let noteID = noteIDs[row.nid] else { continue }
            let ordinal = row.ord
            let cardID: String
            if let numbers = builder.clozeNumbers[noteID] {
                guard let index = numbers.firstIndex(of: ordinal + 1) else { continue }
                cardID = "\(noteID).c\(index + 1)"
            } else {
                guard ordinal == 0 else { continue }  // a reversed card of a basic note: Recall asks one way
                cardID = noteID
            }
            guard cardsByID[cardID] != nil, states[cardID] == nil else { continue }
            let ankiID = row.id
            let (type, queue, factor, lapses) = (row.type, row.queue, row.factor, max(0, row.lapses))
            // Anki caps intervals at 100 years; anything beyond is damage, kept within reach of the calendar.
            let interval = min(row.ivl, maximumDays)
            let due = min(max(row.due, -maximumDays), maximumDays)
            let easiness = factor > 0 ? ankiEasiness(factor) : SM2.initialEasiness
            let log = revlogByCard[ankiID] ?? []
            var schedule = CardSchedule.new
            switch type {
            case AnkiSchema.typeReview:
                let repetitions = trailingPasses(log) ?? max(1, row.reps - lapses)
                schedule = CardSchedule(
                    sm2: SM2State(repetitions: repetitions, easiness: easiness, intervalDays: max(1, interval)),
                    dueDay: crtDay.adding(days: due), lapses: lapses, isLeech: lapses >= Scheduler.leechLapses)
            case AnkiSchema.typeLearning, AnkiSchema.typeRelearning:
                schedule = CardSchedule(
                    sm2: SM2State(repetitions: trailingPasses(log) ?? 0, easiness: easiness, intervalDays: max(0, interval)),
                    dueDay: today, lapses: lapses, isLeech: lapses >= Scheduler.leechLapses)
            default:
                break
            }
            states[cardID] = ImportedCardState(schedule: schedule, suspended: queue == AnkiSchema.queueSuspended)
            reviews += reviewLog(log, cardID: "\(deckID)/\(cardID)", final: schedule, moment: moment, dayStartHour: dayStartHour)
        }
        reviews.sort { ($0.answeredAt.unixMilliseconds, $0.cardID) < ($1.answeredAt.unixMilliseconds, $1.cardID) }
        var imported = ImportedDeck(deck: builder.deck, states: states, reviews: reviews, notes: builder.notes)
        if collection.revlog.count > 0 && reviews.isEmpty { imported.notes.append("\(displayName): its review log matched no imported card") }
        return imported
    }

    static let maximumDays = SM2.maximumIntervalDays

    /// Anki's ease factor (permille) as an SM-2 easiness, kept within ``ScheduleBounds/easiness``.
    static func ankiEasiness(_ factor: Int) -> Double {
        min(max(SM2.minimumEasiness, Double(factor) / 1000), ScheduleBounds.easiness.upperBound)
    }

    /// SM-2 repetitions from a log: passing answers on distinct days since the last failure.
    static func trailingPasses(_ log: [RevlogRow]) -> Int? {
        guard !log.isEmpty else { return nil }
        var days: Set<Int64> = []
        for row in log.reversed() {
            if row.ease <= 1 { break }
            days.insert(row.id / 86_400_000)
        }
        return days.count
    }

    /// Review-log rows for one card: the states before and after each answer, chained so that
    /// undo stays coherent, ending in the card's imported schedule. Same-day answers after the
    /// first are re-drills, as Recall would have logged them.
    static func reviewLog(_ log: [RevlogRow], cardID: String, final: CardSchedule, moment: Moment, dayStartHour: Int) -> [ReviewLogRecord] {
        var records: [ReviewLogRecord] = []
        var state = CardSchedule.new
        var scheduledDays: Set<StudyDay> = []
        for row in log {
            let instant = Date(timeIntervalSince1970: TimeInterval(row.id) / 1000)
            let day = StudyDay(containing: instant, timeZone: moment.timeZone, startHour: dayStartHour)
            let grade = AnkiSchema.grade(forEase: row.ease)
            let before = state
            let kind: ReviewQueue.EntryKind
            if scheduledDays.contains(day) || row.type == AnkiSchema.revlogFiltered {
                kind = .redrill
            } else {
                kind = before.isNew ? .new : .review
                scheduledDays.insert(day)
                let factor = row.factor
                let interval = min(max(0, row.ivl), maximumDays)
                var next = before
                next.sm2.easiness = factor > 0 ? ankiEasiness(factor) : before.sm2.easiness
                next.sm2.intervalDays = interval
                next.sm2.repetitions = grade.isPassing ? before.sm2.repetitions + 1 : 0
                if !grade.isPassing { next.lapses += 1 }
                next.dueDay = day.adding(days: interval)
                next.isLeech = next.lapses >= Scheduler.leechLapses
                state = next
            }
            // The answer's id comes from Anki's own (the card and the revlog row's time), so importing
            // the same package again gives the same ids.
            var idBits = SeededGenerator(seed: UInt64(bitPattern: row.id), salt: cardID)
            let time = AnswerTime(Moment(instant: instant, timeZone: moment.timeZone))
            records.append(
                ReviewLogRecord(
                    id: nil, uuid: AnswerID(unixMilliseconds: row.id, using: &idBits), cardID: cardID, answeredAt: time,
                    studyDay: day, grade: grade,
                    durationMs: max(0, row.time), kind: kind,
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
                records[index].previousRepetitions = final.sm2.repetitions
                records[index].newRepetitions = final.sm2.repetitions
                records[index].previousEasiness = final.sm2.easiness
                records[index].newEasiness = final.sm2.easiness
                records[index].previousIntervalDays = final.sm2.intervalDays
                records[index].newIntervalDays = final.sm2.intervalDays
                records[index].previousDueDay = final.dueDay
                records[index].newDueDay = final.dueDay
                records[index].previousLapses = final.lapses
                records[index].newLapses = final.lapses
                records[index].previousLeech = final.isLeech
                records[index].newLeech = final.isLeech
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
