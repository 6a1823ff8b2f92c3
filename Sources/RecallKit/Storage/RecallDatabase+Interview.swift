import Foundation
import GRDB

/// A row of `interview`: one mock interview.
public struct InterviewRecord: Codable, Hashable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "interview"
    public var id: Int64?
    public var startedAt: String
    public var studyDay: StudyDay
    public var seed: Int64
    public var questionCount: Int
    public var timeLimitSeconds: Int?
    public var rescheduled: Bool
    /// The deck, section and tag filters, as typed.
    public var filter: String

    enum CodingKeys: String, CodingKey {
        case id
        case startedAt = "started_at"
        case studyDay = "study_day"
        case seed
        case questionCount = "question_count"
        case timeLimitSeconds = "time_limit_seconds"
        case rescheduled, filter
    }

    public init(
        id: Int64? = nil, startedAt: String, studyDay: StudyDay, seed: Int64, questionCount: Int,
        timeLimitSeconds: Int?, rescheduled: Bool, filter: String
    ) {
        self.id = id
        self.startedAt = startedAt
        self.studyDay = studyDay
        self.seed = seed
        self.questionCount = questionCount
        self.timeLimitSeconds = timeLimitSeconds
        self.rescheduled = rescheduled
        self.filter = filter
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A row of `interview_attempt`: one answer in an interview, kept apart from
/// the review log so that an interview leaves the SM-2 schedule alone.
public struct InterviewAttemptRecord: Codable, Hashable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "interview_attempt"
    public var id: Int64?
    public var interviewID: Int64
    public var position: Int
    public var cardID: String
    public var answer: String
    public var outcome: AnswerGrader.Outcome
    public var credit: Double
    public var late: Bool
    public var durationMs: Int
    public var answeredAt: String
    public var reviewLogID: Int64?
    /// The user overruled the automatic verdict; `outcome` is the user's.
    public var overruled: Bool

    enum CodingKeys: String, CodingKey {
        case id
        case interviewID = "interview_id"
        case position
        case cardID = "card_id"
        case answer, outcome, credit, late
        case durationMs = "duration_ms"
        case answeredAt = "answered_at"
        case reviewLogID = "review_log_id"
        case overruled
    }

    public init(
        id: Int64? = nil, interviewID: Int64, position: Int, cardID: String, answer: String,
        outcome: AnswerGrader.Outcome, credit: Double, late: Bool, durationMs: Int, answeredAt: String,
        reviewLogID: Int64? = nil, overruled: Bool = false
    ) {
        self.id = id
        self.interviewID = interviewID
        self.position = position
        self.cardID = cardID
        self.answer = answer
        self.outcome = outcome
        self.credit = credit
        self.late = late
        self.durationMs = durationMs
        self.answeredAt = answeredAt
        self.reviewLogID = reviewLogID
        self.overruled = overruled
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension AnswerGrader.Outcome: DatabaseValueConvertible {}

extension RecallDatabase {
    /// Every card that can be asked (not retired, not suspended), with what the interview draw weighs.
    public func interviewCandidates(today: StudyDay) throws -> [InterviewDraw.Candidate] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT card.id, card.deck_id, card.note_id, card.kind, card.tags, card.easiness, card.lapses, card.due_day, card.leech,
                           deck.section, deck.section_zh, json_extract(card.content, '$.related') AS related,
                           (SELECT COUNT(*) FROM review_log
                            WHERE review_log.card_key = card.key AND review_log.kind IN (0, 1, 2)
                              AND review_log.day >= ? AND review_log.grade < 3) AS failures
                    FROM card JOIN deck ON deck.id = card.deck_id
                    WHERE card.retired = 0 AND card.suspended = 0
                    """, arguments: [today.adding(days: -InterviewDraw.recentFailureWindowDays)]
            ).compactMap { row in
                guard let kind = CardKind(rawValue: try row.decode(forColumn: "kind")) else { return nil }
                let deckID: String = try row.decode(forColumn: "deck_id")
                let noteID: String = try row.decode(forColumn: "note_id")
                let tags = (try row.decode(String.self, forColumn: "tags")).split(separator: " ").map(String.init)
                let leech: Bool = try row.decode(forColumn: "leech")
                let subject = CardFilter.Subject(
                    cardID: try row.decode(forColumn: "id"), deckID: deckID, section: try row.decode(forColumn: "section"),
                    sectionZh: try row.decode(forColumn: "section_zh"),
                    tags: leech ? tags + ["leech"] : tags, dueDay: try row.decode(forColumn: "due_day"), easiness: try row.decode(forColumn: "easiness"),
                    lapses: try row.decode(forColumn: "lapses"), isLeech: leech)
                return InterviewDraw.Candidate(
                    cardID: try row.decode(forColumn: "id"), noteKey: "\(deckID)/\(noteID)", related: Self.relatedNotes(try row.decode(forColumn: "related")),
                    deckID: deckID, section: try row.decode(forColumn: "section"), kind: kind,
                    tags: tags, easiness: try row.decode(forColumn: "easiness"), lapses: try row.decode(forColumn: "lapses"),
                    dueDay: try row.decode(forColumn: "due_day"),
                    recentFailures: try row.decode(forColumn: "failures"), subject: subject)
            }
        }
    }

    public func startInterview(_ interview: InterviewRecord) throws -> InterviewRecord {
        try writer.write { db in
            var record = interview
            try record.insert(db)
            return record
        }
    }

    /// Records one interview answer; with `review`, also records it as an SM-2
    /// answer by the same code as `recall review`, in the same transaction.
    @discardableResult
    public func recordInterviewAttempt(_ attempt: InterviewAttemptRecord, review: (grade: Grade, moment: Moment, today: StudyDay)? = nil) throws
        -> InterviewAttemptRecord
    {
        try writer.write { db in
            var record = attempt
            if let review {
                let answer = try Self.recordAnswer(
                    db, cardID: attempt.cardID, grade: review.grade, at: review.moment,
                    today: review.today, durationMs: attempt.durationMs)
                record.reviewLogID = answer.log.id
            }
            try record.insert(db)
            return record
        }
    }

    /// Overrules an attempt's automatic verdict: its outcome and credit become
    /// the user's, and under `--reschedule` its review is replaced by one with
    /// the grade the new outcome earns (the old one undone first), in one transaction.
    public func overruleInterviewAttempt(
        id: Int64, outcome: AnswerGrader.Outcome, credit: Double,
        review: (grade: Grade, moment: Moment, today: StudyDay)? = nil
    ) throws {
        try writer.write { db in
            guard var record = try InterviewAttemptRecord.fetchOne(db, key: id) else { return }
            record.outcome = outcome
            record.credit = credit
            record.overruled = true
            if let review, let logID = record.reviewLogID {
                try Self.undoAnswer(db, logID: logID)
                let answer = try Self.recordAnswer(
                    db, cardID: record.cardID, grade: review.grade, at: review.moment,
                    today: review.today, durationMs: record.durationMs)
                record.reviewLogID = answer.log.id
            }
            try record.update(db)
        }
    }

    public func interviews() throws -> [InterviewRecord] {
        try writer.read { db in try InterviewRecord.order(Column("id")).fetchAll(db) }
    }

    public func interviewAttempts(interviewID: Int64? = nil) throws -> [InterviewAttemptRecord] {
        try writer.read { db in
            var request = InterviewAttemptRecord.order(Column("interview_id"), Column("position"))
            if let interviewID { request = request.filter(Column("interview_id") == interviewID) }
            return try request.fetchAll(db)
        }
    }

    /// Card id → (deck, section), for reports over past attempts.
    public func cardSections() throws -> [String: (deckID: String, section: String)] {
        try writer.read { db in
            var result: [String: (String, String)] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT card.id, card.deck_id, deck.section FROM card JOIN deck ON deck.id = card.deck_id") {
                result[try row.decode(forColumn: "id")] = (try row.decode(forColumn: "deck_id"), try row.decode(forColumn: "section"))
            }
            return result
        }
    }
}
