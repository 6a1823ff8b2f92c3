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

    enum CodingKeys: String, CodingKey {
        case id, title, titleZh = "title_zh", section, sectionZh = "section_zh", description, path
        case contentHash = "content_hash", retired
    }
}

/// A row of `card`: the card's content as its deck file last gave it, and its schedule.
public struct CardRecord: Codable, Hashable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "card"
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
        case id, deckID = "deck_id", noteID = "note_id", kind, content, tags, line, position, retired
        case repetitions, easiness, intervalDays = "interval_days", dueDay = "due_day", lapses, leech, suspended
        case buriedUntil = "buried_until"
    }

    public var schedule: CardSchedule {
        get {
            CardSchedule(sm2: SM2State(repetitions: repetitions, easiness: easiness, intervalDays: intervalDays),
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
    /// The card's `Grade:` field; absent in rows written before it existed.
    var grading: GradeSpec?
}

/// A row of `review_log`: one answer, with the state before and after it so
/// that it can be undone and audited.
public struct ReviewLogRecord: Codable, Hashable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "review_log"
    public var id: Int64?
    public var cardID: String
    /// The instant of the answer, ISO 8601 with the local offset.
    public var reviewedAt: String
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

    enum CodingKeys: String, CodingKey {
        case id, cardID = "card_id", reviewedAt = "reviewed_at", studyDay = "study_day", grade
        case durationMs = "duration_ms", kind
        case previousRepetitions = "previous_repetitions", newRepetitions = "new_repetitions"
        case previousEasiness = "previous_easiness", newEasiness = "new_easiness"
        case previousIntervalDays = "previous_interval_days", newIntervalDays = "new_interval_days"
        case previousDueDay = "previous_due_day", newDueDay = "new_due_day"
        case previousLapses = "previous_lapses", newLapses = "new_lapses"
        case previousLeech = "previous_leech", newLeech = "new_leech"
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    var previousSchedule: CardSchedule {
        CardSchedule(sm2: SM2State(repetitions: previousRepetitions, easiness: previousEasiness, intervalDays: previousIntervalDays),
                     dueDay: previousDueDay, lapses: previousLapses, isLeech: previousLeech)
    }
}

extension CardKind: DatabaseValueConvertible {}
extension ReviewQueue.EntryKind: DatabaseValueConvertible {}

extension StudyDay: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { description.databaseValue }
    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> StudyDay? {
        String.fromDatabaseValue(dbValue).flatMap { StudyDay($0) }
    }
}

extension Grade: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { value.databaseValue }
    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Grade? {
        Int.fromDatabaseValue(dbValue).flatMap { Grade($0) }
    }
}
