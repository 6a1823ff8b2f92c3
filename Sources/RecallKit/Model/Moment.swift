import Foundation

/// An instant together with the time zone it is seen in: what "now" means to
/// every command. The shell makes one (from the clock or `RECALL_NOW`); the
/// engine only receives it.
public struct Moment: Hashable, Sendable {
    public var instant: Date
    public var timeZone: TimeZone

    public init(instant: Date, timeZone: TimeZone) {
        self.instant = instant
        self.timeZone = timeZone
    }

    public func studyDay(startHour: Int) -> StudyDay {
        StudyDay(containing: instant, timeZone: timeZone, startHour: startHour)
    }

    /// ISO 8601 with the zone's offset, to the second: `2026-11-29T21:05:00+08:00`.
    public var iso8601: String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = timeZone
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: instant)
    }

    /// Parses what `RECALL_NOW` accepts: an ISO 8601 date-time with `Z` or an
    /// offset (`2026-11-29T09:00:00Z`, `…+08:00`), a local date-time without
    /// one (`2026-11-29T09:00:00`, `2026-11-29 09:00`), or a date alone (noon, local).
    public static func parse(_ text: String, timeZone: TimeZone) -> Moment? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let withZone = ISO8601DateFormatter()
        for options: ISO8601DateFormatter.Options in [[.withInternetDateTime], [.withInternetDateTime, .withFractionalSeconds]] {
            withZone.formatOptions = options
            if let date = withZone.date(from: trimmed) { return Moment(instant: date, timeZone: timeZone) }
        }
        let local = DateFormatter()
        local.locale = Locale(identifier: "en_US_POSIX")
        local.timeZone = timeZone
        for format in ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm"] {
            local.dateFormat = format
            if let date = local.date(from: trimmed) { return Moment(instant: date, timeZone: timeZone) }
        }
        if let day = StudyDay(trimmed) {
            local.dateFormat = "yyyy-MM-dd HH:mm"
            if let date = local.date(from: "\(day) 12:00") { return Moment(instant: date, timeZone: timeZone) }
        }
        return nil
    }
}
