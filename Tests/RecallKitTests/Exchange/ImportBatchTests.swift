import Foundation
import Testing

@testable import RecallKit

/// The importer checks the whole deck in one parse, and only when that fails each note alone.
@Suite struct ImportBatchTests {
    @Test func aNoteThatBreaksTheFormatIsLeftOutAndTheRestKept() throws {
        let candidates = ["{{c1::outer {{c2::nested}} }}", "{{c1::}}", "{{c1::a}} and }} stray", "\"{{c1::split\nover lines}}\""]
        var found = false
        for bad in candidates {
            let text = "#separator:tab\n#notetype:Cloze\nThe {{c1::first}} one\tfirst answer\n\(bad)\tsecond answer\nThe {{c1::third}} one\tthird answer\n"
            let imported = try DelimitedText.read(
                Data(text.utf8), displayName: "t.tsv", defaultSeparator: .tab, deckID: "t",
                title: nil, section: "S")
            guard imported.deck.cards.count == 2 else { continue }
            found = true
            #expect(imported.deck.cards.map(\.answerText) == ["first", "third"])
            #expect(imported.notes.count == 1 && imported.notes[0].contains("left out"), "\(imported.notes)")
            // What is kept reads back as a deck file.
            #expect(DeckParser.parse(DeckWriter.render(imported.deck), file: "t.md").deck?.cards.count == 2)
        }
        #expect(found, "one of the candidates should break the deck format")
    }
}
