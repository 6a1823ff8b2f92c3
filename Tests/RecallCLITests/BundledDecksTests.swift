import Foundation
import RecallCLI
import RecallKit
import Testing

/// The decks compiled into the binary: they load without a single warning,
/// they are as deep as promised, and they cover the knowledge map.
@Suite struct BundledDecksTests {
    let loaded: DeckLoader.Result = DeckLoader.load(
        RecallContext.live().bundledDeckFiles.map { DeckFile(path: "Decks/\($0.name)", bytes: $0.bytes) })

    var repository: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent() }

    @Test func everyBundledDeckPassesEveryCheckAndLint() {
        #expect(loaded.diagnostics.map(\.description) == [])
        #expect(loaded.brokenPaths.isEmpty)
    }

    @Test func theBinaryCarriesEveryDeckFileInDecks() throws {
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: repository.appending(path: "Decks").path)
            .filter { $0.hasSuffix(".md") && $0 != "README.md" }.sorted()
        #expect(loaded.decks.map { URL(fileURLWithPath: $0.path).lastPathComponent }.sorted() == onDisk)
    }

    @Test func everyCardNamesItsSourceAndEveryDeckItsSectionInTwoLanguages() {
        for loaded in loaded.decks {
            #expect(loaded.deck.titleZh?.isEmpty == false, "\(loaded.deck.id) has no title_zh")
            #expect(loaded.deck.sectionZh?.isEmpty == false, "\(loaded.deck.id) has no section_zh")
            for card in loaded.deck.cards {
                #expect(card.source?.isEmpty == false, "\(card.qualifiedID) has no source")
            }
        }
    }

    @Test func theDecksAreAsDeepAsPromised() {
        let count = Dictionary(uniqueKeysWithValues: loaded.decks.map { ($0.deck.id, $0.deck.cards.count) })
        #expect(count.values.reduce(0, +) >= 600)
        #expect(count["parallelism-strategies", default: 0] >= 70)
        #expect(count["quantization-methods", default: 0] >= 70)
        #expect(count["rag-components", default: 0] >= 60)
        #expect(count["infra-commands", default: 0] >= 120)
    }

    @Test func everyItemOfTheKnowledgeMapIsAskedAboutByAtLeastTwoCards() throws {
        let text = try String(contentsOf: repository.appending(path: "docs/map-items.tsv"), encoding: .utf8)
        let items = text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { $0.split(separator: "\t").map(String.init) }
        #expect(items.count > 100)
        // One question side per note: cloze siblings count once.
        var questions: [String] = []
        for loaded in loaded.decks {
            var seen: Set<String> = []
            for card in loaded.deck.cards where seen.insert(card.noteID).inserted {
                if case .cloze(let text, _) = card.content { questions.append(Cloze(text).filled) } else { questions.append(card.prompt) }
            }
        }
        var thin: [String] = []
        for item in items {
            #expect(item.count == 3, "malformed line: \(item)")
            guard item.count == 3 else { continue }
            let spellings = item[2].split(separator: "|").map(String.init)
            let cards = questions.filter { TopicMatch.mentions($0, anyOf: spellings) }.count
            if cards < 2 { thin.append("\(item[0]) / \(item[1]): \(cards) card(s)") }
        }
        #expect(thin == [], "map items asked about by fewer than two cards")
    }
}
