import Testing

@testable import RecallCLI

@Suite struct TextLayoutTests {
    @Test func wrapsAtWordsWithinTheWidth() {
        let layout = TextLayout(width: 20)
        #expect(
            layout.wrap("How much GPU memory does a 7B model need for Adam?")
                == ["How much GPU memory", "does a 7B model need", "for Adam?"])
        #expect(layout.wrap("Why: one two three four five six", indent: 2) == ["Why: one two three", "  four five six"])
        #expect(layout.wrap("short") == ["short"])
        #expect(layout.wrap("a\nb") == ["a", "b"])
        // A word longer than the line is cut.
        #expect(layout.wrap(String(repeating: "x", count: 25)) == [String(repeating: "x", count: 20), "xxxxx"])
    }

    @Test func eastAsianWideCharactersTakeTwoColumnsAndMayBreakBetweenThemselves() {
        #expect(TextLayout.columns("数据并行") == 8)
        #expect(TextLayout.columns("ZeRO-3") == 6)
        #expect(TextLayout.columns("ｑ５") == 4)
        #expect(TextLayout.columns("é") == 1)
        let layout = TextLayout(width: 10)
        let lines = layout.wrap("ZeRO-3 切分优化器状态和梯度")
        #expect(lines == ["ZeRO-3 切", "分优化器状", "态和梯度"])
        #expect(lines.allSatisfy { TextLayout.columns($0) <= 10 })
    }

    @Test func theWidthComesFromColumnsElseEightyInAPipe() {
        #expect(TextLayout.width(environment: [:], isTerminal: false) == 80)
        #expect(TextLayout.width(environment: ["COLUMNS": "100"], isTerminal: false) == 100)
        #expect(TextLayout.width(environment: ["COLUMNS": "5"], isTerminal: false) == TextLayout.minimumWidth)
        #expect(TextLayout.width(environment: ["COLUMNS": "wide"], isTerminal: false) == 80)
    }
}
