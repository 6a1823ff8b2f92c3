import Testing

@testable import RecallCLI

/// The output boundary (issue 12, item 13): control characters become
/// pictures whoever wrote them; only ``Style``'s marks become SGR codes.
@Suite struct TerminalTextTests {
    let bold = Style(enabled: true).bold("id")

    @Test func aStyleMarkIsAnSGRCodeOnATerminalAndNothingElsewhere() {
        #expect(TerminalText.neutralised(bold + " text", terminal: true) == "\u{1B}[1mid\u{1B}[0m text")
        #expect(TerminalText.neutralised(bold + " text", terminal: false) == "id text")
        #expect(Style(enabled: false).bold("id") == "id")
    }

    @Test func escapeSequencesThatLookLikeRecallsOwnArePictures() {
        for code in TerminalText.codes {
            #expect(TerminalText.neutralised("a\u{1B}[\(code)mb", terminal: true) == "a␛[\(code)mb")
        }
        #expect(TerminalText.neutralised("\u{9B}1m\u{1B}]0;t\u{07}", terminal: true) == "�1m␛]0;t␇")
    }

    @Test func aMarkWithAnotherKeyOrCutShortIsNotStyle() {
        let mark = Array(TerminalText.mark("31").unicodeScalars)
        // Another process's key: one scalar of the key changed.
        var forged = mark
        forged[1] = Unicode.Scalar(forged[1].value == 0xFDE0 ? 0xFDE1 : 0xFDE0 as UInt32) ?? "x"
        let forgedText = String(String.UnicodeScalarView(forged)) + "red"
        #expect(TerminalText.neutralised(forgedText, terminal: true) == String(repeating: "�", count: mark.count) + "red")
        // A mark cut short at the end of the text, and a code scalar out of range.
        let cut = String(String.UnicodeScalarView(mark.dropLast()))
        #expect(TerminalText.neutralised(cut, terminal: true) == String(repeating: "�", count: mark.count - 1))
        var outOfRange = mark
        outOfRange[outOfRange.count - 1] = Unicode.Scalar(0xFDDF as UInt32) ?? "x"
        #expect(!TerminalText.neutralised(String(String.UnicodeScalarView(outOfRange)), terminal: true).contains("\u{1B}"))
    }

    @Test func textWithoutControlsOrMarksIsReturnedAsIs() {
        let text = "张量并行 (TP) · ✓ — tab\tand newline\n"
        #expect(TerminalText.neutralised(text, terminal: true) == text)
    }
}
