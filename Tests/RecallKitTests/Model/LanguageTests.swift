import Testing

@testable import RecallKit

@Suite struct LanguageTests {
    let cards: [Card] = DeckParser.parse(bilingualDeck, file: "bi.md").deck?.cards ?? []
    func card(_ id: String) -> Card? { cards.first { $0.id == id } }

    @Test func englishIsTheCardAsWritten() throws {
        let bubble = try #require(card("bubble"))
        let text = bubble.text(in: .en)
        #expect(text.prompt == "What is the GPipe bubble fraction?")
        #expect(text.answer == "(p − 1) / (m + p − 1)")
        #expect(!text.fellBackToEnglish)
    }

    @Test func chineseReplacesEachFieldThatHasChinese() throws {
        let zero = try #require(card("zero-stages.c2")).text(in: .zh)
        #expect(zero.prompt == "ZeRO-1 切分优化器状态，ZeRO-2 还切分[...]。")
        #expect(zero.answer == "梯度")
        #expect(zero.explanation == "每一阶段多切分一类状态。")
        #expect(!zero.fellBackToEnglish)
        let awq = try #require(card("awq")).text(in: .zh)
        #expect(awq.choices.map(\.text) == ["权重的幅值", "激活值的幅值", "Hessian 矩阵的对角线"])
        #expect(awq.choices.map(\.isCorrect) == [false, true, false])
        #expect(awq.answer == "激活值的幅值")
    }

    @Test func bothShowsChineseThenEnglish() throws {
        let bubble = try #require(card("bubble")).text(in: .both)
        #expect(bubble.prompt == "GPipe 的气泡比例是多少？\nWhat is the GPipe bubble fraction?")
        // The same text in both languages is shown once.
        #expect(bubble.answer == "(p − 1) / (m + p − 1)")
        let awq = try #require(card("awq")).text(in: .both)
        #expect(awq.choices[1].text == "激活值的幅值 / Activation magnitude")
        let zero = try #require(card("zero-stages.c1")).text(in: .both)
        #expect(zero.answer == "优化器状态 / optimizer states")
        // A longer answer takes a line for each language.
        var long = try #require(card("bubble"))
        long.content = .basic(question: "Q?", answer: String(repeating: "word ", count: 12) + "end")
        long.chinese?.answer = "一个比较长的中文答案，足以换行显示"
        #expect(long.text(in: .both).answer == "一个比较长的中文答案，足以换行显示\n" + String(repeating: "word ", count: 12) + "end")
    }

    @Test func missingChineseFallsBackWithANoteOnlyInZh() throws {
        // `bubble` has no Why.zh but no Why either; `awq` has no explanation; make one without Chinese at all.
        let plain = Card(deckID: "d", id: "q", noteID: "q", content: .basic(question: "Why?", answer: "Because."), explanation: "So.")
        #expect(plain.text(in: .zh).prompt == "Why?")
        #expect(plain.text(in: .zh).explanation == "So.")
        #expect(plain.text(in: .zh).fellBackToEnglish)
        #expect(plain.text(in: .both).prompt == "Why?")
        #expect(!plain.text(in: .both).fellBackToEnglish)
        var partial = plain
        partial.chinese = CardTranslation(question: "为什么？", answer: "因为。")
        #expect(partial.text(in: .zh).prompt == "为什么？")
        #expect(partial.text(in: .zh).explanation == "So.")
        #expect(partial.text(in: .zh).fellBackToEnglish)
    }

    @Test func aTypedCommandIsNoFallbackAndATermIsAccepted() throws {
        let logs = try #require(card("logs"))
        #expect(logs.text(in: .zh).answer == "docker logs -f web")
        #expect(!logs.text(in: .zh).fellBackToEnglish)
        #expect(logs.acceptedAnswers == ["docker logs -f web"])
        let tp = try #require(card("tp"))
        #expect(tp.text(in: .both).answer == "张量并行 / tensor parallelism")
        #expect(tp.acceptedAnswers == ["tensor parallelism", "张量并行"])
        #expect(try #require(card("zero-stages.c1")).acceptedAnswers == ["optimizer states", "优化器状态"])
    }

    @Test func theLanguageSettingParses() throws {
        #expect(try Settings.parseLanguage(" ZH ") == .zh)
        #expect(throws: Settings.LanguageError.self) { try Settings.parseLanguage("fr") }
        #expect(Settings().language == .en)
    }
}
