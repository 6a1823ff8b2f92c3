import RecallKit

/// `recall stats` as text: every section of a ``StatsReport``, within 80 columns.
enum StatsText {
    static func render(_ report: StatsReport, scope: String, glyphs: ChartGlyphs, style: Style) -> String {
        var lines: [String] = []
        let dot = glyphs.separator
        lines.append(style.bold("Recall stats") + dot + report.today.description + dot + scope)
        lines.append("")
        lines += today(report, glyphs: glyphs, style: style)
        lines.append("")
        lines += heatmap(report, glyphs: glyphs, style: style)
        lines.append("")
        lines += forecast(report, glyphs: glyphs, style: style)
        lines.append("")
        lines.append(style.bold("Intervals") + " of the cards answered so far (suspended cards left out)")
        lines += bars(report.intervals, glyphs: glyphs, style: style)
        lines.append("")
        lines.append(style.bold("Easiness factors") + " (SM-2's EF: 2.5 to start, 1.3 at the floor)")
        lines += bars(report.easiness, glyphs: glyphs, style: style)
        lines.append("")
        lines += retention(report, glyphs: glyphs, style: style)
        lines.append("")
        lines += deckCounts(report, glyphs: glyphs, style: style)
        return lines.joined(separator: "\n") + "\n"
    }

    static func bars(_ buckets: [Bucket], glyphs: ChartGlyphs, style: Style) -> [String] {
        guard buckets.contains(where: { $0.count > 0 }) else { return ["  No card answered yet."] }
        return Charts.horizontalBars(buckets, labelWidth: 9, barWidth: 44, glyphs: glyphs, style: style)
    }

    static func today(_ report: StatsReport, glyphs: ChartGlyphs, style: Style) -> [String] {
        let today = report.todaySummary
        var lines = [style.bold("Today")]
        if today.answers == 0 {
            lines.append("  Nothing answered yet.")
        } else {
            let passed = Charts.percent(Double(today.passed) / Double(today.answers))
            lines.append(
                "  Answered \(today.answers): \(plural(today.reviews, "review")), \(today.newCards) new, "
                    + "\(plural(today.redrills, "re-drill")); \(passed) graded 3+; \(Charts.duration(milliseconds: today.durationMs))")
        }
        lines.append("  Waiting: \(plural(today.dueReviews, "review")) due, \(today.newWaiting) new")
        let streak = report.streak
        lines.append("  Streak: \(days(streak.current)) (longest \(days(streak.longest)))")
        return lines
    }

    static func heatmap(_ report: StatsReport, glyphs: ChartGlyphs, style: Style) -> [String] {
        let map = report.heatmap
        var lines = [style.bold("Answers, last 52 weeks") + ": \(map.total) on \(map.activeDays) of \(map.counts.count) days"]
        lines += Charts.heatmap(map, glyphs: glyphs, style: style)
        return lines
    }

    static func forecast(_ report: StatsReport, glyphs: ChartGlyphs, style: Style) -> [String] {
        let counts = report.forecast.map(\.count)
        let total = counts.reduce(0, +)
        let today = counts.first ?? 0
        let tomorrow = counts.count > 1 ? counts[1] : 0
        var lines = [style.bold("Due, next 30 days") + ": \(total) (today \(today) counting overdue, tomorrow \(tomorrow))"]
        let labels = stride(from: 0, to: report.forecast.count, by: 7).map { index in
            (index, String(report.forecast[index].day.description.dropFirst(5)))
        }
        guard total > 0 else { return lines + ["  Nothing is due in the next 30 days."] }
        lines += Charts.columns(counts, height: 6, labels: labels, glyphs: glyphs, style: style)
        return lines
    }

    static func retention(_ report: StatsReport, glyphs: ChartGlyphs, style: Style) -> [String] {
        let period = report.period
        var lines = [
            style.bold("Retention") + ", last \(days(period.days)) (\(period.start) to \(report.today))",
            "  \(period.answers) answers on \(days(period.activeDays)), \(Charts.duration(milliseconds: period.durationMs)). "
                + "Scheduled reviews graded 3+:",
            "".padded(26) + "true: ivl >= 21d".leftPadded(16).padded(27) + "young: ivl < 21d".leftPadded(16),
        ]
        lines.append(retentionRow("all", period.retention, glyphs: glyphs))
        if report.retentionByDeck.count > 1 {
            lines.append("  by deck")
            lines += report.retentionByDeck.map { retentionRow("  " + $0.deckID, $0.retention, glyphs: glyphs) }
        }
        lines.append("  by month")
        lines += report.retentionByMonth.map { retentionRow("  " + $0.month, $0.retention, glyphs: glyphs) }
        return lines
    }

    static func retentionRow(_ label: String, _ tally: RetentionTally, glyphs: ChartGlyphs) -> String {
        func cell(_ share: Double?, _ passed: Int, _ total: Int) -> String {
            let counts = total == 0 ? "" : "\(passed)/\(total)"
            return Charts.percentTenths(share).leftPadded(6) + "  " + counts.padded(17)
        }
        return
            ("  " + Charts.fit(label, 24, glyphs: glyphs).padded(24) + cell(tally.trueRetention, tally.maturePassed, tally.matureReviews) + "  "
            + cell(tally.youngRetention, tally.youngPassed, tally.youngReviews)).trimmedRight
    }

    static func deckCounts(_ report: StatsReport, glyphs: ChartGlyphs, style: Style) -> [String] {
        let columns = ["new", "learn", "young", "mature", "susp", "leech", "total"]
        var lines = [style.bold("Cards by deck") + String(repeating: " ", count: 13) + columns.map { $0.leftPadded(7) }.joined()]
        func row(_ label: String, _ counts: DeckCardCounts) -> String {
            let values = [counts.new, counts.learning, counts.young, counts.mature, counts.suspended, counts.leech, counts.total]
            return "  " + Charts.fit(label, 24, glyphs: glyphs).padded(24) + values.map { String($0).leftPadded(7) }.joined()
        }
        lines += report.deckCounts.map { row($0.deckID, $0) }
        if report.deckCounts.count > 1 {
            var sum = DeckCardCounts(deckID: "all")
            for counts in report.deckCounts {
                sum.new += counts.new
                sum.learning += counts.learning
                sum.young += counts.young
                sum.mature += counts.mature
                sum.suspended += counts.suspended
                sum.leech += counts.leech
            }
            lines.append(row("all", sum))
        }
        lines.append("  learn: answered, not yet passed twice in a row; young: interval < 21 days;")
        lines.append("  mature: 21 days or more. Leeches are also counted in their stage.")
        return lines
    }

    static func days(_ count: Int) -> String { plural(count, "day") }

    static func plural(_ count: Int, _ noun: String) -> String { count == 1 ? "1 \(noun)" : "\(count) \(noun)s" }
}
