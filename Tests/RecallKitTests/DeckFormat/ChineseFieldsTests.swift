import Testing

@testable import RecallKit

/// A deck with every kind of card in both languages, as docs/deck-format.md shows them.
let bilingualDeck = """
    ---
    id: bi
    title: Bilingual
    section: Pre-training
    ---

    ## zero-stages
    C: ZeRO-1 shards {{optimizer states}}, ZeRO-2 also {{gradients}}.
    Why: Each stage shards one more kind of state.
    C.zh: ZeRO-1 切分{{优化器状态}}，ZeRO-2 还切分{{梯度}}。
    Why.zh: 每一阶段多切分一类状态。
    Related: bubble, other-deck/ddp-basics
    Source: Rajbhandari et al. (2020), arXiv:1910.02054

    ## bubble
    Q: What is the GPipe bubble fraction?
    A: (p − 1) / (m + p − 1)
    Q.zh: GPipe 的气泡比例是多少？
    A.zh: (p − 1) / (m + p − 1)
    Source: Huang et al. (2019)

    ## awq
    M: Which signal finds AWQ's salient channels?
    - [ ] Weight magnitude
    - [x] Activation magnitude
    - [ ] Hessian diagonal
    M.zh: AWQ 用什么信号找出显著通道？
    - [ ] 权重的幅值
    - [x] 激活值的幅值
    - [ ] Hessian 矩阵的对角线
    Source: Lin et al. (2024)

    ## tp
    T: Which parallelism splits each weight matrix across GPUs?
    A: tensor parallelism
    T.zh: 哪种并行把每个权重矩阵切分到多张 GPU 上？
    A.zh: 张量并行
    Source: Shoeybi et al. (2019)

    ## logs
    T: Follow the logs of container web.
    A: docker logs -f web
    T.zh: 持续查看容器 web 的日志。
    Source: Docker docs
    """

@Suite struct ChineseFieldsTests {
    @Test func parsesEveryChineseField() throws {
        let result = DeckParser.parse(bilingualDeck, file: "bi.md")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let cards = try #require(result.deck?.cards)
        #expect(cards.map(\.id) == ["zero-stages.c1", "zero-stages.c2", "bubble", "awq", "tp", "logs"])

        #expect(cards[0].chinese?.clozeText == "ZeRO-1 切分{{优化器状态}}，ZeRO-2 还切分{{梯度}}。")
        #expect(cards[0].promptZh == "ZeRO-1 切分[...]，ZeRO-2 还切分梯度。")
        #expect(cards[1].answerTextZh == "梯度")
        #expect(cards[0].chinese?.explanation == "每一阶段多切分一类状态。")
        #expect(cards[1].chinese == cards[0].chinese)

        #expect(cards[2].promptZh == "GPipe 的气泡比例是多少？")
        #expect(cards[2].answerTextZh == "(p − 1) / (m + p − 1)")
        #expect(cards[2].chinese?.explanation == nil)

        let awq = try #require(cards[3].chinese)
        #expect(awq.question == "AWQ 用什么信号找出显著通道？")
        #expect(
            awq.choices == [
                Choice(text: "权重的幅值", isCorrect: false), Choice(text: "激活值的幅值", isCorrect: true),
                Choice(text: "Hessian 矩阵的对角线", isCorrect: false),
            ])
        guard case .choice(_, let english) = cards[3].content else {
            Issue.record("not a choice card")
            return
        }
        #expect(english.map(\.text) == ["Weight magnitude", "Activation magnitude", "Hessian diagonal"])
        #expect(cards[3].answerTextZh == "激活值的幅值")

