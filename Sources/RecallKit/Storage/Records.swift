import GRDB

/// A row of `deck`.
public struct DeckRecord: Codable, Hashable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "deck"
    public var id: String
    public var title: String
    public var titleZh: String?
    public var section: String
    public var sectionZh: String?
    public var description: String
    public var path: String
    public var contentHash: String
    public var retired: Bool
    /// The deck file's size and modification time when it was last read: a
    /// file that still has both is not read again (see ``DeckFileStamp``).
    public var fileSize: Int64?
    public var fileModifiedNs: Int64?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, title
        case titleZh = "title_zh"
        case section
        case sectionZh = "section_zh"
        case description, path
        case contentHash = "content_hash"
        case retired
        case fileSize = "file_size"
        case fileModifiedNs = "file_modified_ns"
    }

    /// The columns read: not `note_blocks`, which is a big deck's block index, read only when its file changed.
    public static var databaseSelection: [any SQLSelectable] { CodingKeys.allCases.map { Column($0.rawValue) } }

    public init(
        id: String, title: String, titleZh: String?, section: String, sectionZh: String?, description: String,
        path: String, contentHash: String, retired: Bool, fileSize: Int64? = nil, fileModifiedNs: Int64? = nil
    ) {
        self.id = id
        self.title = title
        self.titleZh = titleZh
        self.section = section
        self.sectionZh = sectionZh
        self.description = description
        self.path = path
        self.contentHash = contentHash
        self.retired = retired
        self.fileSize = fileSize
        self.fileModifiedNs = fileModifiedNs
    }
}

/// A row of `card`: the card's content as its deck file last gave it, and its schedule.
///
/// Read as a record; written by the facade's own statements, which touch
/// only the columns a change concerns (an answer writes the schedule, not
/// the content).
public struct CardRecord: Codable, Hashable, Sendable, FetchableRecord, TableRecord {
    public static let databaseTableName = "card"
    /// The integer key the review log refers to.
    public var key: Int64
    public var id: String
    public var deckID: String
    public var noteID: String
    public var kind: CardKind
    /// JSON of ``StoredCardContent``.
    public var content: String
    /// Tags separated by single spaces.
    public var tags: String
    public var line: Int
    public var position: Int
    public var retired: Bool
    public var repetitions: Int
    public var easiness: Double
    public var intervalDays: Int
    public var dueDay: StudyDay?
    public var lapses: Int
    public var leech: Bool
    public var suspended: Bool
    public var buriedUntil: StudyDay?

    enum CodingKeys: String, CodingKey {
        case key, id
        case deckID = "deck_id"
        case noteID = "note_id"
        case kind, content, tags, line, position, retired
        case repetitions, easiness
        case intervalDays = "interval_days"
        case dueDay = "due_day"
        case lapses, leech, suspended
        case buriedUntil = "buried_until"
    }

    /// Decodes a row, bringing its schedule within ``ScheduleBounds``: a value
    /// damaged on disk (a due day past 9999, an easiness of 1e308) must not
    /// lock the user out of their history, so the card goes on from the
    /// nearest sane state.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        key = try c.decode(Int64.self, forKey: .key)
        id = try c.decode(String.self, forKey: .id)
        deckID = try c.decode(String.self, forKey: .deckID)
        noteID = try c.decode(String.self, forKey: .noteID)
        kind = try c.decode(CardKind.self, forKey: .kind)
        content = try c.decode(String.self, forKey: .content)
        tags = try c.decode(String.self, forKey: .tags)
        line = try c.decode(Int.self, forKey: .line)
        position = try c.decode(Int.self, forKey: .position)
        retired = try c.decode(Bool.self, forKey: .retired)
        repetitions = try c.decode(Int.self, forKey: .repetitions)
        easiness = try c.decode(Double.self, forKey: .easiness)
        intervalDays = try c.decode(Int.self, forKey: .intervalDays)
        dueDay = try c.decodeIfPresent(StudyDay.self, forKey: .dueDay)
        lapses = try c.decode(Int.self, forKey: .lapses)
        leech = try c.decode(Bool.self, forKey: .leech)
        suspended = try c.decode(Bool.self, forKey: .suspended)
        buriedUntil = try c.decodeIfPresent(StudyDay.self, forKey: .buriedUntil)
        schedule = ScheduleBounds.clamped(schedule)
    }

    public var schedule: CardSchedule {
        get {
            CardSchedule(
                sm2: SM2State(repetitions: repetitions, easiness: easiness, intervalDays: intervalDays),
                dueDay: dueDay, lapses: lapses, isLeech: leech)
        }
        set {
            repetitions = newValue.sm2.repetitions
            easiness = newValue.sm2.easiness
            intervalDays = newValue.sm2.intervalDays
            dueDay = newValue.dueDay
            lapses = newValue.lapses
            leech = newValue.isLeech
        }
    }

    public var tagList: [String] { tags.split(separator: " ").map(String.init) }
}

