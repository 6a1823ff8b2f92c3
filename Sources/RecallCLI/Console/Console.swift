import Foundation

/// Where a command reads lines and writes text. The command line uses the
/// process's standard streams; tests script one with ``ScriptedConsole``.
public protocol Console: AnyObject {
    /// The next line typed, without its newline; `nil` at the end of input or on
    /// Ctrl-C. A line read from a pipe is echoed, to standard error when asked
    /// (so that `--json` keeps standard output for the document).
    func readLine(echoingToErrors: Bool) -> String?
    func write(_ text: String)
    func writeError(_ text: String)
    /// True when both input and output are a terminal: colour is allowed and input is echoed by the terminal.
    var isTerminal: Bool { get }
}

extension Console {
    func line(_ text: String = "") { write(text + "\n") }
    func readLine() -> String? { readLine(echoingToErrors: false) }
}

/// The process's stdin, stdout and stderr.
public final class StandardConsole: Console, @unchecked Sendable {
    public let isTerminal: Bool
    private let inputIsTerminal: Bool

    public init() {
        inputIsTerminal = isatty(STDIN_FILENO) == 1
        isTerminal = inputIsTerminal && isatty(STDOUT_FILENO) == 1
    }

    private var pending: [UInt8] = []
    private var atEndOfInput = false

    /// Reads with read(2) rather than stdio, whose line reader retries after
    /// a signal: here an interrupted read ends the input, so Ctrl-C can end a session.
    public func readLine(echoingToErrors: Bool) -> String? {
        guard let line = nextLine() else { return nil }
        // A piped answer is not echoed by a terminal: echo it so the transcript reads like a session.
        if !inputIsTerminal { echoingToErrors ? writeError(line + "\n") : write(line + "\n") }
        return line
    }

    private func nextLine() -> String? {
        while true {
            if let newline = pending.firstIndex(of: 0x0A) {
                var bytes = pending[..<newline]
                pending.removeFirst(newline + 1)
                if bytes.last == 0x0D { bytes = bytes.dropLast() }
                return String(decoding: bytes, as: UTF8.self)
            }
            if atEndOfInput {
                guard !pending.isEmpty else { return nil }
                defer { pending = [] }
                return String(decoding: pending, as: UTF8.self)
            }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = read(STDIN_FILENO, &chunk, chunk.count)
            if count > 0 {
                pending += chunk[0..<count]
            } else if count < 0 && errno == EINTR {
                return nil
            } else {
                atEndOfInput = true
            }
        }
    }

    public func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    public func writeError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Makes Ctrl-C end a pending read (it returns nil) instead of killing the
    /// process, so an interrupted review still prints its summary. Every
    /// answer is already committed when the next card is shown, so nothing is lost either way.
    public func interruptEndsInput() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0 // no SA_RESTART: the blocked read returns EINTR
        sigaction(SIGINT, &action, nil)
    }
}

/// A console that reads from a script of lines and keeps what was written.
public final class ScriptedConsole: Console, @unchecked Sendable {
    private var input: [String]
    public private(set) var output = ""
    public private(set) var errors = ""
    public let isTerminal: Bool

    public init(input: [String] = [], isTerminal: Bool = false) {
        self.input = input
        self.isTerminal = isTerminal
    }

    public func readLine(echoingToErrors: Bool) -> String? {
        guard !input.isEmpty else { return nil }
        let line = input.removeFirst()
        if !isTerminal {
            if echoingToErrors { errors += line + "\n" } else { output += line + "\n" }
        }
        return line
    }

    public func write(_ text: String) { output += text }
    public func writeError(_ text: String) { errors += text }
}
