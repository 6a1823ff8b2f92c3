import Foundation
import GRDB

extension RecallDatabase {
    /// The setting row that holds the weights `recall optimize` fitted.
    static let fsrsParametersKey = "fsrs-parameters"

    /// Every scheduled answer and re-drill of the log as FSRS reads it, one
    /// history a card (re-drills are answers like any other for FSRS).
    /// Rows whose values this Recall does not write are counted in `unreadable`.
    public func fsrsHistories(timeZone: TimeZone, dayStartHour: Int) throws -> (histories: [(cardID: String, answers: [FSRSHistoryAnswer])], unreadable: Int) {
        try fsrsHistories(where: "1", arguments: [], timeZone: timeZone, dayStartHour: dayStartHour)
    }

    /// The histories of the log rows `condition` (on `l`, the log, and `card`) selects.
    func fsrsHistories(where condition: String, arguments: StatementArguments, orderBy: String = "l.id", timeZone: TimeZone, dayStartHour: Int) throws
        -> (histories: [(cardID: String, answers: [FSRSHistoryAnswer])], unreadable: Int)
    {
        let rows = try writer.read { db in
            try Row.fetchAll(db, sql: ReviewLogRecord.selectSQL(where: condition, orderBy: orderBy), arguments: arguments)
        }
        var byCard: [String: [FSRSHistoryAnswer]] = [:]
        var order: [String] = []
        var unreadable = 0
        for row in rows {
            guard let log = ReviewLogRecord(row: row) else {
                unreadable += 1
                continue
            }
            let instant = log.answeredAt.instant
            if byCard[log.cardID] == nil { order.append(log.cardID) }
            let day = StudyDay(containing: instant, timeZone: timeZone, startHour: dayStartHour)
            byCard[log.cardID, default: []].append(FSRSHistoryAnswer(grade: log.grade, day: day, instant: instant))
        }
        return (order.compactMap { id in byCard[id].map { (id, $0) } }, unreadable)
    }

    /// An answered card whose next due day is after some day, with its answers.
    public struct LateCard: Sendable {
        public var subject: CardFilter.Subject
        public var answers: [FSRSHistoryAnswer]
    }

    /// The cards that can be asked (not retired, not suspended) whose next due day is
    /// after `day`, with their answers: what deadline mode looks at. A range of the
    /// card_due index, then those cards' rows of the log.
    public func answeredCards(dueAfter day: StudyDay, timeZone: TimeZone, dayStartHour: Int) throws -> [LateCard] {
        let statements = Self.lateCardStatements(dueAfter: day)
        let subjects = try writer.read { db in
            try Row.fetchAll(db, sql: statements.cards.sql, arguments: statements.cards.arguments).map { try Self.candidate($0).subject }
        }
        let histories = try fsrsHistories(
            where: statements.logCondition, arguments: statements.cards.arguments, orderBy: "l.card_key, l.id",
            timeZone: timeZone, dayStartHour: dayStartHour
        ).histories
        let answers = Dictionary(histories.map { ($0.cardID, $0.answers) }) { first, _ in first }
        return subjects.compactMap { subject in answers[subject.cardID].map { LateCard(subject: subject, answers: $0) } }
    }

    /// The statements behind ``answeredCards(dueAfter:timeZone:dayStartHour:)``, kept apart
    /// so that tests can read their query plans: the cards, and the condition on the log's rows.
    static func lateCardStatements(dueAfter day: StudyDay) -> (cards: (sql: String, arguments: StatementArguments), logCondition: String) {
        let cards = "SELECT \(subjectColumns) FROM card JOIN deck ON deck.id = card.deck_id WHERE card.due_day > ? AND card.retired = 0 AND card.suspended = 0"
        // The log's rows by card key (review_log_card), for the keys of the same index range.
        let log = "l.card_key IN (SELECT key FROM card WHERE due_day > ? AND retired = 0 AND suspended = 0)"
        return ((sql: cards, arguments: [day]), log)
    }

