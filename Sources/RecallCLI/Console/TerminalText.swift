import RecallKit

/// The one place where text meets the terminal: every byte a console writes
/// goes through ``neutralised(_:terminal:)``.
///
/// Card text comes from files anyone can write, and a terminal obeys what it
/// is sent: ESC sequences clear the screen, set the window title, make
/// hidden links, colour text; C1 bytes do the same on some terminals. So
/// every control character (``ControlCharacters``) that reaches this
/// boundary is replaced by a visible picture (`␛`), whoever wrote it, and
/// including escape sequences that look like Recall's own colours.
///
/// Recall's own styling therefore never travels as escape sequences inside
/// the text. ``Style`` writes *marks* instead: U+FDD0, then this process's
/// ``key``, then one scalar naming the SGR code. The marks are made of
/// Unicode noncharacters, which Unicode sets aside for a program's internal
/// use, and the key is drawn at random when the process starts and never
/// written anywhere, so no card, deck or imported file can forge one. Here,
/// after every control character has been neutralised, a mark becomes its
/// SGR sequence on a terminal and nothing elsewhere; any other scalar of the
/// noncharacter block marks are made of (U+FDD0–U+FDEF) becomes `�`. Only
/// Recall's own SGR codes ever reach the terminal.
enum TerminalText {
    /// The SGR parameters ``Style`` writes: the only escape sequences this boundary ever emits.
    static let codes = ["0", "1", "2", "31", "32", "33", "36"]

    /// Begins every mark (Swift has no literal for a noncharacter).
    static let markStart = Unicode.Scalar(0xFDD0 as UInt32) ?? "\u{FFFD}"
    /// The first of the scalars naming a code (U+FDD1 names `codes[0]`, and so on).
    static let firstCodeScalar: UInt32 = 0xFDD1
    /// Sixteen noncharacters from U+FDE0–U+FDEF (64 random bits), drawn once per process.
    static let key: [Unicode.Scalar] = (0..<16).map { _ in Unicode.Scalar(0xFDE0 + UInt32.random(in: 0..<16)) ?? "\u{FFFD}" }

    /// The mark for SGR parameter `code`, one of ``codes``.
    static func mark(_ code: String) -> String {
        let index = UInt32(codes.firstIndex(of: code) ?? 0)
        var scalars = String.UnicodeScalarView([markStart])
        scalars.append(contentsOf: key)
        scalars.append(Unicode.Scalar(firstCodeScalar + index) ?? "\u{FFFD}")
        return String(scalars)
    }

    /// `text` with every control character replaced by its picture and
    /// Recall's marks turned into SGR sequences (on a terminal) or dropped.
    static func neutralised(_ text: String, terminal: Bool) -> String {
        guard text.unicodeScalars.contains(where: { isMarkScalar($0) || ControlCharacters.isControl($0) }) else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == markStart, let code = code(ofMarkIn: scalars, at: index) {
                if terminal { result.append(contentsOf: "\u{1B}[\(code)m".unicodeScalars) }
                index += 2 + key.count
                continue
            }
            if isMarkScalar(scalar) {
                result.append("\u{FFFD}")
                index += 1
                continue
            }
            result.append(ControlCharacters.isControl(scalar) ? ControlCharacters.picture(scalar) : scalar)
            index += 1
        }
        return String(result)
    }

    /// True for the noncharacters marks are made of (U+FDD0–U+FDEF): outside a mark of this process, each becomes `�`.
    static func isMarkScalar(_ scalar: Unicode.Scalar) -> Bool { (0xFDD0...0xFDEF).contains(scalar.value) }

    /// The SGR code of the mark at `start`, or nil when what is there is not one of this process's marks.
    static func code(ofMarkIn scalars: [Unicode.Scalar], at start: Int) -> String? {
        let codeIndex = start + 1 + key.count
        guard codeIndex < scalars.count, scalars[(start + 1)..<codeIndex].elementsEqual(key) else { return nil }
        let value = scalars[codeIndex].value
        guard value >= firstCodeScalar, value < firstCodeScalar + UInt32(codes.count) else { return nil }
        return codes[Int(value - firstCodeScalar)]
    }
}
