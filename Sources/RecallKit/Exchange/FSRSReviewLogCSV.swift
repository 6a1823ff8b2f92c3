import Foundation

/// Reads a review log in the FSRS optimizer's CSV layout: a header naming
/// `card_id`, `review_time`, `review_rating`, `review_duration` and optionally
/// `review_state`, in any order, then one answer a line.
///
/// `review_time` is ISO 8601 with a zone (`2024-03-29T20:32:32.250000+00:00`)
/// or milliseconds since 1970; `review_rating` is 1 again … 4 easy, and 0 (a
/// manual reschedule, not an answer) is skipped, as the FSRS optimizer does.
/// Each answer's study day is taken in `timeZone` with days starting at
/// `dayStartHour`.
public enum FSRSReviewLogCSV {
    public static let requiredColumns = ["card_id", "review_time", "review_rating", "review_duration"]

    public static func histories(
        _ text: String, file: String, timeZone: TimeZone, dayStartHour: Int
    ) throws(ExchangeError) -> [[FSRSHistoryAnswer]] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            line.last == "\r" ? line.dropLast() : line
        }
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = first.dropFirst() }
        guard let header = lines.first, !header.isEmpty else {
            throw .malformed(file: file, line: 1, reason: "no header; expected \(requiredColumns.joined(separator: ","))")
        }
        let names = header.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        var column: [String: Int] = [:]
        for (index, name) in names.enumerated() { column[name] = index }
        for name in requiredColumns where column[name] == nil {
            throw .malformed(file: file, line: 1, reason: "the header has no '\(name)' column; expected \(requiredColumns.joined(separator: ","))")
        }
        let (cardColumn, timeColumn, ratingColumn) = (column["card_id"] ?? 0, column["review_time"] ?? 0, column["review_rating"] ?? 0)

        let iso = ISO8601DateFormatter()
        iso.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let isoWhole = ISO8601DateFormatter()
        isoWhole.formatOptions = [.withInternetDateTime]

        var byCard: [String: [FSRSHistoryAnswer]] = [:]
        var order: [String] = []
        for (offset, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            let number = offset + 1
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count == names.count else {
                throw .malformed(file: file, line: number, reason: "\(fields.count) fields where the header has \(names.count)")
            }
            let card = fields[cardColumn]
            guard !card.isEmpty else { throw .malformed(file: file, line: number, reason: "empty card_id") }
            guard let rating = Int(fields[ratingColumn]), (0...4).contains(rating) else {
                throw .malformed(file: file, line: number, reason: "review_rating '\(fields[ratingColumn])' is not 0–4")
            }
            let timeText = fields[timeColumn]
            let instant: Date
            if let milliseconds = Int64(timeText), milliseconds >= 0, milliseconds < 32_503_680_000_000 {
                instant = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
            } else if let date = iso.date(from: Self.microsecondsToMilliseconds(timeText)) ?? isoWhole.date(from: timeText) {
                instant = date
            } else {
                throw .malformed(file: file, line: number, reason: "review_time '\(timeText)' is neither ISO 8601 with a zone nor milliseconds since 1970")
            }
            guard rating > 0, let fsrsRating = FSRSRating(rawValue: rating), let quality = Grade(rating + 1) else { continue }
            let day = StudyDay(containing: instant, timeZone: timeZone, startHour: dayStartHour)
            if byCard[card] == nil { order.append(card) }
            byCard[card, default: []].append(FSRSHistoryAnswer(rating: fsrsRating, quality: quality, day: day, instant: instant))
        }
        return order.compactMap { byCard[$0] }
    }

    /// Foundation reads at most three fractional digits: `.250000` → `.250`.
    static func microsecondsToMilliseconds(_ text: String) -> String {
        guard let dot = text.firstIndex(of: ".") else { return text }
        let digits = text[text.index(after: dot)...].prefix { $0.isNumber }
        guard digits.count > 3 else { return text }
        return String(text[...dot]) + digits.prefix(3) + text[digits.endIndex...]
    }
}
