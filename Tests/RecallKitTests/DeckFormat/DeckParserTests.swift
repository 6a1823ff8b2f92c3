import Testing

@testable import RecallKit

let sampleDeck = """
    ---
    id: sample
    title: Sample
    title_zh: 样例
    section: Pre-training
    tags: demo
    ---

    A deck for tests.

    ## zero-stages
    C: ZeRO-1 shards {{optimizer states}}, ZeRO-2 also {{gradients::what backward makes}}.
    Why: Each stage shards one more kind of state.
    Source: Rajbhandari et al. (2020), arXiv:1910.02054
    Tags: zero, memory

    ## bubble
    Q: What is the GPipe bubble fraction?
    A: (p − 1) / (m + p − 1)
    Source: Huang et al. (2019)

    ## awq
    M: Which signal finds AWQ's salient channels?
    - [ ] Weight magnitude
    - [x] Activation magnitude
    - [ ] Hessian diagonal
    Source: Lin et al. (2024)

    ## logs
    T: Follow the logs of container web.
    A: docker logs -f web
    Alt: docker logs -f web 2>&1
    Source: Docker docs

    ## code
    Q: How do you skip DDP's all-reduce?
    A: Use no_sync:
    ```python
    with model.no_sync():

    ## not-a-card
        loss.backward()
    ```
    Source: PyTorch docs
    """

/// The diagnostics of parsing `body` under a valid front matter, as `line: message`.
func problems(_ body: String, severity: DeckDiagnostic.Severity = .error) -> [String] {
    let text = "---\nid: t\ntitle: T\nsection: S\n---\n" + body
    return DeckParser.parse(text, file: "t.md").diagnostics.filter { $0.severity == severity }.map { "\($0.line): \($0.message)" }
}

@Suite struct DeckParserTests {
    @Test func parsesEveryCardKind() throws {
        let result = DeckParser.parse(sampleDeck, file: "sample.md")
        #expect(result.diagnostics.isEmpty)
        let deck = try #require(result.deck)
        #expect(deck.id == "sample" && deck.titleZh == "样例" && deck.section == "Pre-training")
        #expect(deck.description == "A deck for tests.")
        #expect(deck.cards.map(\.id) == ["zero-stages.c1", "zero-stages.c2", "bubble", "awq", "logs", "code"])
        #expect(deck.cards.map(\.kind) == [.cloze, .cloze, .basic, .choice, .typed, .basic])
        #expect(deck.cards[0].noteID == "zero-stages" && deck.cards[1].noteID == "zero-stages")
        #expect(deck.cards[0].tags == ["demo", "zero", "memory"])
        #expect(deck.cards[0].line == 11)
    }

    @Test func clozeSiblingsHideOneDeletionEach() throws {
        let deck = try #require(DeckParser.parse(sampleDeck, file: "sample.md").deck)
        #expect(deck.cards[0].prompt == "ZeRO-1 shards [...], ZeRO-2 also gradients.")
        #expect(deck.cards[0].answerText == "optimizer states")
        #expect(deck.cards[1].prompt == "ZeRO-1 shards optimizer states, ZeRO-2 also [what backward makes].")
        #expect(deck.cards[1].answerText == "gradients")
    }

