import Foundation

/// A calendar day of study, counted in whole days since 1970-01-01.
///
/// A study day starts at a configurable hour (4:00 by default, as in Anki),
/// so a review at 1:30 at night counts for the evening before. The day is
/// computed from an instant, a time zone and that hour, all passed in: this
/// type reads no clock.
public struct StudyDay: Hashable, Comparable, Sendable, Codable, CustomStringConvertible, Strideable {
    public let daysSinceEpoch: Int

    public init(daysSinceEpoch: Int) { self.daysSinceEpoch = daysSinceEpoch }

    public static let defaultStartHour = 4

    /// The study day that contains `instant` in `timeZone`, for days that start at `startHour`.
    public init(containing instant: Date, timeZone: TimeZone, startHour: Int = StudyDay.defaultStartHour) {
        let seconds = instant.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: instant)) - Double(startHour * 3600)
        self.daysSinceEpoch = Int((seconds / 86_400).rounded(.down))
    }

    /// Parses `YYYY-MM-DD`. Years of up to six digits are read too, so that a
    /// due day written before intervals were capped (year 24777) can still be
    /// read back; ``ScheduleBounds`` brings it within range.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, (4...6).contains(parts[0].count), parts[0].allSatisfy(\.isASCIIDigit), parts[1].count == 2, parts[2].count == 2,
            parts[1].allSatisfy(\.isASCIIDigit), parts[2].allSatisfy(\.isASCIIDigit),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), (1...Self.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.daysSinceEpoch = Self.days(year: year, month: month, day: day)
    }

    public func adding(days: Int) -> StudyDay { StudyDay(daysSinceEpoch: daysSinceEpoch + days) }
    public func distance(to other: StudyDay) -> Int { other.daysSinceEpoch - daysSinceEpoch }
    public func advanced(by n: Int) -> StudyDay { adding(days: n) }
    public static func < (lhs: StudyDay, rhs: StudyDay) -> Bool { lhs.daysSinceEpoch < rhs.daysSinceEpoch }

    /// `YYYY-MM-DD`.
    public var description: String {
        let (year, month, day) = civil
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// 0 = Monday … 6 = Sunday. 1970-01-01 was a Thursday.
    public var weekday: Int { ((daysSinceEpoch % 7) + 7 + 3) % 7 }

    public var civil: (year: Int, month: Int, day: Int) {
        // Howard Hinnant's days-to-civil, proleptic Gregorian.
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = StudyDay(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not YYYY-MM-DD"))
        }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