/// The parts of a card the database keeps as JSON.
struct StoredCardContent: Codable {
    var content: CardContent
    var explanation: String?
    var source: String?
    /// Absent in rows written before the Chinese fields existed.
    var chinese: CardTranslation?
    /// Absent (nil) when the card has no `Related:` and in older rows.
    var related: [String]?
    /// The card's `Grade:` field; absent in rows written before it existed.
    var grading: GradeSpec?
}

/// One answer as the review log keeps it, with the state before and after it
/// so that it can be undone and audited.
///
/// The table (`review_log`, see the "v4-compact-review-log" migration) holds
/// the card's integer key, the time as integer milliseconds and an offset,
/// the day as a day number and the kind as a small integer; this value
/// carries the card's id and typed fields, and the facade converts.
public struct ReviewLogRecord: Hashable, Sendable {
    /// The row id: the order answers were recorded in.
    public var id: Int64?
    /// The answer's stable id, kept through export and import.
    public var uuid: AnswerID
    public var cardID: String
    /// When the answer was given, to the millisecond.
    public var answeredAt: AnswerTime
    public var studyDay: StudyDay
    public var grade: Grade
    public var durationMs: Int
    public var kind: ReviewQueue.EntryKind
    public var previousRepetitions: Int
    public var newRepetitions: Int
    public var previousEasiness: Double
    public var newEasiness: Double
    public var previousIntervalDays: Int
    public var newIntervalDays: Int
    public var previousDueDay: StudyDay?
    public var newDueDay: StudyDay?
    public var previousLapses: Int
    public var newLapses: Int
    public var previousLeech: Bool
    public var newLeech: Bool

    public init(
        id: Int64? = nil, uuid: AnswerID, cardID: String, answeredAt: AnswerTime, studyDay: StudyDay, grade: Grade,
        durationMs: Int, kind: ReviewQueue.EntryKind, previousRepetitions: Int, newRepetitions: Int,
        previousEasiness: Double, newEasiness: Double, previousIntervalDays: Int, newIntervalDays: Int,
        previousDueDay: StudyDay?, newDueDay: StudyDay?, previousLapses: Int, newLapses: Int,
        previousLeech: Bool, newLeech: Bool
    ) {
        self.id = id
        self.uuid = uuid
        self.cardID = cardID
        self.answeredAt = answeredAt
        self.studyDay = studyDay
        self.grade = grade
        self.durationMs = durationMs
        self.kind = kind
        self.previousRepetitions = previousRepetitions
        self.newRepetitions = newRepetitions
        self.previousEasiness = previousEasiness
        self.newEasiness = newEasiness
        self.previousIntervalDays = previousIntervalDays
        self.newIntervalDays = newIntervalDays
        self.previousDueDay = previousDueDay
        self.newDueDay = newDueDay
        self.previousLapses = previousLapses
        self.newLapses = newLapses
        self.previousLeech = previousLeech
        self.newLeech = newLeech
    }

    /// The instant of the answer, ISO 8601 in its own offset (milliseconds when there are any).
    public var reviewedAt: String { answeredAt.description }

    /// The card's schedule before this answer, within ``ScheduleBounds`` (what undo puts back).
    var previousSchedule: CardSchedule {
        ScheduleBounds.clamped(
            CardSchedule(
                sm2: SM2State(
                    repetitions: previousRepetitions, easiness: previousEasiness,
                    intervalDays: previousIntervalDays),
                dueDay: previousDueDay, lapses: previousLapses, isLeech: previousLeech))
    }

    /// The columns of `review_log` after `id`, in table order, less `card_key`
    /// (first) which the writer supplies: one list for every statement that
    /// reads or writes a whole row.
    static let columns = """
        uuid_hi, uuid_lo, card_key, answered_ms, utc_offset_minutes, day, grade, duration_ms, kind, \
        previous_repetitions, new_repetitions, previous_easiness, new_easiness, \
        previous_interval_days, new_interval_days, previous_due_day, new_due_day, \
        previous_lapses, new_lapses, previous_leech, new_leech
        """

