import Foundation

/// A complete, versioned JSON backup: decks, cards with their states, the
/// review log, interview attempts and settings.
///
/// Restored into an empty database it gives back everything, so that export →
/// import → export is byte-for-byte the same. Nothing in it depends on where
/// the data folder is: deck files are named, not located, and no export time
/// is recorded.
///
/// ```json
/// {"format": "recall-backup", "version": 1, "settings": {...}, "decks": [...],
///  "reviewLog": [...], "interviews": [{..., "attempts": [...]}]}
/// ```
public struct Backup: Codable, Hashable, Sendable {
    public static let formatName = "recall-backup"
    public static let currentVersion = 1

    public var format: String
    public var version: Int
    /// `recall config` names → values.
    public var settings: [String: Int]
    /// The language setting; absent in backups made before it existed.
    public var language: Language?
    /// The scheduler, FSRS and deadline settings that are set, by their `recall config` names
    /// (``SchedulingSettings``); absent when none is, and in backups made before they existed.
    public var scheduling: [String: String]?
    public var decks: [BackupDeck]
    /// Every answer, oldest first.
    public var reviewLog: [BackupReview]
    /// Mock interviews with their attempts, oldest first.
    public var interviews: [BackupInterview]

    public struct BackupInterview: Codable, Hashable, Sendable {
        public var startedAt: String
        public var studyDay: StudyDay
        public var seed: Int64
        public var questionCount: Int
        public var timeLimitSeconds: Int?
        public var rescheduled: Bool
        public var filter: String
        public var attempts: [BackupAttempt]
    }

    public struct BackupAttempt: Codable, Hashable, Sendable {
        public var position: Int
        public var card: String
        public var answer: String
        public var outcome: AnswerGrader.Outcome
        public var credit: Double
        public var late: Bool
        public var durationMs: Int
        public var answeredAt: String
        /// With `--reschedule`: the index in `reviewLog` of the review this attempt recorded.
        public var review: Int?
        /// `true` when the user overruled the automatic verdict; absent otherwise (and in older backups).
        public var overruled: Bool?
    }

    public struct BackupDeck: Codable, Hashable, Sendable {
        public var id: String
        public var title: String
        public var titleZh: String?
        public var section: String
        public var sectionZh: String?
        public var description: String
        /// The deck file's name, e.g. `gpu.md`.
        public var file: String
        /// True for the decks compiled into Recall: their text comes with Recall, not with the backup.
        public var bundled: Bool
        public var retired: Bool
        public var cards: [BackupCard]
    }

    public struct BackupCard: Codable, Hashable, Sendable {
        /// The id within the deck (`zero-stages.c2`).
        public var id: String
        public var noteID: String
        public var content: CardContent
        public var explanation: String?
        public var source: String?
        /// The card's Chinese text; absent in backups made before it existed.
        public var chinese: CardTranslation?
        /// `Related:` notes as `deck/note`; absent when there are none.
        public var related: [String]?
        public var tags: [String]
        public var position: Int
        public var retired: Bool
        public var state: BackupState
    }

    public struct BackupState: Codable, Hashable, Sendable {
        public var repetitions: Int
        public var easiness: Double
        public var intervalDays: Int
        public var due: StudyDay?
        public var lapses: Int
        public var leech: Bool
        public var suspended: Bool
        public var buriedUntil: StudyDay?
    }

    public struct BackupReview: Codable, Hashable, Sendable {
        /// The answer's UUIDv7 (absent in backups written before it had one: a new id is made).
        public var id: AnswerID?
        public var card: String
        public var reviewedAt: String
        public var studyDay: StudyDay
        public var grade: Grade
        public var durationMs: Int
        public var kind: ReviewQueue.EntryKind
        public var previous: BackupReviewState
        public var new: BackupReviewState
    }

    public struct BackupReviewState: Codable, Hashable, Sendable {
        public var repetitions: Int
        public var easiness: Double
        public var intervalDays: Int
        public var due: StudyDay?
        public var lapses: Int
        public var leech: Bool
    }