        #expect(cards[4].promptZh == "哪种并行把每个权重矩阵切分到多张 GPU 上？")
        #expect(cards[4].chinese?.answer == "张量并行")
        #expect(cards[5].chinese?.answer == nil)
        #expect(cards[5].answerText == "docker logs -f web")
    }

    @Test func parsesRelatedAsQualifiedNotes() throws {
        let cards = try #require(DeckParser.parse(bilingualDeck, file: "bi.md").deck?.cards)
        #expect(cards[0].related == ["bi/bubble", "other-deck/ddp-basics"])
        #expect(cards[1].related == cards[0].related)
        #expect(cards[2].related.isEmpty)
    }

    @Test func aCardWithoutChineseHasNone() throws {
        let cards = try #require(DeckParser.parse(sampleDeck, file: "sample.md").deck?.cards)
        #expect(cards.allSatisfy { $0.chinese == nil && $0.promptZh == nil && $0.answerTextZh == nil })
    }

    @Test func clozeDeletionsMustMatch() {
        #expect(
            problems(
                """
                ## c
                C: {{one}} and {{two}}
                C.zh: {{一}}和二
                """) == ["8: 'C.zh:' has 1 deletion, 'C:' has 2"])
        #expect(
            problems(
                """
                ## c
                C: {{one}}
                C.zh: {{一
                """) == ["8: '{{' is never closed on its line"])
    }

    @Test func chineseChoicesMustMirrorTheEnglish() {
        #expect(
            problems(
                """
                ## m
                M: Which?
                - [x] a
                - [ ] b
                - [ ] c
                M.zh: 哪个？
                - [x] 甲
                """) == ["11: 'M.zh:' has 1 choice, 'M:' has 3"])
        #expect(
            problems(
                """
                ## m
                M: Which?
                - [x] a
                - [ ] b
                - [ ] c
                M.zh: 哪个？
                - [ ] 甲
                - [x] 乙
                - [ ] 丙
                """) == [
                    "12: Chinese choice is marked wrong but English choice on line 8 is right",
                    "13: Chinese choice is marked right but English choice on line 9 is wrong",
                ])
        #expect(
            problems(
                """
                ## m
                M: Which?
                - [x] a
                - [ ] b
                - [ ] c
                M.zh: 哪个？
                - [x] 甲
                - [ ] \u{20}
                - [ ] 丙
                """) == ["13: empty choice"])
    }

    @Test func chineseFieldsBelongToTheirKind() {
        #expect(
            problems(
                """
                ## b
                Q: Why?
                A: Because.
                C.zh: {{因为}}
                """) == ["9: 'C.zh:' does not belong in a basic card"])
        #expect(
            problems(
                """
                ## c
                C: {{x}}
                Q.zh: 为什么？
                """) == ["8: 'Q.zh:' does not belong in a cloze card"])
        #expect(
            problems(
                """
                ## m
                M: Which?
                - [x] a
                - [ ] b
                - [ ] c
                A.zh: 甲
                """) == ["11: 'A.zh:' does not belong in a choice card"])
        #expect(
            problems(
                """
                ## q
                Q.zh: 为什么？
                A: Because.
                """) == ["7: card 'q' starts with 'Q.zh:'"])
        #expect(
            problems(
                """
                ## b
                Q: Why?
                A: Because.
                Q.zh: 为什么？
                Q.zh: 为何？
                """) == ["10: 'Q.zh:' repeats line 9"])
    }

    @Test func chineseNeedsItsEnglishField() {
        #expect(
            problems(
                """
                ## b
                Q: Why?
                A: Because.
                Why.zh: 解释。
                """) == ["9: 'Why.zh:' without 'Why:'"])
        #expect(
            problems(
                """
                ## b
                Q: Why?
                Q.zh: 为什么？
                A.zh: 因为。
                """) == ["6: basic card 'b' has no 'A:'", "9: 'A.zh:' without 'A:'"])
    }

    @Test func aTypedChineseAnswerIsOneTerm() {
        #expect(
            problems(
                """
                ## t
                T: Which parallelism?
                A: tensor parallelism
                A.zh: 张量并行
                  也叫模型并行
                """) == ["10: a typed answer must fit on one line"])
        #expect(
            problems(
                """
                ## t
                T: Which parallelism?
                A: tensor parallelism
                A.zh:
                """) == ["9: 'A.zh:' is empty"])
    }

    @Test func chineseFieldsFollowTheEnglish() {
        #expect(
            problems(
                """
                ## b
                Q: Why?
                Q.zh: 为什么？
                A: Because.
                A.zh: 因为。
                Source: test
                """, severity: .warning) == ["9: 'A:' comes after the Chinese field 'Q.zh:' on line 8"])
    }

    @Test func relatedNamesAreChecked() {
        #expect(
            problems(
                """
                ## b
                Q: Why?
                A: Because.
                Related: Other Card, a/b/c, , b, x/y
                """) == ["9: invalid related card 'Other Card'", "9: invalid related card 'a/b/c'", "9: card 'b' is related to itself"])
        #expect(
            problems(
                """
                ## b
                Q: Why?
                A: Because.
                Related: t/b
                """) == ["9: card 't/b' is related to itself"])
    }
}

@Suite struct ChineseStorageTests {
    @Test func theDatabaseKeepsChineseAndRelated() throws {
        let db = try RecallDatabase.inMemory()
        try db.synchronize(DeckLoader.load([DeckFile(path: "bi.md", bytes: Array(bilingualDeck.utf8))]))
        let parsed = try #require(DeckParser.parse(bilingualDeck, file: "bi.md").deck?.cards)
        let stored = try db.cards().map(\.card)
        #expect(stored.map(\.chinese) == parsed.map(\.chinese))
        #expect(stored.map(\.related) == parsed.map(\.related))
        #expect(try db.card(id: "bi/awq")?.card.chinese?.choices.map(\.text) == ["权重的幅值", "激活值的幅值", "Hessian 矩阵的对角线"])
    }

    @Test func aBackupCarriesChineseAndRelated() throws {
        let db = try RecallDatabase.inMemory()
        try db.synchronize(DeckLoader.load([DeckFile(path: "bi.md", bytes: Array(bilingualDeck.utf8))]))
        let backup = Backup(try db.exchangeSnapshot())
        let cards = backup.decks.flatMap(\.cards)
        #expect(cards.first { $0.id == "tp" }?.chinese?.answer == "张量并行")
        #expect(cards.first { $0.id == "zero-stages.c1" }?.related == ["bi/bubble", "other-deck/ddp-basics"])
        #expect(cards.first { $0.id == "bubble" }?.related == nil)
    }
}