    /// Inserts the row for `cardKey`; sets ``id``. The statement is prepared once per connection.
    mutating func insert(_ db: Database, cardKey: Int64) throws {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO review_log (\(Self.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        let (high, low) = uuid.storedHalves
        try statement.execute(arguments: [
            high, low, cardKey, answeredAt.unixMilliseconds, answeredAt.utcOffsetMinutes, studyDay, grade, durationMs,
            kind.storedCode, previousRepetitions, newRepetitions, previousEasiness, newEasiness,
            previousIntervalDays, newIntervalDays, previousDueDay, newDueDay, previousLapses, newLapses,
            previousLeech, newLeech,
        ])
        id = db.lastInsertedRowID
    }

    /// `SELECT` of whole rows with the card's id, for ``init(row:)``.
    static func selectSQL(where condition: String, orderBy: String = "l.id") -> String {
        """
        SELECT l.id, card.id AS card_id, \(columns.split(separator: ",").map { "l." + $0.trimmingCharacters(in: .whitespacesAndNewlines) }.joined(separator: ", "))
        FROM review_log AS l JOIN card ON card.key = l.card_key
        WHERE \(condition) ORDER BY \(orderBy)
        """
    }

    /// Reads a row of ``selectSQL(where:orderBy:)``; nil if a value is not one this Recall writes.
    /// Columns: id, card id, then ``columns`` in order.
    init?(row: Row) {
        // `try?` throughout: a value of the wrong type (text where a number belongs) gives nil, never a trap.
        func value<T: DatabaseValueConvertible>(_ index: Int) -> T? { try? row.decode(T.self, atIndex: index) }
        func studyDay(_ index: Int) -> StudyDay? { StudyDay.fromDatabaseValue(row[index] as DatabaseValue) }
        guard let day = studyDay(7), let grade = Grade.fromDatabaseValue(row[8] as DatabaseValue),
            let kindCode: Int = value(10), let kind = ReviewQueue.EntryKind(storedCode: kindCode),
            let id: Int64 = value(0), let cardID: String = value(1), let high: Int64 = value(2), let low: Int64 = value(3),
            let milliseconds: Int64 = value(5), let offset: Int = value(6), let duration: Int = value(9),
            let previousRepetitions: Int = value(11), let newRepetitions: Int = value(12),
            let previousEasiness: Double = value(13), let newEasiness: Double = value(14),
            let previousInterval: Int = value(15), let newInterval: Int = value(16),
            let previousLapses: Int = value(19), let newLapses: Int = value(20),
            let previousLeech: Bool = value(21), let newLeech: Bool = value(22)
        else { return nil }
        self.init(
            id: id, uuid: AnswerID(storedHigh: high, storedLow: low), cardID: cardID,
            answeredAt: AnswerTime(unixMilliseconds: milliseconds, utcOffsetMinutes: offset),
            studyDay: day, grade: grade, durationMs: duration, kind: kind,
            previousRepetitions: previousRepetitions, newRepetitions: newRepetitions,
            previousEasiness: previousEasiness, newEasiness: newEasiness,
            previousIntervalDays: previousInterval, newIntervalDays: newInterval,
            previousDueDay: studyDay(17), newDueDay: studyDay(18),
            previousLapses: previousLapses, newLapses: newLapses, previousLeech: previousLeech, newLeech: newLeech)
    }
}

extension ReviewQueue.EntryKind {
    /// The kind as `review_log.kind` stores it.
    var storedCode: Int {
        switch self {
        case .new: 0
        case .review: 1
        case .redrill: 2
        }
    }

    init?(storedCode: Int?) {
        switch storedCode {
        case 0: self = .new
        case 1: self = .review
        case 2: self = .redrill
        default: return nil
        }
    }
}

extension CardKind: DatabaseValueConvertible {}
extension ReviewQueue.EntryKind: DatabaseValueConvertible {}

/// A day is stored as its day number (days since 1970-01-01).
extension StudyDay: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { daysSinceEpoch.databaseValue }
    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> StudyDay? {
        // Not a switch over `dbValue.storage`: Swift 6.3.1's optimizer crashes on that once inlined.
        // Within ±100 million days: day arithmetic on a damaged value cannot overflow.
        if let days = Int64.fromDatabaseValue(dbValue) { return StudyDay(daysSinceEpoch: Int(max(min(days, 100_000_000), -100_000_000))) }
        // A `YYYY-MM-DD` text (the layout before integer days, or a hand edit) is read too.
        if let text = String.fromDatabaseValue(dbValue) { return StudyDay(text) }
        return nil
    }
}

extension Grade: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { value.databaseValue }
    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Grade? {
        Int.fromDatabaseValue(dbValue).flatMap { Grade($0) }
    }
}

/// A 64-bit FNV-1a fingerprint of what a deck file gave a card, so that a
/// re-read deck rewrites only the cards that changed.
enum CardFingerprint {
    /// The card's position is not part of it: a card that only moved keeps its
    /// fingerprint and gets its new position and line without a rewrite.
    static func of(_ content: String, _ tags: String, _ noteID: String, _ kind: String) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ text: String) {
            for byte in text.utf8 {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01b3
            }
            hash ^= 0xFF  // a byte no UTF-8 text has: fields cannot run into each other
            hash &*= 0x0000_0100_0000_01b3
        }
        mix(content)
        mix(tags)
        mix(noteID)
        mix(kind)
        return Int64(bitPattern: hash)
    }
}
