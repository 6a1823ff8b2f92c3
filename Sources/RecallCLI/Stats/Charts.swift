import RecallKit

/// The charts of `recall stats` and `recall map`, as pure functions from
/// numbers to lines of text. They live in the command line rather than in
/// RecallKit because they are presentation: glyph sets, terminal width and
/// colour belong to the shell. Each line fits ``Charts/width`` columns;
/// colour codes (only when ``Style`` is enabled) take no columns.
enum Charts {
    static let width = 80
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let weekdayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    // MARK: - Heatmap

    /// Weeks as columns (oldest left), weekdays as rows, months labelled above, a legend below.
    static func heatmap(_ map: Heatmap, glyphs: ChartGlyphs, style: Style) -> [String] {
        let gutter = "    "
        var labels = [Character](repeating: " ", count: map.weeks + 4)
        var lastLabelEnd = 0
        for week in 0..<map.weeks {
            // Label the column holding the 1st of a month.
            let monday = map.start.adding(days: week * 7)
            guard let first = (0..<7).map({ monday.adding(days: $0) }).first(where: { $0.civil.day == 1 }) else { continue }
            let name = Array(monthNames[first.civil.month - 1])
            guard week >= lastLabelEnd, week + name.count <= labels.count else { continue }
            for (index, character) in name.enumerated() { labels[week + index] = character }
            lastLabelEnd = week + name.count + 1
        }
        var lines = [gutter + String(labels).trimmedRight]
        for weekday in 0..<7 {
            var row = weekdayNames[weekday] + " "
            for week in 0..<map.weeks {
                guard let count = map.count(week: week, weekday: weekday) else {
                    row += String(glyphs.future)
                    continue
                }
                let shade = map.shade(count)
                let cell = String(glyphs.shades[shade])
                row += shade == 0 ? style.dim(cell) : style.good(cell)
            }
            lines.append(row.trimmedRight)
        }
        let legend = map.legend.map { entry in
            let range = entry.lower == entry.upper ? "\(entry.lower)" : "\(entry.lower)-\(entry.upper)"
            return style.good(String(glyphs.shades[entry.shade])) + " " + range
        }
        lines.append(gutter + ([style.dim(String(glyphs.shades[0])) + " 0"] + legend).joined(separator: "  ") + " answers a day")
        return lines
    }

    // MARK: - Column chart

    /// One column per value, `height` rows tall, scaled to the largest value,
    /// with the largest value on the axis and `labels` (column index → text) below.
    static func columns(_ values: [Int], height: Int, labels: [(column: Int, text: String)], glyphs: ChartGlyphs, style: Style) -> [String] {
        let maximum = max(values.max() ?? 0, 1)
        let axisWidth = max(String(maximum).count, 1) + 1
        // Each value in eighths of a row; a value above zero shows at least an eighth.
        let eighths = values.map { value in value == 0 ? 0 : max(1, Int((Double(value * height * 8) / Double(maximum)).rounded())) }
        var lines: [String] = []
        for row in (0..<height).reversed() {
            let axis = row == height - 1 ? String(maximum).leftPadded(axisWidth - 1) + " " : String(repeating: " ", count: axisWidth)
            var line = axis + "|"
            if glyphs.isUnicode { line = axis + "│" }
            for value in eighths {
                let filled = min(8, max(0, value - row * 8))
                var glyph = glyphs.verticalEighths[filled]
                if !glyphs.isUnicode && row == 0 && value > 0 && filled < 4 { glyph = "." }  // too small for a '#', but not nothing
                line += glyph == " " ? "  " : style.accent(String(glyph)) + " "
            }
            lines.append(line.trimmedRight)
        }
        let axisLine = String(repeating: " ", count: axisWidth) + glyphs.axisCorner + String(repeating: glyphs.axisLine, count: values.count * 2)
        lines.append(axisLine)
        var labelLine = [Character](repeating: " ", count: axisWidth + 1 + values.count * 2 + 6)
        for (column, text) in labels {
            let start = axisWidth + 1 + column * 2
            for (index, character) in text.enumerated() where start + index < labelLine.count { labelLine[start + index] = character }
        }
        lines.append(String(labelLine).trimmedRight)
        return lines
    }

    // MARK: - Bars

    /// A bar `width` columns long, filled in proportion to `fraction` (0…1), in eighths on Unicode.
    static func bar(_ fraction: Double, width: Int, glyphs: ChartGlyphs, empty: Character? = nil) -> String {
        let clamped = min(max(fraction.isFinite ? fraction : 0, 0), 1)
        let eighths = Int((clamped * Double(width * 8)).rounded())
        var text = String(repeating: glyphs.horizontalEighths[8], count: eighths / 8)
        var used = eighths / 8
        if eighths % 8 > 0 && used < width {
            let partial = glyphs.horizontalEighths[eighths % 8]
            if partial != " " {
                text.append(partial)
                used += 1
            }
        }
        return text + String(repeating: empty ?? " ", count: width - used)
    }

    /// Labelled horizontal bars scaled to the largest count, each with its count and share.
    static func horizontalBars(_ buckets: [Bucket], labelWidth: Int, barWidth: Int, glyphs: ChartGlyphs, style: Style) -> [String] {
        let maximum = max(buckets.map(\.count).max() ?? 0, 1)
        let total = buckets.reduce(0) { $0 + $1.count }
        let countWidth = max(String(maximum).count, 1)
        return buckets.map { bucket in
            let share = total == 0 ? "" : "  " + percent(Double(bucket.count) / Double(total)).leftPadded(4)
            let bar = Self.bar(Double(bucket.count) / Double(maximum), width: barWidth, glyphs: glyphs)
            return ("  " + bucket.label.padded(labelWidth) + " " + style.accent(bar) + " " + String(bucket.count).leftPadded(countWidth) + share).trimmedRight
        }
    }

    // MARK: - Numbers

    /// `92%`, or `-` when there is nothing to divide.
    static func percent(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "-" }
        return "\(Int((value * 100).rounded()))%"
    }

    /// `92.4%` with one decimal, or `-`.
    static func percentTenths(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "-" }
        let tenths = Int((value * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }

    /// `0s`, `45s`, `12m 5s`, `3h 20m`.
    static func duration(milliseconds: Int) -> String {
        let seconds = max(0, milliseconds) / 1000
        if seconds < 60 { return "\(seconds)s" }
        if seconds < 3600 { return "\(seconds / 60)m \(seconds % 60)s" }
        return "\(seconds / 3600)h \(seconds % 3600 / 60)m"
    }

    /// Cuts `text` to `width` columns (a CJK character takes two) with a trailing `…` (or `~` in ASCII).
    static func fit(_ text: String, _ width: Int, glyphs: ChartGlyphs) -> String {
        TextWidth.truncate(text, to: width, ellipsis: glyphs.isUnicode ? "…" : "~")
    }
}

extension String {
    /// The text padded on the right to `width` terminal columns (a CJK character takes two).
    func padded(_ width: Int) -> String { TextWidth.padded(self, to: width) }

    var trimmedRight: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
