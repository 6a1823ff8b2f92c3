import ArgumentParser
import Foundation
import RecallKit

/// Where `optimize` and `evaluate` read the answers from: the user's own
/// review log, or a CSV in the FSRS optimizer's layout.
struct ReviewLogOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "A review log in the FSRS optimizer's CSV layout (card_id, review_time, review_rating, review_duration[, review_state]) instead of your own.",
            valueName: "file"))
    var csv: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "With --csv: the time zone whose study days the log is cut into (default UTC).", valueName: "zone"))
    var timeZone: String = "UTC"

    @Option(
        name: .long,
        help: ArgumentHelp(
            "With --csv: the hour a study day starts (0-23, default 4, as Anki and the FSRS optimizer).", valueName: "hour"))
    var dayStartsAt: Int = StudyDay.defaultStartHour

    func validate() throws {
        if !(0...23).contains(dayStartsAt) { throw ValidationError("--day-starts-at must be 0 to 23, not \(dayStartsAt)") }
        if TimeZone(identifier: timeZone) == nil { throw ValidationError("--time-zone '\(timeZone)' is not a time zone (e.g. UTC, Europe/Berlin)") }
    }

    /// The answers, grouped by card, and a line saying where they came from and how days were cut.
    func load(_ global: GlobalOptions, _ context: RecallContext, for access: Library.Access) throws -> (dataset: FSRSDataset, source: String, library: Library?)
    {
        if let csv {
            guard let zone = TimeZone(identifier: timeZone) else { throw CLIError("--time-zone '\(timeZone)' is not a time zone") }
            guard let data = FileManager.default.contents(atPath: csv) else { throw CLIError("cannot read \(csv)") }
            guard let text = String(data: data, encoding: .utf8) else { throw CLIError("\(csv): not UTF-8 text") }
            do {
                let histories = try FSRSReviewLogCSV.histories(text, file: csv, timeZone: zone, dayStartHour: dayStartsAt)
                let dataset = FSRSDataset(histories: histories)
                let source = "\(csv): \(dataset.answerCount) answers of \(dataset.cards.count) cards; days start at \(dayStartsAt):00 \(timeZone)"
                return (dataset, source, nil)
            } catch {
                throw CLIError(error.description)
            }
        }
        let library = try Library.open(global, context, for: access, reportDecks: false)
        let zone = library.moment.timeZone
        let (histories, unreadable) = try library.database.fsrsHistories(timeZone: zone, dayStartHour: library.settings.dayStartHour)
        if unreadable > 0 {
            context.console.writeError("warning: \(unreadable) review-log rows have an unreadable time and were left out\n")
        }
        let dataset = FSRSDataset(histories: histories.map(\.answers))
        let source =
            "your review log: \(dataset.answerCount) answers of \(dataset.cards.count) cards; days start at \(library.settings.dayStartHour):00 \(zone.identifier)"
        return (dataset, source, library)
    }
}

extension FSRSParameters {
    /// `w0 … w20` in rows of seven, four decimals.
    var table: String {
        stride(from: 0, to: weights.count, by: 7).map { start in
            (start..<min(start + 7, weights.count)).map { String(format: "w%-2d %8.4f", $0, weights[$0]) }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
