import Testing

@testable import RecallKit

@Suite struct KnowledgeMapTests {
    func card(_ deck: String, _ tags: [String], seen: Bool = true, interval: Int = 0, lapses: Int = 0) -> KnowledgeMap.Card {
        KnowledgeMap.Card(deckID: deck, tags: tags, isSeen: seen, intervalDays: seen ? interval : 0, lapses: lapses)
    }

    let decks = [
        KnowledgeMap.Deck(id: "par", title: "Parallelism", section: "Pre-training"),
        KnowledgeMap.Deck(id: "quant", title: "Quantization", section: "Compression"),
        KnowledgeMap.Deck(id: "pre", title: "Pre-training", section: "Pre-training"),
    ]

    @Test func treeCountsSeenAndMasteredAtEveryLevel() {
        let cards = [
            card("par", ["par", "zero"], interval: 30), card("par", ["par", "zero"], interval: 21), card("par", ["par", "zero"], interval: 20),
            card("par", ["par", "pipeline"], seen: false), card("quant", ["gptq"], interval: 40), card("pre", ["moe"], seen: false),
            card("gone", ["x"], interval: 99),  // a deck not listed is left out
        ]
        let map = KnowledgeMap(decks: decks, cards: cards)
        #expect(map.sections.map(\.name) == ["Pre-training", "Compression"])
        let pretraining = map.sections[0]
        #expect(pretraining.children.map(\.name) == ["par", "pre"])
        #expect([pretraining.total, pretraining.seen, pretraining.mastered] == [5, 3, 2])
        let par = pretraining.children[0]
        // "par" is on every card of the deck: not a topic.
        #expect(par.children.map(\.name) == ["zero", "pipeline"])
        #expect([par.children[0].total, par.children[0].seen, par.children[0].mastered] == [3, 3, 2])
        #expect(par.mastery == 0.5)
        #expect([map.root.total, map.root.seen, map.root.mastered] == [6, 4, 3])
    }

    @Test func weakestTopicsAreStartedLowMasteryAndBigEnough() {
        var cards: [KnowledgeMap.Card] = []
        cards += (0..<4).map { _ in card("par", ["strong"], interval: 30) }
        cards += (0..<4).map { i in card("par", ["weak"], interval: i == 0 ? 30 : 3, lapses: 1) }
        cards += (0..<4).map { i in card("par", ["weaker-no-lapses"], interval: i == 0 ? 30 : 3) }
        cards += (0..<4).map { _ in card("par", ["zero-mastery"], interval: 2) }
        cards += (0..<2).map { _ in card("par", ["tiny"], interval: 1) }
        cards += (0..<3).map { _ in card("par", ["unstarted"], seen: false) }
        let map = KnowledgeMap(decks: decks, cards: cards)
        #expect(map.weakest.map(\.topic.name) == ["zero-mastery", "weak", "weaker-no-lapses"])  // "strong" is fully mastered
        #expect(map.notStarted.map(\.topic.name) == ["unstarted"])
        #expect(map.weakest.allSatisfy { $0.deckID == "par" })
    }
}
