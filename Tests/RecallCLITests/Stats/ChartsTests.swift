import Testing

@testable import RecallCLI
@testable import RecallKit

@Suite struct ChartsTests {
    @Test func barsFillInEighthsOnUnicodeAndWholeCellsInASCII() {
        #expect(Charts.bar(0.5, width: 4, glyphs: .unicode) == "██  ")
        #expect(Charts.bar(0.53, width: 4, glyphs: .unicode) == "██▏ ")  // 0.53 × 32 eighths = 17
        #expect(Charts.bar(1, width: 3, glyphs: .unicode, empty: "░") == "███")
        #expect(Charts.bar(0, width: 3, glyphs: .unicode, empty: "░") == "░░░")
        #expect(Charts.bar(0.53, width: 4, glyphs: .ascii, empty: ".") == "##..")  // under half a cell: not drawn
        #expect(Charts.bar(0.62, width: 4, glyphs: .ascii, empty: ".") == "###.")  // 2.5 cells rounds up
        #expect(Charts.bar(.nan, width: 2, glyphs: .ascii) == "  ")
    }

    @Test func glyphsFollowTheLocale() {
        #expect(ChartGlyphs.forEnvironment([:], ascii: false) == .ascii)
        #expect(ChartGlyphs.forEnvironment(["LANG": "en_GB.UTF-8"], ascii: false) == .unicode)
        #expect(ChartGlyphs.forEnvironment(["LANG": "zh_CN.utf8"], ascii: false) == .unicode)
        #expect(ChartGlyphs.forEnvironment(["LANG": "en_US.UTF-8", "LC_CTYPE": "POSIX"], ascii: false) == .ascii)
        #expect(ChartGlyphs.forEnvironment(["LC_ALL": "", "LANG": "C.UTF-8"], ascii: false) == .unicode)  // empty means unset
        #expect(ChartGlyphs.forEnvironment(["LANG": "C.UTF-8"], ascii: true) == .ascii)
    }

    @Test func heatmapLabelsEachMonthOverTheWeekOfItsFirstDay() {
        let today = StudyDay("2026-11-29")!
        let start = StatsQuery(today: today).heatmapStart
        let groups = [DayAnswerGroup(day: StudyDay("2026-08-01")!, kind: .review, grade: 4, answers: 3, matureAnswers: 0, durationMs: 0)]
        let lines = Charts.heatmap(Heatmap(groups, start: start, today: today), glyphs: .ascii, style: Style(enabled: false))
        #expect(lines.count == 9)
        let saturday = Array(lines[6])
        #expect(String(saturday.prefix(4)) == "Sat ")
        // 2026-08-01 is a Saturday in the week of Monday 2026-07-27, whose column the label "Aug" starts at.
        let column = saturday.firstIndex(of: "-") ?? 0
        #expect(column == 4 + 35)
        #expect(String(Array(lines[0])[column..<column + 3]) == "Aug")
        #expect(lines[8] == "    . 0  - 1-3 answers a day")  // one day: every count up to it is shade 1
    }

    @Test func columnChartScalesToTheLargestValue() {
        let lines = Charts.columns([4, 2, 0, 1], height: 2, labels: [(0, "a"), (3, "d")], glyphs: .unicode, style: Style(enabled: false))
        #expect(
            lines == [
                "4 │█",
                "  │█ █   ▄",
                "  └────────",
                "   a     d",
            ])
    }

    @Test func durationsAndPercentages() {
        #expect(Charts.duration(milliseconds: 999) == "0s")
        #expect(Charts.duration(milliseconds: 725_000) == "12m 5s")
        #expect(Charts.duration(milliseconds: 12_000_000) == "3h 20m")
        #expect(Charts.percentTenths(0.9166) == "91.7%")
        #expect(Charts.percent(nil) == "-")
    }
}
