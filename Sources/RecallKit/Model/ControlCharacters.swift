/// Which characters are control characters, for every place that must not
/// pass them on: the deck parser and the importers report them, and the
/// command line neutralises them on output. One definition, so that what
/// `recall check` warns about is exactly what the terminal never receives.
///
/// Control characters are C0 (U+0000–U+001F) except tab and line feed, DEL,
/// C1 (U+0080–U+009F, which some terminals read as escape sequences), and the
/// bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069), which
/// can make a line read differently from what it holds.
public enum ControlCharacters {
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: false
        case 0x00...0x1F, 0x7F, 0x80...0x9F: true
        case 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// True when `text` holds any control character.
    public static func contains(_ text: some StringProtocol) -> Bool {
        text.unicodeScalars.contains(where: isControl)
    }

    /// A visible stand-in for a control character: the Unicode control
    /// pictures for C0 and DEL (`␛` for ESC), `�` for the rest.
    public static func picture(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x00...0x1F: Unicode.Scalar(0x2400 + scalar.value) ?? "\u{FFFD}"
        case 0x7F: "\u{2421}"
        default: "\u{FFFD}"
        }
    }

    /// `text` with every control character replaced by its picture; tab and line feed are kept.
    public static func neutralised(_ text: String) -> String {
        guard contains(text) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { scalars.append(isControl(scalar) ? picture(scalar) : scalar) }
        return String(scalars)
    }

    /// `U+001B`, for messages.
    public static func name(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