    /// The backup of everything in `snapshot`.
    public init(_ snapshot: ExchangeSnapshot) {
        self.init(snapshot, reviewIndex: nil)
    }

    /// As ``init(_:)``; `reviewIndex` (review row id → its index in the whole log) stands in for
    /// the snapshot's log when that is streamed separately (the snapshot's `reviewLog` is then empty).
    init(_ snapshot: ExchangeSnapshot, reviewIndex known: [Int64: Int]?) {
        format = Self.formatName
        version = Self.currentVersion
        settings = Dictionary(uniqueKeysWithValues: Settings.Key.allCases.map { ($0.rawValue, snapshot.settings[$0]) })
        language = snapshot.settings.language
        scheduling = snapshot.scheduling.isEmpty ? nil : snapshot.scheduling
        let byDeck = Dictionary(grouping: snapshot.cards, by: \.card.deckID)
        decks = snapshot.decks.sorted { $0.id < $1.id }.map { deck in
            let bundled = deck.path.hasPrefix("Decks/")
            let file = deck.path.split(separator: "/").last.map(String.init) ?? "\(deck.id).md"
            let cards = (byDeck[deck.id] ?? []).map { stored in
                let record = stored.record
                return BackupCard(
                    id: stored.card.id, noteID: stored.card.noteID, content: stored.card.content,
                    explanation: stored.card.explanation, source: stored.card.source,
                    chinese: stored.card.chinese, related: stored.card.related.isEmpty ? nil : stored.card.related,
                    tags: stored.card.tags,
                    position: record.position, retired: record.retired,
                    state: BackupState(
                        repetitions: record.repetitions, easiness: record.easiness,
                        intervalDays: record.intervalDays, due: record.dueDay, lapses: record.lapses,
                        leech: record.leech, suspended: record.suspended, buriedUntil: record.buriedUntil))
            }
            return BackupDeck(
                id: deck.id, title: deck.title, titleZh: deck.titleZh, section: deck.section,
                sectionZh: deck.sectionZh, description: deck.description, file: file, bundled: bundled,
                retired: deck.retired, cards: cards)
        }
        reviewLog = snapshot.reviewLog.map(BackupReview.init)
        var reviewIndex: [Int64: Int] = known ?? [:]
        if known == nil {
            for (index, log) in snapshot.reviewLog.enumerated() {
                if let id = log.id { reviewIndex[id] = index }
            }
        }
        let attempts = Dictionary(grouping: snapshot.interviewAttempts, by: \.interviewID)
        interviews = snapshot.interviews.map { interview in
            BackupInterview(
                startedAt: interview.startedAt, studyDay: interview.studyDay, seed: interview.seed,
                questionCount: interview.questionCount, timeLimitSeconds: interview.timeLimitSeconds,
                rescheduled: interview.rescheduled, filter: interview.filter,
                attempts: (attempts[interview.id ?? -1] ?? []).map { attempt in
                    BackupAttempt(
                        position: attempt.position, card: attempt.cardID, answer: attempt.answer, outcome: attempt.outcome,
                        credit: attempt.credit, late: attempt.late, durationMs: attempt.durationMs,
                        answeredAt: attempt.answeredAt, review: attempt.reviewLogID.flatMap { reviewIndex[$0] },
                        overruled: attempt.overruled ? true : nil)
                })
        }
    }

    /// Pretty JSON with sorted keys: stable output for diffs and for the round trip.
    public func encoded() throws -> Data {
        var data = Data()
        try Self.write(self, reviews: { each in try reviewLog.forEach(each) }, to: { data.append($0) })
        return data
    }

    /// Writes `header` as ``encoded()`` does, but with the review log that `reviews` produces
    /// one entry at a time (`header.reviewLog` is not used): the whole log is never in memory,
    /// and `sink` gets the text in pieces of about a megabyte.
    static func write(
        _ header: Backup, reviews: ((BackupReview) throws -> Void) throws -> Void,
        to sink: (Data) throws -> Void
    ) throws {
        try withoutActuallyEscaping(sink) { sink in try write(header, reviews: reviews, escapingSink: sink) }
    }

