/// How many terminal columns text takes: East Asian wide and full-width
/// characters (CJK ideographs, kana, Hangul, full-width forms and punctuation)
/// take two, combining marks none, everything else one.
///
/// A pure function of the text, so that the 80-column checks, tables and line
/// wrapping all count the same way.
///
/// ```swift
/// TextWidth.columns("张量并行 (TP)") // 13
/// ```
public enum TextWidth {
    public static func columns(_ text: some StringProtocol) -> Int {
        text.reduce(0) { $0 + columns($1) }
    }

    public static func columns(_ character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        if first.properties.generalCategory == .nonspacingMark || first.properties.generalCategory == .enclosingMark { return 0 }
        if first.value < 0x20 || (0x7F..<0xA0).contains(first.value) { return 0 }
        return isWide(first) ? 2 : 1
    }

    /// The East Asian Wide (W) and Fullwidth (F) ranges that matter in practice.
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// `text` cut to at most `width` columns, ending in `ellipsis` when cut.
    public static func truncate(_ text: String, to width: Int, ellipsis: String = "…") -> String {
        guard columns(text) > width else { return text }
        let room = width - columns(ellipsis)
        var out = ""
        var used = 0
        for character in text {
            let w = columns(character)
            if used + w > room { break }
            out.append(character)
            used += w
        }
        return out + ellipsis
    }

    /// `text` padded with spaces on the right to `width` columns.
    public static func padded(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - columns(text)))
    }
}

extension Character {
    /// True for a CJK ideograph, kana, Hangul syllable or a full-width form.
    public var isCJK: Bool {
        guard let scalar = unicodeScalars.first else { return false }
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0x20000...0x2FFFD:
            return true
        default:
            return false
        }
    }

    /// True for CJK punctuation and full-width forms (`，。：；（）` …).
    public var isCJKPunctuation: Bool {
        guard let scalar = unicodeScalars.first else { return false }
        return (0x3000...0x303F).contains(scalar.value) || (0xFF00...0xFF65).contains(scalar.value)
    }
}
