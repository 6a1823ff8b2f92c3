import Foundation
import RecallKit

/// Word wrap for the terminal: lines fit `width` columns, broken at spaces,
/// and between any two East Asian wide characters (which take two columns
/// each, as terminals draw them). A word longer than the line is cut.
struct TextLayout {
    var width: Int

    /// Lines in a pipe; `COLUMNS` when set, else the terminal's width, else this.
    static let defaultWidth = 80
    static let minimumWidth = 20

    /// `COLUMNS` if it is a number, else the terminal's own width when output is a terminal, else 80.
    static func width(environment: [String: String], isTerminal: Bool) -> Int {
        if let text = environment["COLUMNS"], let columns = Int(text.trimmingCharacters(in: .whitespaces)), columns > 0 {
            return max(minimumWidth, columns)
        }
        if isTerminal {
            var size = winsize()
            if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return max(minimumWidth, Int(size.ws_col)) }
        }
        return defaultWidth
    }

    /// The columns a character takes, as ``TextWidth`` counts them (East Asian wide: 2).
    static func columns(_ character: Character) -> Int { TextWidth.columns(character) }

    static func columns(_ text: some StringProtocol) -> Int { TextWidth.columns(text) }

    /// `text` wrapped to the width; each line of `text` is wrapped on its own.
    /// Lines after the first of a paragraph start with `indent` spaces.
    func wrap(_ text: String, indent: Int = 0) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { wrapLine(String($0), indent: indent) }
    }

    private func wrapLine(_ line: String, indent: Int) -> [String] {
        guard Self.columns(line) > width else { return [line] }
        let pad = String(repeating: " ", count: min(indent, width / 2))
        var lines: [String] = []
        var current = ""
        var currentWidth = 0
        var lastBreak: (index: String.Index, width: Int, dropsSpace: Bool)?
        func flush() {
            while current.hasSuffix(" ") { current.removeLast() }
            lines.append(current)
            current = pad
            currentWidth = pad.count
            lastBreak = nil
        }
        for character in line {
            let w = Self.columns(character)
            if character == " " {
                if currentWidth + 1 > width {
                    flush()
                    continue
                }
                if currentWidth == pad.count && !lines.isEmpty { continue }
                lastBreak = (current.endIndex, currentWidth, true)
                current.append(character)
                currentWidth += 1
                continue
            }
            if w == 2, let last = current.last, last != " ", Self.columns(last) == 2 {
                lastBreak = (current.endIndex, currentWidth, false)
            }
            if currentWidth + w > width {
                if let cut = lastBreak, cut.width > pad.count {
                    let rest = String(current[cut.index...]).drop { $0 == " " && cut.dropsSpace }
                    current = String(current[..<cut.index])
                    flush()
                    current += rest
                    currentWidth = Self.columns(current)
                } else {
                    flush()
                }
                if w == 2, let last = current.last, last != " ", Self.columns(last) == 2 {
                    lastBreak = (current.endIndex, currentWidth, false)
                }
            }
            current.append(character)
            currentWidth += w
        }
        if !current.trimmingCharacters(in: .whitespaces).isEmpty || lines.isEmpty { flush() }
        return lines
    }
}