    private static func write(
        _ header: Backup, reviews: ((BackupReview) throws -> Void) throws -> Void,
        escapingSink sink: @escaping (Data) throws -> Void
    ) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var buffer = Data()
        func emit(_ text: String) throws {
            buffer.append(contentsOf: text.utf8)
            if buffer.count >= 1 << 20 {
                try sink(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        /// A value's pretty JSON, its lines after the first indented to sit `depth` levels in.
        func value(_ item: some Encodable, depth: Int) throws -> String {
            let text = String(decoding: try encoder.encode(item), as: UTF8.self)
            let pad = String(repeating: "  ", count: depth)
            // Blank lines (the inside of an empty array) stay blank, as the encoder writes them.
            return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                .map { $0.offset == 0 || $0.element.isEmpty ? String($0.element) : pad + $0.element }.joined(separator: "\n")
        }
        // Keys in sorted order, as the rest of the file.
        try emit("{\n  \"decks\" : \(try value(header.decks, depth: 1)),\n")
        try emit("  \"format\" : \(try value(header.format, depth: 1)),\n")
        try emit("  \"interviews\" : \(try value(header.interviews, depth: 1)),\n")
        if let language = header.language { try emit("  \"language\" : \(try value(language, depth: 1)),\n") }
        try emit("  \"reviewLog\" : [")
        var first = true
        try reviews { review in
            try emit((first ? "\n    " : ",\n    ") + review.prettyJSON(depth: 2))
            first = false
        }
        try emit(first ? "\n\n  ],\n" : "\n  ],\n")  // an empty array as the encoder writes one
        if let scheduling = header.scheduling { try emit("  \"scheduling\" : \(try value(scheduling, depth: 1)),\n") }
        try emit("  \"settings\" : \(try value(header.settings, depth: 1)),\n")
        try emit("  \"version\" : \(header.version)\n}\n")
        try sink(buffer)
    }

    /// Reads a backup, checking that it is one and that this Recall knows its version.
    public static func decode(_ bytes: Data, file: String) throws -> Backup {
        let kind = FileSniffer.kind(of: bytes)
        if kind != "JSON" && kind != "text" {
            throw ExchangeError.wrongKind(file: file, expected: "a Recall JSON backup", found: kind)
        }
        guard String(data: bytes, encoding: .utf8) != nil else {
            throw ExchangeError.invalidUTF8(file: file, line: TextLines.firstInvalidLine(bytes))
        }
        let header: Header
        do {
            header = try JSONDecoder().decode(Header.self, from: bytes)
        } catch {
            if kind != "JSON" { throw ExchangeError.wrongKind(file: file, expected: "a Recall JSON backup", found: kind) }
            throw ExchangeError.malformed(file: file, line: nil, reason: "not a Recall backup (\(Self.describe(error)))")
        }
        guard header.format == formatName else {
            throw ExchangeError.unsupportedSchema(file: file, reason: "the JSON's format is '\(header.format ?? "missing")', not '\(formatName)'")
        }
        guard let version = header.version, version >= 1, version <= currentVersion else {
            throw ExchangeError.unsupportedSchema(
                file: file,
                reason: "backup version \(header.version.map(String.init) ?? "missing") is not one this Recall reads (1…\(currentVersion)); upgrade Recall")
        }
        let backup: Backup
        do {
            backup = try JSONDecoder().decode(Backup.self, from: bytes)
        } catch {
            throw ExchangeError.malformed(file: file, line: nil, reason: "the backup is damaged (\(Self.describe(error)))")
        }
        if let bad = backup.reviewLog.firstIndex(where: { AnswerTime($0.reviewedAt) == nil }) {
            throw ExchangeError.malformed(
                file: file, line: nil,
                reason:
                    "the backup is damaged (reviewLog[\(bad)].reviewedAt '\(backup.reviewLog[bad].reviewedAt)' is not an ISO 8601 time such as 2026-11-29T21:05:00+08:00)"
            )
        }
        if let problem = backup.problem {
            throw ExchangeError.malformed(file: file, line: nil, reason: "the backup holds a value Recall does not accept (\(problem))")
        }
        return backup
    }

    /// The first value that breaks the rules the command line and the
    /// scheduler keep (``ScheduleBounds``, ``Settings/isValid(_:for:)``),
    /// named by its path in the JSON; nil when there is none.
    public var problem: String? {
        for (key, value) in (scheduling ?? [:]).sorted(by: { $0.key < $1.key }) {
            if let problem = SchedulingSettings.problem(key: key, value: value) { return ".scheduling.\(key): '\(value.prefix(60))' \(problem)" }
        }
        for (name, value) in settings.sorted(by: { $0.key < $1.key }) {
            if let key = Settings.Key(rawValue: name), !Settings.isValid(value, for: key) {
                return ".settings.\(name): \(value) is not allowed; \(key.rawValue) is \(key.summary)"
            }
        }
        for (d, deck) in decks.enumerated() {
            for (c, card) in deck.cards.enumerated() {
                let state = card.state
                let prefix = ".decks[\(d)].cards[\(c)].state."
                if let problem = ScheduleBounds.problem(
                    repetitions: state.repetitions, easiness: state.easiness, intervalDays: state.intervalDays,
                    due: state.due, lapses: state.lapses, prefix: prefix)
                {
                    return problem
                }
                if let buried = state.buriedUntil, !ScheduleBounds.days.contains(buried) { return "\(prefix)buriedUntil: \(buried) is out of range" }
            }
        }
        for (r, review) in reviewLog.enumerated() {
            for (name, state) in [("previous", review.previous), ("new", review.new)] {
                if let problem = ScheduleBounds.problem(
                    repetitions: state.repetitions, easiness: state.easiness, intervalDays: state.intervalDays,
                    due: state.due, lapses: state.lapses, prefix: ".reviewLog[\(r)].\(name).")
                {
                    return problem
                }
            }
            if !ScheduleBounds.days.contains(review.studyDay) { return ".reviewLog[\(r)].studyDay: \(review.studyDay) is out of range" }
            if review.durationMs < 0 { return ".reviewLog[\(r)].durationMs: \(review.durationMs) is negative" }
        }
        for (i, interview) in interviews.enumerated() {
            if interview.questionCount < 0 { return ".interviews[\(i)].questionCount: \(interview.questionCount) is negative" }
            if let limit = interview.timeLimitSeconds, limit < 0 { return ".interviews[\(i)].timeLimitSeconds: \(limit) is negative" }
            for (a, attempt) in interview.attempts.enumerated() {
                if !attempt.credit.isFinite || !(0...1).contains(attempt.credit) {
                    return ".interviews[\(i)].attempts[\(a)].credit: \(attempt.credit) is not in 0…1"
                }
                if attempt.durationMs < 0 { return ".interviews[\(i)].attempts[\(a)].durationMs: \(attempt.durationMs) is negative" }
                if let review = attempt.review, !reviewLog.indices.contains(review) {
                    return ".interviews[\(i)].attempts[\(a)].review: \(review) is not an index of reviewLog"
                }
            }
        }
        return nil
    }

    private struct Header: Decodable {
        var format: String?
        var version: Int?
    }

    static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context), DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return path.isEmpty ? context.debugDescription : "\(path): \(context.debugDescription)"
        case DecodingError.keyNotFound(let key, let context):
            let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return path.isEmpty ? "no '\(key.stringValue)' at the top level" : "\(path) has no '\(key.stringValue)'"
        default:
            return "\(error)"
        }
    }
}

