/// The characters charts are drawn with: Unicode blocks on a UTF-8 locale,
/// plain ASCII otherwise or with `--ascii`. Every glyph is one column wide,
/// so a chart's width is its character count.
struct ChartGlyphs: Hashable, Sendable {
    /// Heatmap cells: no answers, then shades 1 to 4.
    var shades: [Character]
    /// A vertical bar's top, in eighths of a row: index 1 = ⅛ … 8 = full.
    var verticalEighths: [Character]
    /// A horizontal bar's end, in eighths of a column.
    var horizontalEighths: [Character]
    /// The unfilled part of a proportion bar.
    var empty: Character
    /// A day after today in the heatmap.
    var future: Character
    var axisCorner: String
    var axisLine: Character
    var branch: String
    var lastBranch: String
    var trunk: String
    var separator: String
    var marker: String

    static let unicode = ChartGlyphs(
        shades: ["·", "░", "▒", "▓", "█"],
        verticalEighths: [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
        horizontalEighths: [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"],
        empty: "░", future: " ", axisCorner: "└", axisLine: "─",
        branch: "├─ ", lastBranch: "└─ ", trunk: "│  ", separator: " · ", marker: "◀")

    /// Eighths collapse to whole cells: a partial cell shows only when at least half full.
    static let ascii = ChartGlyphs(
        shades: [".", "-", "+", "*", "#"],
        verticalEighths: [" ", " ", " ", " ", "#", "#", "#", "#", "#"],
        horizontalEighths: [" ", " ", " ", " ", "#", "#", "#", "#", "#"],
        empty: ".", future: " ", axisCorner: "+", axisLine: "-",
        branch: "|- ", lastBranch: "`- ", trunk: "|  ", separator: " - ", marker: "<")

    var isUnicode: Bool { self == .unicode }

    /// Unicode when the locale is UTF-8 (`LC_ALL`, else `LC_CTYPE`, else `LANG`, the first one set), unless `ascii`.
    static func forEnvironment(_ environment: [String: String], ascii: Bool) -> ChartGlyphs {
        if ascii { return .ascii }
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        let lowered = locale.lowercased()
        return lowered.contains("utf-8") || lowered.contains("utf8") ? .unicode : .ascii
    }
}
