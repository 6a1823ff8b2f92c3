import Testing

@testable import RecallKit

private func choices(_ right: String, _ wrong: String...) -> [Choice] {
    [Choice(text: right, isCorrect: true)] + wrong.map { Choice(text: $0, isCorrect: false) }
}

/// The content warnings for one deck file `body` (under a fixed front matter), as `line: message`.
private func lint(_ body: String, requireChinese: Bool = false) -> [String] {
    let text = "---\nid: t\ntitle: T\nsection: S\n---\n" + body
    let parsed = DeckParser.parse(text, file: "t.md")
    guard let deck = parsed.deck else { return parsed.diagnostics.map(\.message) }
    let loaded = LoadedDeck(deck: deck, path: "t.md", contentHash: "")
    return ContentLinter.lint([loaded], options: .init(requireChinese: { _ in requireChinese })).map { "\($0.line): \($0.message)" }
}

@Suite struct ChoiceShapeTests {
    @Test func theLongestRightOptionIsFoundTiesIncluded() {
        #expect(ChoiceShape.rightIsLongest(choices("abcd", "abc", "ab")))
        #expect(ChoiceShape.rightIsLongest(choices("abc", "abc", "ab")))
        #expect(!ChoiceShape.rightIsLongest(choices("abc", "abc", "abc")))
        #expect(!ChoiceShape.rightIsLongest(choices("ab", "abc", "a")))
        // Two right options: not a single-answer card, so not counted.
        #expect(
            !ChoiceShape.rightIsLongest([
                Choice(text: "long one", isCorrect: true), Choice(text: "longer one", isCorrect: true),
                Choice(text: "x", isCorrect: false),
            ]))
        // CJK characters weigh two columns: 4 ideographs (8) beat 7 letters.
        #expect(ChoiceShape.rightIsLongest(choices("张量并行", "tensors", "abc")))
    }

    @Test func farLongerMeansMoreThanOneAndAHalfTimesEveryDistractor() {
        #expect(ChoiceShape.rightIsFarLonger(choices(String(repeating: "a", count: 16), "aaaaaaaaaa", "aaa")))
        #expect(!ChoiceShape.rightIsFarLonger(choices(String(repeating: "a", count: 15), "aaaaaaaaaa", "aaa")))
        #expect(!ChoiceShape.rightIsFarLonger(choices("a", "aaaaaaaaaa")))
    }

    @Test func qualifiersAreWholeWordsOrParentheses() {
        #expect(ChoiceShape.hasQualifier("Faster, but only on GPUs"))
        #expect(ChoiceShape.hasQualifier("It shards the states (not the weights)"))
        #expect(ChoiceShape.hasQualifier("At most two stages"))
        #expect(ChoiceShape.hasQualifier("通常更快"))
        #expect(!ChoiceShape.hasQualifier("Butterfly all-reduce"))
        #expect(!ChoiceShape.hasQualifier("The commonly used layout"))
        #expect(ChoiceShape.rightIsOnlyQualified(choices("Faster, but only on GPUs", "Slower", "The same")))
        #expect(!ChoiceShape.rightIsOnlyQualified(choices("Faster, but only on GPUs", "Slower (always)", "The same")))
    }

    @Test func theTallyCountsSingleAnswerCardsOnly() {
        var tally = ChoiceShape.Tally()
        tally.add(choices("the longest one", "short", "tiny"))
        tally.add(choices("a", "bb", "ccc"))
        tally.add(choices("x (only here)", "yyyyyyyyyyyyyyyyy", "z"))
        tally.add([Choice(text: "a", isCorrect: true), Choice(text: "b", isCorrect: true), Choice(text: "c", isCorrect: false)])
        #expect(tally.singleAnswer == 3)
        #expect(tally.longest == 1)
        #expect(tally.onlyQualified == 1)
        #expect(tally.longestShare == 1.0 / 3.0)
    }

    @Test func aDeckOverTheSharesIsReportedAndSoIsAFarLongerAnswer() {
        let deck = """
            ## one
            M: First?
            - [x] The right answer, which is long
            - [ ] A wrong answer
            - [ ] Another wrong

            ## two
            M: Second?
            - [ ] Wrong
            - [x] Right
            - [ ] Wrong too
            """
        #expect(
            lint(deck) == [
                "1: deck 't': the right option is the longest in 1 of 2 single-answer cards (50%; at most 40% per deck)",
                "6: card 'one': the right option is more than 1.5× as long as every distractor",
                "1: choices of the checked decks: the right option is the longest in 1 of 2 single-answer cards (50%; at most 30% across the decks)",
            ])
    }
}

