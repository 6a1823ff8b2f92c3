import BundledDecks
import Foundation
import RecallKit

/// Everything a command needs from the outside world, passed in so that tests
/// can run any command in-process with a scripted console, a fixed clock and
/// their own environment.
public struct RecallContext {
    public var console: Console
    public var environment: [String: String]
    /// The wall clock; `RECALL_NOW` overrides the moment commands see, and
    /// this clock still measures how long answers take.
    public var clock: () -> Date
    public var timeZone: TimeZone
    public var bundledDeckFiles: [(name: String, bytes: [UInt8])]
    /// Why the database at a path cannot be written, or nil when it can
    /// (``RecallDatabase/readOnlyReason(path:)``). Tests that run as root, whom
    /// file permissions do not stop, hand in their own to open a database read-only on purpose.
    public var databaseReadOnlyReason: (String) -> String?

    public init(
        console: Console, environment: [String: String], clock: @escaping () -> Date = Date.init,
        timeZone: TimeZone = .current, bundledDeckFiles: [(name: String, bytes: [UInt8])] = BundledDecks.files,
        databaseReadOnlyReason: @escaping (String) -> String? = RecallDatabase.readOnlyReason(path:)
    ) {
        self.console = console
        self.environment = environment
        self.clock = clock
        self.timeZone = timeZone
        self.bundledDeckFiles = bundledDeckFiles
        self.databaseReadOnlyReason = databaseReadOnlyReason
    }

    public static func live() -> RecallContext {
        RecallContext(console: StandardConsole(), environment: ProcessInfo.processInfo.environment)
    }

    /// Colour only on a terminal, and never when `NO_COLOR` is set (no-color.org).
    var style: Style {
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return Style(enabled: console.isTerminal && !noColor)
    }

    /// Now: `RECALL_NOW` if set (ISO 8601), else the clock.
    func moment() throws -> Moment {
        guard let text = environment["RECALL_NOW"], !text.isEmpty else {
            return Moment(instant: clock(), timeZone: timeZone)
        }
        guard let moment = Moment.parse(text, timeZone: timeZone) else {
            throw CLIError("RECALL_NOW='\(text)' is not an ISO 8601 date or date-time (e.g. 2026-11-29T09:00:00Z)")
        }
        return moment
    }

    /// The clock that stamps and times answers. Under `RECALL_NOW` it stands
    /// still at that moment, so a scripted session gives the same output every
    /// time, unless `RECALL_CLOCK` makes it move from there:
    /// `RECALL_CLOCK=run` runs it with the wall clock, and `RECALL_CLOCK=1.5s`
    /// (or `250ms`) moves it on by that step at every read, so a scripted
    /// session has distinct, increasing times and stays repeatable.
    func answerClock() throws -> () -> Date {
        guard let text = environment["RECALL_NOW"], !text.isEmpty else { return clock }
        let instant = try moment().instant
        let mode = environment["RECALL_CLOCK"]?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        if mode.isEmpty || mode == "stop" { return { instant } }
        if mode == "run" {
            let wallStart = clock()
            let wall = clock
            return { instant.addingTimeInterval(wall().timeIntervalSince(wallStart)) }
        }
        guard let step = Self.step(mode) else {
            throw CLIError("RECALL_CLOCK='\(mode)' is not 'run', 'stop' or a step such as 1.5s or 250ms")
        }
        let ticks = ClockTicks()
        return { instant.addingTimeInterval(step * Double(ticks.next())) }
    }

    /// `1.5s`, `250ms`, `2` (seconds) → seconds; nil for anything else or a step that is not positive.
    static func step(_ text: String) -> Double? {
        let (number, scale): (Substring, Double) =
            text.hasSuffix("ms")
            ? (text.dropLast(2), 0.001)
            : (text.hasSuffix("s") ? (text.dropLast(), 1) : (Substring(text), 1))
        guard let value = Double(number), value > 0, value.isFinite, value * scale <= 86_400 else { return nil }
        return value * scale
    }

    /// `$RECALL_HOME`, else `$XDG_DATA_HOME/recall`, else `~/.local/share/recall`.
    var dataHome: URL {
        if let home = environment["RECALL_HOME"], !home.isEmpty { return URL(fileURLWithPath: home) }
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty { return URL(fileURLWithPath: xdg).appending(path: "recall") }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appending(path: ".local/share/recall")
    }
}

/// Counts reads of a stepping clock.
final class ClockTicks: @unchecked Sendable {
    private var count = 0
    func next() -> Int {
        defer { count += 1 }
        return count
    }
}

/// A failure to report to the user: the message is printed as `error: …` and the command exits with status 1.
public struct CLIError: Error, CustomStringConvertible {
    public var description: String
    public var exitCode: Int32

    public init(_ description: String, exitCode: Int32 = 1) {
        self.description = description
        self.exitCode = exitCode
    }
}

/// ANSI styling that is a no-op when colour is off.
///
/// It writes marks, not escape sequences: the console turns them into SGR
/// codes after neutralising every control character in the text, so that
/// card text can never colour itself or do anything else to the terminal
/// (``TerminalText``).
struct Style {
    var enabled: Bool

    private func wrap(_ code: String, _ text: String) -> String {
        enabled ? TerminalText.mark(code) + text + TerminalText.mark("0") : text
    }
    func bold(_ text: String) -> String { wrap("1", text) }
    func dim(_ text: String) -> String { wrap("2", text) }
    func good(_ text: String) -> String { wrap("32", text) }
    func bad(_ text: String) -> String { wrap("31", text) }
    func warn(_ text: String) -> String { wrap("33", text) }
    func accent(_ text: String) -> String { wrap("36", text) }
}
