import Testing

@testable import RecallKit

/// The parser's work grows with the deck, not with its square: counted in
/// steps (lines, fields, cards, diagnostics), not timed.
@Suite struct ParserLinearityTests {
    /// `count` cards, each with a warning (no `Source:`, as every card of an imported TSV),
    /// and every tenth with an error (an empty `Why:`).
    func deck(cards count: Int, withErrors: Bool) -> String {
        var text = "---\nid: big\ntitle: Big\nsection: S\n---\n"
        for index in 0..<count {
            text += "\n## card-\(index)\nQ: Question \(index)?\nA: Answer \(index)\n"
            if withErrors && index % 10 == 0 { text += "Why:\n" }
        }
        return text
    }

    @Test(arguments: [false, true]) func tenTimesTheCardsIsTenTimesTheWork(withErrors: Bool) {
        let small = DeckParser.parse(deck(cards: 2_000, withErrors: withErrors), file: "big.md")
        let large = DeckParser.parse(deck(cards: 20_000, withErrors: withErrors), file: "big.md")
        #expect(small.diagnostics.count >= 2_000 && large.diagnostics.count >= 20_000)
        #expect((small.deck == nil) == withErrors && (large.deck == nil) == withErrors)
        #expect(large.operations <= small.operations * 10 + 100, "\(small.operations) → \(large.operations)")
        #expect(large.operations >= small.operations * 9, "the count must see the work: \(small.operations) → \(large.operations)")
    }

    @Test func anErrorInAFrontMatterTagStillFailsTheDeck() {
        let result = DeckParser.parse("---\nid: d\ntitle: T\nsection: S\ntags: good, b@d\n---\n\n## a\nQ: Q?\nA: A\nSource: s\n", file: "d.md")
        #expect(result.deck == nil)
        #expect(result.diagnostics.map(\.message) == ["invalid tag 'b@d'"])
    }
}