@Suite struct TranslationLintTests {
    @Test func missingChineseIsReportedOnlyWhenRequired() {
        let deck = """
            ## b
            Q: Why?
            A: Because.
            Why: An explanation.
            Q.zh: 为什么？
            """
        #expect(lint(deck) == [])
        #expect(lint(deck, requireChinese: true) == ["6: card 'b': no Chinese for 'A:', 'Why:'"])
        #expect(
            lint(
                """
                ## m
                M: Which?
                - [x] a
                - [ ] bb
                - [ ] ccc
                """, requireChinese: true) == ["6: card 'm': no Chinese for 'M:' (or its choices)"])
        #expect(
            lint(
                """
                ## t
                T: Follow the logs of web.
                A: docker logs -f web
                T.zh: 持续查看 web 的日志。
                """, requireChinese: true) == [])
    }

    @Test func codeMustStayAsInEnglish() {
        #expect(
            lint(
                """
                ## b
                Q: What does `model.no_sync()` skip?
                A: The all-reduce.
                Q.zh: `model.no_sync（）` 跳过什么？
                A.zh: 跳过 all-reduce。
                """) == ["6: card 'b': the Chinese 'Q.zh:' lacks `model.no_sync()` and adds `model.no_sync（）` compared with the English"])
        #expect(
            lint(
                """
                ## b
                Q: How?
                A: Run:
                ```sh
                nvidia-smi -L
                ```
                Q.zh: 怎么做？
                A.zh: 运行：
                ```sh
                nvidia-smi -l
                ```
                """) == ["6: card 'b': the Chinese 'A.zh:' lacks `nvidia-smi -L` and adds `nvidia-smi -l` compared with the English"])
    }

    @Test func untranslatedEnglishIsFound() {
        #expect(
            lint(
                """
                ## b
                Q: Why?
                A: Because.
                Why: Each stage shards one more kind of state across the ranks.
                Q.zh: 为什么？
                A.zh: 因为。
                Why.zh: 每一阶段 shards one more kind of state across the ranks。
                """) == ["6: card 'b': the Chinese 'Why.zh:' holds untranslated English: 'shards one more kind of state across the ranks'"])
        #expect(
            lint(
                """
                ## m
                M: Which?
                - [x] Activation magnitude of the channel
                - [ ] Weights
                - [ ] Hessian
                M.zh: 哪个？
                - [x] Activation magnitude of the channel
                - [ ] 权重
                - [ ] Hessian 矩阵
                """
            ).contains("6: card 'm': the Chinese choice 1 holds untranslated English: 'Activation magnitude of the channel'"))
        // Terms engineers say in English, formulas, code and quoted titles are fine.
        #expect(
            lint(
                """
                ## b
                Q: What is the bubble fraction?
                A: (p − 1) / (m + p − 1)
                Why: See "Attention Is All You Need For Pipeline Bubbles" and run `torch distributed run with many flags`.
                Q.zh: 气泡比例（bubble fraction）是多少？
                A.zh: (p − 1) / (m + p − 1)
                Why.zh: 见 "Attention Is All You Need For Pipeline Bubbles"，并运行 `torch distributed run with many flags`。
                """) == [])
    }
}

@Suite struct ClozeOrderLintTests {
    @Test func chineseDeletionsOutOfTheEnglishOrderAreReported() {
        // The Chinese word order put the duration first: deletion 1 would accept "24 小时" for "99.3%".
        #expect(
            lint(
                """
                ## g
                C: Guanaco reached {{99.3%}} of ChatGPT after {{24 hours}} of tuning.
                C.zh: Guanaco 微调 {{24 小时}}后达到 ChatGPT 的 {{99.3%}}。
                """) == [
                    "6: card 'g': Chinese deletion 1 '24 小时' does not hold the numbers of English deletion 1 '99.3%'",
                    "6: card 'g': Chinese deletion 2 '99.3%' does not hold the numbers of English deletion 2 '24 hours'",
                ])
        #expect(
            lint(
                """
                ## g
                C: Guanaco reached {{99.3%}} of ChatGPT after {{24 hours}} of tuning.
                C.zh: Guanaco 达到 ChatGPT 的 {{99.3%}}，只需微调 {{24 小时}}。
                """) == [])
    }
}

@Suite struct RelatedLintTests {
    @Test func aRelatedNameMustExistInALoadedDeck() {
        #expect(
            lint(
                """
                ## a
                Q: A?
                A: a.
                Related: b, missing, other-deck/x

                ## b
                Q: B?
                A: b.
                """) == ["6: card 'a': related card 't/missing' is not in deck 't'"])
    }
}

@Suite struct TextWidthTests {
    @Test func cjkTakesTwoColumns() {
        #expect(TextWidth.columns("abc") == 3)
        #expect(TextWidth.columns("张量并行") == 8)
        #expect(TextWidth.columns("张量并行 (TP)") == 13)
        #expect(TextWidth.columns("，。") == 4)
        #expect(TextWidth.columns("e\u{301}") == 1)
        #expect(TextWidth.truncate("张量并行策略", to: 7) == "张量并…")
        #expect(TextWidth.truncate("short", to: 7) == "short")
        #expect(TextWidth.padded("张量", to: 6) == "张量  ")
    }
}
