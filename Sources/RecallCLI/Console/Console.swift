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
        // A closed pipe is reported as EPIPE by write(2), handled in `write(_:to:)`, rather than killing the process.
        signal(SIGPIPE, SIG_IGN)
        inputIsTerminal = isatty(STDIN_FILENO) == 1
        isTerminal = inputIsTerminal && isatty(STDOUT_FILENO) == 1
    }

    private var buffer = LineBuffer()

    /// Reads with read(2) rather than stdio, whose line reader retries after
    /// a signal: here an interrupted read ends the input, so Ctrl-C can end a session.
    public func readLine(echoingToErrors: Bool) -> String? {
        guard let line = nextLine() else { return nil }
        // A piped answer is not echoed by a terminal: echo it so the transcript reads like a session.
        if !inputIsTerminal { echoingToErrors ? writeError(line + "\n") : write(line + "\n") }
        return line
    }

    private func nextLine() -> String? {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            if let line = buffer.nextLine() { return line }
            if buffer.atEnd { return buffer.rest() }
            let count = read(STDIN_FILENO, &chunk, chunk.count)
            if count > 0 {
                buffer.append(chunk[0..<count])
            } else if count < 0 && errno == EINTR {
                return nil
            } else {
                buffer.atEnd = true
            }
        }
    }

    public func write(_ text: String) {
        Self.write(TerminalText.neutralised(text, terminal: isTerminal), to: STDOUT_FILENO)
    }

    public func writeError(_ text: String) {
        Self.write(TerminalText.neutralised(text, terminal: isTerminal), to: STDERR_FILENO)
    }

    /// Writes all of `text` with write(2). When the reader has gone (EPIPE:
    /// `recall list | head`, with SIGPIPE ignored as under systemd or by
    /// ``init()``) the command ends quietly with status 0: every answer is
    /// already committed, and there is no one left to tell anything.
    static func write(_ text: String, to descriptor: Int32) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                guard let base = buffer.baseAddress else { return 0 }
                return Glibc.write(descriptor, base + offset, buffer.count - offset)
            }
            if count > 0 {
                offset += count
            } else if count < 0 && errno == EINTR {
                continue
            } else if count < 0 && errno == EPIPE {
                if descriptor == STDOUT_FILENO { exit(0) }
                return
            } else {
                return
            }
        }
    }

    /// Makes Ctrl-C end a pending read (it returns nil) instead of killing the
    /// process, so an interrupted review still prints its summary. Every
    /// answer is already committed when the next card is shown, so nothing is lost either way.
    public func interruptEndsInput() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0  // no SA_RESTART: the blocked read returns EINTR
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

    public func write(_ text: String) { output += TerminalText.neutralised(text, terminal: isTerminal) }
    public func writeError(_ text: String) { errors += TerminalText.neutralised(text, terminal: isTerminal) }
}

/// Splits bytes arriving in chunks into lines, in time linear in the bytes:
/// each byte is looked at once when searching for a newline (a 10 MB line
/// arriving in 64 KB chunks is not rescanned from its start on every chunk),
/// and consumed lines are dropped in one step per chunk, not one per line.
struct LineBuffer {
    private var bytes: [UInt8] = []
    /// Where the next line starts in `bytes`.
    private var start = 0
    /// How far `bytes` has been searched for a newline.
    private var scanned = 0
    var atEnd = false
    /// Bytes looked at while searching for newlines: the test of linearity counts these.
    private(set) var bytesScanned = 0

    mutating func append(_ chunk: some Collection<UInt8>) {
        if start > 0 && start >= bytes.count / 2 {
            bytes.removeFirst(start)
            scanned -= start
            start = 0
        }
        bytes += chunk
    }

    /// The next whole line, without its LF (or CRLF); nil until one has arrived.
    mutating func nextLine() -> String? {
        while scanned < bytes.count {
            bytesScanned += 1
            if bytes[scanned] == 0x0A {
                var end = scanned
                if end > start && bytes[end - 1] == 0x0D { end -= 1 }
                let line = String(decoding: bytes[start..<end], as: UTF8.self)
                scanned += 1
                start = scanned
                return line
            }
            scanned += 1
        }
        return nil
    }

    /// What is left after the last newline, at the end of input; nil when nothing is.
    mutating func rest() -> String? {
        guard start < bytes.count else { return nil }
        defer {
            start = bytes.count
            scanned = bytes.count
        }
        return String(decoding: bytes[start...], as: UTF8.self)
    }
}