    @Test func choicesAndAlternativesAreKept() throws {
        let deck = try #require(DeckParser.parse(sampleDeck, file: "sample.md").deck)
        #expect(
            deck.cards[3].content
                == .choice(
                    question: "Which signal finds AWQ's salient channels?",
                    choices: [
                        Choice(text: "Weight magnitude", isCorrect: false),
                        Choice(text: "Activation magnitude", isCorrect: true),
                        Choice(text: "Hessian diagonal", isCorrect: false),
                    ]))
        #expect(
            deck.cards[4].content
                == .typed(
                    question: "Follow the logs of container web.", answer: "docker logs -f web",
                    alternatives: ["docker logs -f web 2>&1"]))
    }

    @Test func fencedCodeIsOpaqueAndMultiLineAnswersWork() throws {
        let deck = try #require(DeckParser.parse(sampleDeck, file: "sample.md").deck)
        let code = try #require(deck.cards.last)
        #expect(code.answerText == "Use no_sync:\n```python\nwith model.no_sync():\n\n## not-a-card\n    loss.backward()\n```")
        #expect(code.source == "PyTorch docs")
    }

    @Test func frontMatterErrorsNameTheirLine() {
        #expect(DeckParser.parse("## a\nQ: x\nA: y\n", file: "f.md").diagnostics.map(\.message) == ["a deck file must start with front matter"])
        #expect(DeckParser.parse("---\nid: a\n", file: "f.md").diagnostics.map(\.message) == ["front matter is never closed"])
        let result = DeckParser.parse("---\nid: Bad Id\ntitle: T\nsection: S\ncolour: red\ntitle: again\n---\n", file: "f.md")
        #expect(result.deck == nil)
        #expect(
            result.diagnostics.map { "\($0.line):\($0.column): \($0.message)" } == [
                "2:4: invalid deck id 'Bad Id'",
                "5:1: unknown front matter key 'colour'",
                "6:1: front matter key 'title' repeats line 3",
            ])
        #expect(
            DeckParser.parse("---\nid: a\n---\n", file: "f.md").diagnostics.map(\.message)
                == ["front matter has no 'title'", "front matter has no 'section'"])
    }

    @Test func cardStructureErrorsNameTheirLine() {
        #expect(problems("Q: loose\n") == ["6: field before the first card"])
        #expect(problems("## a\nstray text\nQ: x\nA: y\nSource: s\n") == ["7: text outside a field"])
        #expect(problems("## Bad_Id\nQ: x\nA: y\n") == ["6: invalid card id 'Bad_Id'"])
        #expect(problems("## a\nQ: x\nA: y\n## a\nQ: z\nA: w\n") == ["9: card id 'a' is already used on line 6"])
        #expect(problems("## a\nA: y\n") == ["7: card 'a' starts with 'A:'"])
        #expect(problems("## a\nQ: x\n") == ["6: basic card 'a' has no 'A:'"])
        #expect(problems("## a\nQ: x\nA: y\nA: z\n") == ["9: 'A:' repeats line 8"])
        #expect(problems("## a\nQ: x\nA: y\nC: {{z}}\n") == ["9: 'C:' in a card that is already a basic card"])
        #expect(problems("## a\nC: {{x}}\nA: y\n") == ["8: 'A:' does not belong in a cloze card"])
        #expect(problems("## a\nQ: x\nA: y\nAlt: z\n") == ["9: 'Alt:' belongs only in a typed card ('T:')"])
        #expect(problems("## a\nQ:\nA: y\n") == ["7: 'Q:' is empty"])
        #expect(problems("## a\nQ: x\nA: y\n```\ncode\n") == ["9: code fence is never closed"])
    }

    @Test func clozeErrorsNameLineAndColumn() {
        let errors = { (body: String) in
            DeckParser.parse("---\nid: t\ntitle: T\nsection: S\n---\n" + body, file: "t.md").diagnostics
                .filter { $0.severity == .error }.map { "\($0.line):\($0.column): \($0.message)" }
        }
        #expect(errors("## a\nC: no deletion\n") == ["7:1: cloze card has no deletion"])
        #expect(errors("## a\nC: an {{}} gap\n") == ["7:7: empty cloze deletion"])
        #expect(errors("## a\nC: {{a {{b}} c}}\n") == ["7:8: nested cloze deletion", "7:15: '}}' without an opening '{{'"])
        #expect(errors("## a\nC: open {{never\n") == ["7:9: '{{' is never closed on its line"])
        #expect(errors("## a\nC: stray }} here\n") == ["7:10: '}}' without an opening '{{'"])
    }

    @Test func choiceAndTypedErrors() {
        #expect(problems("## a\nM: pick\n- [x] one\n- [ ] two\n") == ["7: multiple-choice card 'a' has 2 choices"])
        #expect(problems("## a\nM: pick\n- [ ] one\n- [ ] two\n- [ ] three\n") == ["7: multiple-choice card 'a' has no correct choice"])
        #expect(problems("## a\nT: type\nA: ls\n-la\n") == ["9: a typed answer must fit on one line"])
        #expect(problems("## a\nQ: x\nA: y\nTags: ok, bad tag\n") == ["9: invalid tag 'bad tag'"])
    }

    @Test func lintsAreWarnings() {
        #expect(problems("## a\nQ: x\nA: y\n", severity: .warning) == ["6: card 'a' has no 'Source:'"])
        #expect(problems("## a\nT: x\nA: ls  -la\nSource: s\n", severity: .warning) == ["8: typed answer has a tab or a doubled space"])
        let long = String(repeating: "x", count: DeckLimits.basicAnswerCharacters + 1)
        #expect(problems("## a\nQ: x\nA: \(long)\nSource: s\n", severity: .warning) == ["8: answer has 401 characters (limit 400)"])
    }

    @Test func invalidUTF8IsReportedAtItsLine() {
        let bytes = Array("---\nid: t\ntitle: T\nsection: S\n---\n## a\nQ: caf".utf8) + [0xC3, 0x28] + Array("\n".utf8)
        let result = DeckParser.parse(bytes: bytes, file: "t.md")
        #expect(result.deck == nil)
        #expect(result.diagnostics.map { "\($0.line):\($0.column)" } == ["7:7"])
        #expect(result.diagnostics.first?.message.hasPrefix("invalid UTF-8") == true)
    }

    @Test func loaderRefusesBothFilesOfADeckIdUsedTwiceAndFlagsRepeatedQuestions() {
        let a = DeckFile(path: "a.md", bytes: Array("---\nid: same\ntitle: A\nsection: S\n---\n## q\nQ: What is ZeRO?\nA: x\nSource: s\n".utf8))
        let b = DeckFile(path: "b.md", bytes: Array("---\nid: same\ntitle: B\nsection: S\n---\n".utf8))
        let c = DeckFile(path: "c.md", bytes: Array("---\nid: other\ntitle: C\nsection: S\n---\n## r\nQ: what is  ZeRO?\nA: y\nSource: s\n".utf8))
        let d = DeckFile(path: "d.md", bytes: Array("---\nid: third\ntitle: D\nsection: S\n---\n## q\nQ: What is ZeRO?\nA: x\nSource: s\n".utf8))
        let result = DeckLoader.load([a, b, c, d])
        #expect(result.decks.map(\.deck.id) == ["other", "third"])
        #expect(Set(result.brokenPaths) == ["a.md", "b.md"])
        #expect(
            result.diagnostics.map { "\($0.file):\($0.line): \($0.message)" }.sorted() == [
                "a.md:1: deck id 'same' is also used by b.md; neither file is loaded and the deck stays as it was",
                "b.md:1: deck id 'same' is also used by a.md; neither file is loaded and the deck stays as it was",
                "d.md:6: card 'q' asks the same question as 'r' (c.md:6)",
            ])
    }

    @Test func theDeckIdRuleHoldsWhenOneOfTheFilesIsUnchangedAndSkipped() {
        let a = DeckFile(path: "a.md", bytes: Array("---\nid: same\ntitle: A\nsection: S\n---\n".utf8))
        let b = DeckFile(path: "b.md", bytes: Array("---\nid: same\ntitle: B\nsection: S\n---\n".utf8))
        // As on the run after a.md was stored: a.md is unchanged and not parsed again.
        let result = DeckLoader.load([a, b], isUnchanged: { path, _ in path == "a.md" }, deckIDOfUnchanged: { $0 == "a.md" ? "same" : nil })
        #expect(result.decks.isEmpty)
        #expect(Set(result.brokenPaths) == ["a.md", "b.md"])
    }

    @Test func aUserDeckWithABundledDecksIdReplacesIt() {
        let bundled = DeckFile(path: "Decks/x.md", bytes: Array("---\nid: x\ntitle: Bundled\nsection: S\n---\n".utf8), isBundled: true)
        let mine = DeckFile(path: "/home/me/decks/x.md", bytes: Array("---\nid: x\ntitle: Mine\nsection: S\n---\n".utf8))
        for order in [[bundled, mine], [mine, bundled]] {
            let result = DeckLoader.load(order)
            #expect(result.decks.map(\.deck.title) == ["Mine"])
            #expect(result.diagnostics.isEmpty)
        }
        let skipped = DeckLoader.load([bundled, mine], isUnchanged: { path, _ in path == mine.path }, deckIDOfUnchanged: { _ in "x" })
        #expect(skipped.decks.isEmpty)
        #expect(skipped.unchangedPaths == [mine.path])
    }

    @Test func unchangedFilesAreNotParsedAgain() {
        let file = DeckFile(path: "a.md", bytes: Array(sampleDeck.utf8))
        let result = DeckLoader.load([file]) { path, hash in path == "a.md" && hash == file.contentHash }
        #expect(result.decks.isEmpty && result.unchangedPaths == ["a.md"])
    }
}
