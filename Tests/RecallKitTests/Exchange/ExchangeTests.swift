import Foundation
import Testing

@testable import RecallKit

@Suite struct DeckWriterTests {
    @Test func renderedDecksParseBackToTheSameCards() throws {
        let cards = [
            Card(
                deckID: "d", id: "fence", noteID: "fence",
                content: .basic(question: "Code?", answer: "```python\nprint(1)\n```"), tags: ["code"]),
            Card(
                deckID: "d", id: "lookalikes", noteID: "lookalikes",
                content: .basic(question: "Which lines look like syntax?", answer: "These:\n## not a heading\nQ: not a field\n- [x] not a choice")),
            Card(deckID: "d", id: "c.c1", noteID: "c", content: .cloze(text: "A {{b}} and {{c::hint}}.", deletion: 1), source: "S"),
            Card(deckID: "d", id: "c.c2", noteID: "c", content: .cloze(text: "A {{b}} and {{c::hint}}.", deletion: 2), source: "S"),
            Card(
                deckID: "d", id: "m", noteID: "m",
                content: .choice(
                    question: "Pick",
                    choices: [
                        Choice(text: "one", isCorrect: false), Choice(text: "two", isCorrect: true), Choice(text: "three", isCorrect: false),
                    ]), explanation: "Why so."),
            Card(deckID: "d", id: "t", noteID: "t", content: .typed(question: "Type", answer: "ls -la", alternatives: ["ls -al"])),
        ]
        let deck = Deck(id: "d", title: "T", section: "S", cards: cards)
        let parsed = DeckParser.parse(DeckWriter.render(deck), file: "d.md")
        #expect(parsed.diagnostics.filter { $0.severity == .error }.isEmpty, "\(parsed.diagnostics)")
        let back = try #require(parsed.deck).cards
        #expect(back.map(\.id) == cards.map(\.id))
        // A value that opens with a code fence starts on the line below its key, as hand-written decks do.
        #expect(back[0].content == .basic(question: "Code?", answer: "\n```python\nprint(1)\n```"))
        #expect(back[0].tags == ["code"])
        // Look-alike lines come back indented by one space, and so stay text.
        #expect(
            back[1].content
                == .basic(
                    question: "Which lines look like syntax?",
                    answer: "These:\n ## not a heading\n Q: not a field\n - [x] not a choice"))
        #expect(back[2...].map(\.content) == cards[2...].map(\.content))
        #expect(back[4].explanation == "Why so.")
    }

    @Test func slugsAndTagsFitTheDeckFormat() {
        #expect(ExchangeID.slug("What is ZeRO-3's memory?") == "what-is-zero-3-s-memory")
        #expect(ExchangeID.slug("What does TCP's three-way handshake exchange?") == "what-does-tcp-s-three-way-handshake")
        var used: Set<String> = ["a"]
        #expect(ExchangeID.unique("a", &used) == "a-2")
        #expect(ExchangeID.unique("", &used) == "card")
        #expect(ExchangeID.tag("geo::europe") == "geo-europe")
        #expect(ExchangeID.tag("::") == nil)
    }
}

@Suite struct AnkiFormatTests {
    @Test func htmlToPlainTextAndBack() {
        #expect(HTMLText.toPlain("<div>a &amp; b</div><div>c<br>d&nbsp;&#x41;&#66;</div>") == "a & b\nc\nd AB")
        #expect(HTMLText.fromPlain("a < b & \"c\"\nd") == "a &lt; b &amp; &quot;c&quot;<br>d")
        #expect(HTMLText.toPlain(HTMLText.fromPlain("x <y> & z\nw")) == "x <y> & z\nw")
    }

    @Test func ankiClozeNumbersMapToRecallDeletions() {
        let converted = ForeignDeckBuilder.clozeFromAnki("{{c2::second}} then {{c1::first::hint}} and {{notcloze}}")
        #expect(converted.text == "{{second}} then {{first::hint}} and {{notcloze}}")
        #expect(converted.numbers == [2, 1])
        #expect(AnkiNote.clozeHTML("A {{b}} and {{c & d::h}}.") == "A {{c1::b}} and {{c2::c &amp; d::h}}.")
    }

    @Test func gradesMapToAnkiButtonsAndBack() {
        #expect(Grade.all.map(AnkiSchema.ease(for:)) == [1, 1, 1, 2, 3, 4])
        #expect((1...4).map { AnkiSchema.grade(forEase: $0).value } == [1, 3, 4, 5])
    }

