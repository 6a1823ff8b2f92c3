import BundledDecks
import Foundation
import RecallCLI
import RecallKit
import Testing

/// The content bars of issues 14 and 15 on the bundled decks: the
/// multiple-choice shares, Chinese for every field, and every content lint
/// of `recall check --strict --bilingual` clean.
@Suite struct BundledDeckContentTests {
    let decks: [Deck] = DeckLoader.load(
        RecallContext.live().bundledDeckFiles.map { DeckFile(path: "Decks/\($0.name)", bytes: $0.bytes) }
    ).decks.map(\.deck)

    /// Counted here from the cards themselves, not with the lint's code: a
    /// single-answer card whose right option has no distractor longer than
    /// it (in characters) and some distractor shorter.
    static func longestShare(_ cards: [Card]) -> (longest: Int, singleAnswer: Int) {
        var longest = 0
        var single = 0
        for card in cards {
            guard case .choice(_, let choices) = card.content, choices.filter(\.isCorrect).count == 1,
                let right = choices.first(where: \.isCorrect)
            else { continue }
            single += 1
            let wrong = choices.filter { !$0.isCorrect }.map(\.text.count)
            if wrong.allSatisfy({ $0 <= right.text.count }) && wrong.contains(where: { $0 < right.text.count }) { longest += 1 }
        }
        return (longest, single)
    }

    @Test func everyContentLintPassesWithChineseRequired() {
        let loaded = DeckLoader.load(RecallContext.live().bundledDeckFiles.map { DeckFile(path: "Decks/\($0.name)", bytes: $0.bytes) }).decks
        #expect(loaded.count == decks.count)
        #expect(ContentLinter.lint(loaded, options: .init(requireChinese: { _ in true })).map(\.description) == [])
    }

    @Test func theRightOptionIsTheLongestInAtMost30PercentOfSingleAnswerCards() {
        let all = Self.longestShare(decks.flatMap(\.cards))
        #expect(all.singleAnswer > 0)
        #expect(Double(all.longest) <= 0.30 * Double(all.singleAnswer), "\(all.longest) of \(all.singleAnswer)")
        for deck in decks {
            let share = Self.longestShare(deck.cards)
            #expect(Double(share.longest) <= 0.40 * Double(share.singleAnswer), "\(deck.id): \(share.longest) of \(share.singleAnswer)")
        }
    }

    @Test func everyBundledCardHasChineseForEachField() {
        for deck in decks {
            for card in deck.cards {
                let zh = card.chinese
                #expect(zh?.question != nil || card.kind == .cloze, "\(card.qualifiedID) has no Chinese question")
                switch card.content {
                case .basic: #expect(zh?.answer != nil, "\(card.qualifiedID) has no 'A.zh:'")
                case .cloze: #expect(zh?.clozeText != nil, "\(card.qualifiedID) has no 'C.zh:'")
                case .choice(_, let choices): #expect(zh?.choices.count == choices.count, "\(card.qualifiedID) has no Chinese choices")
                case .typed: break
                }
                if card.explanation != nil { #expect(zh?.explanation != nil, "\(card.qualifiedID) has no 'Why.zh:'") }
            }
        }
    }
}

@Suite struct TopicLabelTableTests {
    @Test func theTableParsesAndLabelsEveryBundledTag() throws {
        let text = String(decoding: BundledDecks.topicLabels, as: UTF8.self)
        let (labels, diagnostics) = TopicLabels.parse(text, file: "Decks/topics-zh.tsv")
        #expect(diagnostics.map(\.description) == [])
        let decks = DeckLoader.load(RecallContext.live().bundledDeckFiles.map { DeckFile(path: "Decks/\($0.name)", bytes: $0.bytes) }).decks
        let tags = Set(decks.flatMap { $0.deck.cards.flatMap(\.tags) })
        #expect(!tags.isEmpty)
        #expect(tags.filter { labels.labels[$0] == nil }.sorted() == [])
    }

    @Test func theBinaryCarriesTheTableOnDisk() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let onDisk = try Data(contentsOf: repository.appending(path: "Decks/topics-zh.tsv"))
        #expect([UInt8](onDisk) == BundledDecks.topicLabels)
    }
}