    /// New cards that can be asked, counted by what ``CardFilter`` looks at (deck,
    /// section, tags): a filter applied to a group's subject applies to each of its cards.
    /// The subject's card id is one of the group's; a card-id filter needs the cards themselves.
    public func newCardGroups() throws -> [(subject: CardFilter.Subject, count: Int)] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT MIN(card.id) AS id, card.deck_id, MIN(card.note_id) AS note_id, MIN(card.position) AS position,
                           NULL AS due_day, card.tags, card.easiness, card.lapses, card.leech, deck.section, deck.section_zh, COUNT(*) AS n
                    FROM card JOIN deck ON deck.id = card.deck_id
                    WHERE card.retired = 0 AND card.suspended = 0 AND card.due_day IS NULL
                    GROUP BY card.deck_id, card.tags, card.easiness, card.lapses, card.leech
                    """
            ).map { row in (try Self.candidate(row).subject, try row.decode(Int.self, forColumn: "n")) }
        }
    }

    /// The weights `recall optimize` kept, or `nil` (the defaults apply).
    /// A stored value that no longer reads as 21 weights in bounds is an error.
    public func fsrsParameters() throws -> FSRSParameters? {
        try writer.read { db in try Self.fsrsParameters(db) }
    }

    static func fsrsParameters(_ db: Database) throws -> FSRSParameters? {
        guard let text = try textSetting(db, fsrsParametersKey) else { return nil }
        do {
            return try JSONDecoder().decode(FSRSParameters.self, from: Data(text.utf8))
        } catch {
            throw StoredSettingError(key: fsrsParametersKey, text: text)
        }
    }

    /// A stored setting this Recall cannot read.
    public struct StoredSettingError: Error, CustomStringConvertible {
        public var key: String
        public var text: String
        public var description: String {
            key == RecallDatabase.fsrsParametersKey
                ? "the stored FSRS parameters are unreadable (\(text.prefix(60))…); run 'recall optimize' again or 'recall optimize --reset'"
                : "the stored setting \(key) = '\(text.prefix(60))' is unreadable; set it again with 'recall config set \(key) VALUE'"
        }
    }

    /// Keeps `parameters` as the user's weights; `nil` goes back to the defaults.
    /// With FSRS as the scheduler, every card is rescheduled with them.
    public func setFSRSParameters(_ parameters: FSRSParameters?) throws {
        try writer.write { db in
            if let parameters {
                let text = String(decoding: try JSONEncoder().encode(parameters), as: UTF8.self)
                try Self.setTextSetting(db, Self.fsrsParametersKey, text)
            } else {
                try Self.setTextSetting(db, Self.fsrsParametersKey, nil)
            }
            if try Self.schedulerKind(db) == .fsrs { try Self.rescheduleAll(db, as: .fsrs) }
        }
    }

    // MARK: - The scheduler

    static let schedulerKey = "scheduler"
    static let interviewDateKey = "interview-date"

    /// The day deadline mode prepares for, if set.
    public func interviewDate() throws -> StudyDay? {
        try writer.read { db in
            guard let text = try Self.textSetting(db, Self.interviewDateKey) else { return nil }
            guard let day = StudyDay(text) else { throw StoredSettingError(key: Self.interviewDateKey, text: text) }
            return day
        }
    }

    /// Turns deadline mode on for `day`, or off with `nil`.
    public func setInterviewDate(_ day: StudyDay?) throws {
        try writer.write { db in try Self.setTextSetting(db, Self.interviewDateKey, day?.description) }
    }
    static let desiredRetentionKey = "desired-retention"
    static let interviewScopeKey = "interview-scope"

    /// The cards deadline mode prepares (`nil`: every card).
    public func interviewScope() throws -> CardFilter? {
        try writer.read { db in
            guard let text = try Self.textSetting(db, Self.interviewScopeKey) else { return nil }
            guard let scope = CardFilter(scope: text) else { throw StoredSettingError(key: Self.interviewScopeKey, text: text) }
            return scope
        }
    }

    /// Narrows deadline mode to `scope`, or widens it to every card with `nil`.
    public func setInterviewScope(_ scope: CardFilter?) throws {
        try writer.write { db in try Self.setTextSetting(db, Self.interviewScopeKey, scope?.scopeText) }
    }

    static func textSetting(_ db: Database, _ key: String) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT value FROM setting WHERE key = ?"), arguments: [key])
    }

    static func setTextSetting(_ db: Database, _ key: String, _ value: String?) throws {
        if let value {
            try db.execute(
                sql: "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                arguments: [key, value])
        } else {
            try db.execute(sql: "DELETE FROM setting WHERE key = ?", arguments: [key])
        }
    }

    public func schedulerKind() throws -> SchedulerKind { try writer.read { db in try Self.schedulerKind(db) } }

    static func schedulerKind(_ db: Database) throws -> SchedulerKind {
        guard let text = try textSetting(db, schedulerKey) else { return .sm2 }
        guard let kind = SchedulerKind(rawValue: text) else { throw StoredSettingError(key: schedulerKey, text: text) }
        return kind
    }

    public func desiredRetention() throws -> Double { try writer.read { db in try Self.desiredRetention(db) } }

    static func desiredRetention(_ db: Database) throws -> Double {
        guard let text = try textSetting(db, desiredRetentionKey) else { return FSRSSettings.defaultDesiredRetention }
        guard let value = SchedulerKind.parseRetention(text) else { throw StoredSettingError(key: desiredRetentionKey, text: text) }
        return value
    }

    /// Sets the retention FSRS aims for; with FSRS as the scheduler, every card is rescheduled.
    public func setDesiredRetention(_ retention: Double) throws {
        try writer.write { db in
            try Self.setTextSetting(db, Self.desiredRetentionKey, String(retention))
            if try Self.schedulerKind(db) == .fsrs { try Self.rescheduleAll(db, as: .fsrs) }
        }
    }

    /// Switches the scheduler and replays the whole review log to give every
    /// card the due day the new one gives it. The log is not touched. SM-2's
    /// repetitions, easiness, interval, lapses and leech mark are kept up to
    /// date under either scheduler, so switching back to SM-2 restores each
    /// card's due day from its last scheduled answer: exactly what SM-2 had.
    /// Returns the number of cards rescheduled.
    @discardableResult
    public func setScheduler(_ kind: SchedulerKind) throws -> Int {
        try writer.write { db in
            try Self.setTextSetting(db, Self.schedulerKey, kind.rawValue)
            return try Self.rescheduleAll(db, as: kind)
        }
    }

    /// Under FSRS, each grade's next interval in whole days for the card at
    /// `moment` (0: later the same day, a learning step); `nil` under SM-2.
    public func fsrsPreview(cardID: String, at moment: Moment) throws -> [(grade: Grade, intervalDays: Int)]? {
        try writer.read { db in
            guard try Self.schedulerKind(db) == .fsrs, let card = try Self.cardRecord(db, id: cardID) else { return nil }
            let algorithm = try Self.fsrsAlgorithm(db)
            let answers = (try Self.loggedAnswers(db, cardKey: card.key)[card.key] ?? [])
                .map { ($0.grade, Moment(instant: $0.instant, timeZone: moment.timeZone)) }
            let state = algorithm.replay(answers, cardID: cardID)
            let fuzz = FSRSFuzz.fraction(cardID: cardID, answer: state.answers)
            return Grade.all.map { grade in
                let outcome = algorithm.scheduler.answer(state, rating: FSRSRating(grade), at: moment.instant, fuzzFraction: fuzz)
                return (grade, Int((outcome.intervalSeconds / FSRSScheduler.secondsPerDay).rounded(.down)))
            }
        }
    }

    struct LoggedAnswer {
        var grade: Grade
        var instant: Date
        var studyDay: StudyDay
        var kind: ReviewQueue.EntryKind
        var newIntervalDays: Int
    }

    static func loggedAnswers(_ db: Database, cardKey: Int64? = nil) throws -> [Int64: [LoggedAnswer]] {
        let condition = cardKey.map { "card.key = \($0)" } ?? "1"
        var out: [Int64: [LoggedAnswer]] = [:]
        for row in try Row.fetchAll(db, sql: ReviewLogRecord.selectSQL(where: condition)) {
            guard let log = ReviewLogRecord(row: row) else { continue }
            let key: Int64 = row[4]
            out[key, default: []].append(
                LoggedAnswer(
                    grade: log.grade, instant: log.answeredAt.instant, studyDay: log.studyDay, kind: log.kind, newIntervalDays: log.newIntervalDays))
        }
        return out
    }

    static func fsrsAlgorithm(_ db: Database) throws -> FSRSAlgorithm {
        FSRSAlgorithm(settings: FSRSSettings(parameters: try fsrsParameters(db) ?? .defaults, desiredRetention: try desiredRetention(db)))
    }

    /// The due day FSRS gives a card after `answers` (all of them, re-drills
    /// included), the last answered on `lastDay`: the same day while it is in
    /// its learning steps, else that day plus the whole days of the interval.
    static func fsrsDueDay(_ answers: [(grade: Grade, instant: Date)], cardID: String, lastDay: StudyDay, algorithm: FSRSAlgorithm) -> StudyDay? {
        guard let last = answers.last else { return nil }
        let before = algorithm.replay(answers.dropLast().map { ($0.grade, Moment(instant: $0.instant, timeZone: .gmt)) }, cardID: cardID)
        let outcome = algorithm.scheduler.answer(
            before, rating: FSRSRating(last.grade), at: last.instant, fuzzFraction: FSRSFuzz.fraction(cardID: cardID, answer: before.answers))
        return lastDay.adding(days: Int((outcome.intervalSeconds / FSRSScheduler.secondsPerDay).rounded(.down)))
    }

    /// SM-2's due day from a card's log: its last scheduled answer's day plus the interval it gave.
    static func sm2DueDay(_ answers: [LoggedAnswer]) -> StudyDay? {
        guard let last = answers.last(where: { $0.kind != .redrill }) else { return nil }
        return last.studyDay.adding(days: last.newIntervalDays)
    }

    static func rescheduleAll(_ db: Database, as kind: SchedulerKind) throws -> Int {
        let byCard = try loggedAnswers(db)
        let algorithm = try fsrsAlgorithm(db)
        var count = 0
        for row in try Row.fetchAll(db, sql: "SELECT key, id FROM card") {
            let key: Int64 = row[0]
            let id: String = row[1]
            guard let answers = byCard[key], let last = answers.last else { continue }
            let due =
                switch kind {
                case .sm2: sm2DueDay(answers)
                case .fsrs: fsrsDueDay(answers.map { ($0.grade, $0.instant) }, cardID: id, lastDay: last.studyDay, algorithm: algorithm)
                }
            try db.cachedStatement(sql: "UPDATE card SET due_day = ? WHERE key = ?").execute(arguments: [due, key])
            count += 1
        }
        return count
    }
}

/// Which scheduler sets the due days: SM-2 (the default) or FSRS-6.
/// The settings stored as text rather than numbers (the scheduler, its FSRS
/// weights and target, deadline mode): their keys, and the rule a value must
/// pass, the same that `recall config set` and `recall optimize` keep. A backup
/// carries them (`"scheduling"`) and is checked against this on restore.
public enum SchedulingSettings {
    public static let keys = [
        RecallDatabase.schedulerKey, RecallDatabase.desiredRetentionKey, RecallDatabase.fsrsParametersKey,
        RecallDatabase.interviewDateKey, RecallDatabase.interviewScopeKey,
    ]

    /// Why `value` is not a valid stored value for `key`, or nil when it is.
    public static func problem(key: String, value: String) -> String? {
        switch key {
        case RecallDatabase.schedulerKey:
            return SchedulerKind(rawValue: value) == nil ? "is not a scheduler (sm2 or fsrs)" : nil
        case RecallDatabase.desiredRetentionKey:
            return SchedulerKind.parseRetention(value) == nil ? "is not a desired retention from 0.7 to 0.99" : nil
        case RecallDatabase.fsrsParametersKey:
            return (try? JSONDecoder().decode(FSRSParameters.self, from: Data(value.utf8))) == nil
                ? "is not 21 FSRS-6 weights within their bounds" : nil
        case RecallDatabase.interviewDateKey:
            return StudyDay(value) == nil ? "is not a date such as 2026-12-13" : nil
        case RecallDatabase.interviewScopeKey:
            return CardFilter(scope: value) == nil ? "is not a scope such as 'deck=ID, section=NAME, tag=TAG'" : nil
        default:
            return nil
        }
    }

    /// The stored values of ``keys`` that are set.
    static func read(_ db: Database) throws -> [String: String] {
        var values: [String: String] = [:]
        for key in keys {
            if let value = try RecallDatabase.textSetting(db, key) { values[key] = value }
        }
        return values
    }
}

public enum SchedulerKind: String, Hashable, Sendable, CaseIterable {
    case sm2, fsrs

    /// A desired retention as typed: 0.7 to 0.99.
    public static func parseRetention(_ text: String) -> Double? {
        guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value >= 0.7, value <= 0.99 else { return nil }
        return value
    }
}