    @Test func checksumIsSHA1AsAnkiComputesIt() {
        // Anki's csum for the sort field "hello": int(sha1("hello").hexdigest()[:8], 16).
        #expect(AnkiSchema.checksum("hello") == 0xaaf4_c61d)
        #expect(SHA1.hash(Array("abc".utf8)).map { String(format: "%02x", $0) }.joined() == "a9993e364706816aba3e25717850c26c9cd0d89d")
    }

    @Test func stableIDsAreStableAndInAnkisRange() {
        let id = AnkiSchema.stableID("card:sample/bubble")
        #expect(id == AnkiSchema.stableID("card:sample/bubble"))
        #expect(id != AnkiSchema.stableID("card:sample/bubbles"))
        #expect((1_000_000_000_000..<2_200_000_000_000).contains(id))
    }

    @Test func quotedFieldsSplitBackIntoTheSameFields() throws {
        let fields = ["plain", "with\ttab", "with \"quotes\"", "two\nlines", "#hash"]
        let line = fields.map { DelimitedText.quoted($0, .tab) }.joined(separator: "\t")
        let records = try DelimitedText.splitRecords(line + "\nnext\trow\n", separator: "\t", firstLine: 1, displayName: "f")
        #expect(records.map(\.fields) == [fields, ["next", "row"]])
        #expect(records.map(\.line) == [1, 3])
    }
}

@Suite struct ExchangeStorageTests {
    func importable() throws -> (LoadedDeck, [String: ImportedCardState], [ReviewLogRecord]) {
        let deck = Deck(
            id: "imp", title: "Imported", section: "S",
            cards: [
                Card(deckID: "imp", id: "q", noteID: "q", content: .basic(question: "Q?", answer: "A"))
            ])
        let draft = try DeckFileDraft(deck, path: "/nowhere/imp.md")
        let schedule = CardSchedule(sm2: SM2State(repetitions: 2, easiness: 2.2, intervalDays: 6), dueDay: StudyDay("2026-12-01"), lapses: 1)
        let review = ReviewLogRecord(
            id: nil, uuid: AnswerID(high: 0x019a_b2c3_d4e5_7123, low: 0x8123_4567_89ab_cdef), cardID: "imp/q",
            answeredAt: AnswerTime(unixMilliseconds: 1_795_597_200_000, utcOffsetMinutes: 0), studyDay: StudyDay("2026-11-25") ?? StudyDay(daysSinceEpoch: 0),
            grade: .hard, durationMs: 0, kind: .new, previousRepetitions: 0, newRepetitions: 1,
            previousEasiness: 2.5, newEasiness: 2.36, previousIntervalDays: 0, newIntervalDays: 1,
            previousDueDay: nil, newDueDay: StudyDay("2026-11-26"), previousLapses: 0, newLapses: 0,
            previousLeech: false, newLeech: false)
        return (draft.loaded, ["q": ImportedCardState(schedule: schedule, suspended: true)], [review])
    }

    struct WriteFailed: Error {}

    @Test func aDeckFileThatCannotBeWrittenLeavesTheDatabaseUntouched() throws {
        let database = try RecallDatabase.inMemory()
        let (loaded, states, reviews) = try importable()
        var removed = false
        #expect(throws: WriteFailed.self) {
            try database.importDeck(loaded, states: states, reviews: reviews, writeFile: { throw WriteFailed() }, removeFile: { removed = true })
        }
        #expect(!removed)
        #expect(try database.deckExists(id: "imp") == false)
        #expect(try database.reviewCount() == 0)
        #expect(try database.cards().isEmpty)
    }

    @Test func anImportStoresCardsStatesAndLogTogether() throws {
        let database = try RecallDatabase.inMemory()
        let (loaded, states, reviews) = try importable()
        var wrote = false
        try database.importDeck(loaded, states: states, reviews: reviews, writeFile: { wrote = true }, removeFile: {})
        #expect(wrote)
        let card = try #require(try database.card(id: "imp/q"))
        #expect(card.schedule == states["q"]?.schedule)
        #expect(card.isSuspended)
        #expect(try database.history(cardID: "imp/q").count == 1)
        // A second import of the same deck id is refused before anything is written.
        #expect(throws: ExchangeError.self) {
            try database.importDeck(loaded, states: states, reviews: reviews, writeFile: { Issue.record("wrote a file") }, removeFile: {})
        }
    }
}