extension Backup.BackupReview {
    /// The entry as `JSONEncoder` writes it pretty-printed with sorted keys, its lines after the
    /// first indented `depth` levels, written directly: a backup has a million of these, and this
    /// is many times faster than an encoder per entry. A test holds it to the encoder's bytes.
    func prettyJSON(depth: Int) -> String {
        let pad = String(repeating: "  ", count: depth)
        func number(_ value: Double) -> String {
            value.isFinite && value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
        }
        func text(_ value: String) -> String {
            // Ids, times and days are plain ASCII without quotes or backslashes; anything else goes through the encoder.
            if value.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C && $0 != 0x2F }) { return "\"\(value)\"" }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.withoutEscapingSlashes]
            return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
        }
        func state(_ s: Backup.BackupReviewState) -> String {
            var lines: [String] = []
            if let due = s.due { lines.append("\"due\" : \(text(due.description))") }
            lines.append("\"easiness\" : \(number(s.easiness))")
            lines.append("\"intervalDays\" : \(s.intervalDays)")
            lines.append("\"lapses\" : \(s.lapses)")
            lines.append("\"leech\" : \(s.leech)")
            lines.append("\"repetitions\" : \(s.repetitions)")
            return "{\n" + lines.map { pad + "    " + $0 }.joined(separator: ",\n") + "\n" + pad + "  }"
        }
        var fields = ["\"card\" : \(text(card))", "\"durationMs\" : \(durationMs)", "\"grade\" : \(grade.value)"]
        if let id { fields.append("\"id\" : \(text(id.description))") }
        fields += [
            "\"kind\" : \(text(kind.rawValue))", "\"new\" : \(state(new))", "\"previous\" : \(state(previous))",
            "\"reviewedAt\" : \(text(reviewedAt))", "\"studyDay\" : \(text(studyDay.description))",
        ]
        return "{\n" + fields.map { pad + "  " + $0 }.joined(separator: ",\n") + "\n" + pad + "}"
    }

    init(_ log: ReviewLogRecord) {
        self.init(
            id: log.uuid, card: log.cardID, reviewedAt: log.reviewedAt, studyDay: log.studyDay, grade: log.grade,
            durationMs: log.durationMs, kind: log.kind,
            previous: Backup.BackupReviewState(
                repetitions: log.previousRepetitions, easiness: log.previousEasiness,
                intervalDays: log.previousIntervalDays, due: log.previousDueDay,
                lapses: log.previousLapses, leech: log.previousLeech),
            new: Backup.BackupReviewState(
                repetitions: log.newRepetitions, easiness: log.newEasiness,
                intervalDays: log.newIntervalDays, due: log.newDueDay,
                lapses: log.newLapses, leech: log.newLeech))
    }

    /// The log row this entry restores; nil when its time is not ISO 8601.
    var record: ReviewLogRecord? {
        guard let time = AnswerTime(reviewedAt) else { return nil }
        var generator = SystemRandomNumberGenerator()
        let uuid = id ?? AnswerID(unixMilliseconds: time.unixMilliseconds, using: &generator)
        return ReviewLogRecord(
            id: nil, uuid: uuid, cardID: card, answeredAt: time, studyDay: studyDay, grade: grade, durationMs: durationMs,
            kind: kind, previousRepetitions: previous.repetitions, newRepetitions: new.repetitions,
            previousEasiness: previous.easiness, newEasiness: new.easiness,
            previousIntervalDays: previous.intervalDays, newIntervalDays: new.intervalDays,
            previousDueDay: previous.due, newDueDay: new.due, previousLapses: previous.lapses, newLapses: new.lapses,
            previousLeech: previous.leech, newLeech: new.leech)
    }
}

/// Line-level helpers for text files.
enum TextLines {
    /// The 1-based line of the first byte sequence that is not UTF-8.
    static func firstInvalidLine(_ bytes: some Collection<UInt8>) -> Int {
        var line = 1
        var lineStart = bytes.startIndex
        for index in bytes.indices where bytes[index] == 0x0A {
            if String(validating: bytes[lineStart..<index], as: UTF8.self) == nil { return line }
            line += 1
            lineStart = bytes.index(after: index)
        }
        return line
    }
}
