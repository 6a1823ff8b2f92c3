import Foundation
import GRDB

extension RecallDatabase {
    /// The setting row that holds the weights `recall optimize` fitted.
    static let fsrsParametersKey = "fsrs-parameters"

    /// Every scheduled answer and re-drill of the log as FSRS reads it, one
    /// history a card (re-drills are answers like any other for FSRS).
    /// Rows whose values this Recall does not write are counted in `unreadable`.
    public func fsrsHistories(timeZone: TimeZone, dayStartHour: Int) throws -> (histories: [[FSRSHistoryAnswer]], unreadable: Int) {
        let rows = try writer.read { db in try Row.fetchAll(db, sql: ReviewLogRecord.selectSQL(where: "1")) }
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
        return (order.compactMap { byCard[$0] }, unreadable)
    }

    /// The weights `recall optimize` kept, or `nil` (the defaults apply).
    /// A stored value that no longer reads as 21 weights in bounds is an error.
    public func fsrsParameters() throws -> FSRSParameters? {
        let text = try writer.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [Self.fsrsParametersKey])
        }
        guard let text else { return nil }
        do {
            return try JSONDecoder().decode(FSRSParameters.self, from: Data(text.utf8))
        } catch {
            throw StoredParametersError(text: text)
        }
    }

    public struct StoredParametersError: Error, CustomStringConvertible {
        public var text: String
        public var description: String {
            "the stored FSRS parameters are unreadable (\(text.prefix(60))…); run 'recall optimize' again or 'recall optimize --reset'"
        }
    }

    /// Keeps `parameters` as the user's weights; `nil` goes back to the defaults.
    public func setFSRSParameters(_ parameters: FSRSParameters?) throws {
        try writer.write { db in
            if let parameters {
                let text = String(decoding: try JSONEncoder().encode(parameters), as: UTF8.self)
                try db.execute(
                    sql: "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    arguments: [Self.fsrsParametersKey, text])
            } else {
                try db.execute(sql: "DELETE FROM setting WHERE key = ?", arguments: [Self.fsrsParametersKey])
            }
        }
    }
}
