import Foundation
import RecallCLI
import Testing

let bilingualDeckText = """
    ---
    id: bi
    title: Bilingual
    title_zh: 双语
    section: Pre-training
    section_zh: 大模型的预训练技术
    ---

    ## zero
    C: ZeRO-3 also shards {{parameters}}.
    Why: Each stage shards one more kind of state.
    C.zh: ZeRO-3 还切分{{参数}}。
    Why.zh: 每一阶段多切分一类状态。
    Related: awq
    Source: Rajbhandari et al. (2020), arXiv:1910.02054
    Tags: zero

    ## awq
    M: Which signal finds AWQ's salient channels?
    - [ ] Weight magnitude
    - [x] Activation magnitude
    - [ ] Hessian diagonal
    M.zh: AWQ 用什么信号找出显著通道？
    - [ ] 权重的幅值
    - [x] 激活值的幅值
    - [ ] Hessian 矩阵的对角线
    Source: Lin et al. (2024), arXiv:2306.00978

    ## bubble
    Q: What is the GPipe bubble fraction?
    A: (p-1)/(m+p-1)
    Source: Huang et al. (2019), arXiv:1811.06965
    """

@Suite struct LanguageCommandTests {
    @Test func listJSONShowsTheChinese() throws {
        let sandbox = try Sandbox(decks: ["bi.md": bilingualDeckText])
        let run = sandbox.run(["list", "--json"])
        #expect(run.status == 0, "\(run.errors)")
        let cards = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [[String: Any]])
        let byID = Dictionary(uniqueKeysWithValues: cards.compactMap { card in (card["id"] as? String).map { ($0, card) } })
        let zero = try #require(byID["bi/zero.c1"]?["zh"] as? [String: Any])
        #expect(zero["question"] as? String == "ZeRO-3 还切分[...]。")
        #expect(zero["answer"] as? String == "参数")
        #expect(zero["explanation"] as? String == "每一阶段多切分一类状态。")
        #expect(byID["bi/zero.c1"]?["related"] as? [String] == ["bi/awq"])
        let awq = try #require(byID["bi/awq"]?["zh"] as? [String: Any])
        #expect(awq["answer"] as? String == "激活值的幅值")
        #expect((awq["choices"] as? [[String: Any]])?.compactMap { $0["text"] as? String } == ["权重的幅值", "激活值的幅值", "Hessian 矩阵的对角线"])
        #expect(byID["bi/bubble"]?["zh"] == nil)
        #expect(byID["bi/bubble"]?["related"] == nil)
    }
}

@Suite struct LanguageSettingTests {
    @Test func configSetsTheLanguageAndCommandsFollowIt() throws {
        let sandbox = try Sandbox(decks: ["bi.md": bilingualDeckText])
        #expect(sandbox.run(["config", "get", "language"]).output == "en\n")
        #expect(sandbox.run(["config", "set", "language", "zh"]).output == "language = zh\n")
        #expect(sandbox.run(["config", "get", "language"]).output == "zh\n")
        let bad = sandbox.run(["config", "set", "language", "fr"])
        #expect(bad.status != 0)
        #expect(bad.errors.contains("'fr' is not a valid value for language"))
        let show = sandbox.run(["show", "bi/awq"])
        #expect(
            show.output.hasPrefix(
                """
                bi/awq  [choice]
                Q: AWQ 用什么信号找出显著通道？
                   a. 权重的幅值
                   b. 激活值的幅值  ✓
                   c. Hessian 矩阵的对角线
                A: 激活值的幅值

                """))
        // --lang overrides the setting.
        #expect(sandbox.run(["show", "bi/awq", "--lang", "en"]).output.contains("Q: Which signal finds AWQ's salient channels?\n"))
    }

    @Test func zhNotesAFallbackAndBothIsSilent() throws {
        let sandbox = try Sandbox(decks: ["bi.md": bilingualDeckText])
        let zh = sandbox.run(["show", "bi/bubble", "--lang", "zh"]).output
        #expect(zh.contains("（此卡片暂无中文，以英文显示）\nQ: What is the GPipe bubble fraction?\n"))
        let both = sandbox.run(["show", "bi/bubble", "--lang", "both"]).output
        #expect(!both.contains("此卡片"))
        #expect(both.contains("Q: What is the GPipe bubble fraction?\n"))
        #expect(sandbox.run(["show", "bi/bubble", "--lang", "fr"]).errors.contains("--lang takes en, zh or both, not 'fr'"))
    }

    @Test func reviewInBothAcceptsAChineseClozeAnswer() throws {
        let sandbox = try Sandbox(decks: ["bi.md": bilingualDeckText])
        let run = sandbox.run(["review", "--lang", "both", "--deck", "bi"], input: ["参数", "5"])
        #expect(
            run.output.contains(
                """
                ZeRO-3 还切分[...]。
                ZeRO-3 also shards [...].
                Your answer (Enter reveals): 参数
                ✓ Right.
                Answer: 参数 / parameters
                Why: 每一阶段多切分一类状态。
                Each stage shards one more kind of state.
                """), "\(run.output)")
    }

    @Test func theStudySheetPrintsTheChosenLanguage() throws {
        let sandbox = try Sandbox(decks: ["bi.md": bilingualDeckText])
        let zh = sandbox.run(["export", "--format", "md", "--lang", "zh"]).output
        #expect(zh.contains("**1. ZeRO-3 还切分[…]。**\n\nZeRO-3 还切分**参数**。\n"))
        #expect(zh.contains("- [x] 激活值的幅值\n"))
        #expect(zh.contains("**3. What is the GPipe bubble fraction?** （暂无中文）"))
        let en = sandbox.run(["export", "--format", "md"]).output
        #expect(en.contains("- [x] Activation magnitude\n"))
        #expect(!en.contains("激活值"))
        #expect(sandbox.run(["export", "--format", "tsv", "--lang", "zh"]).status != 0)
    }
}

@Suite struct MapLanguageTests {
    @Test func mapAndDecksFollowTheLanguage() throws {
        let sandbox = try Sandbox(decks: ["bi.md": bilingualDeckText])
        sandbox.run(["grade", "bi/awq", "4"])
        let zh = sandbox.run(["map", "--lang", "zh"]).output
        #expect(zh.contains("大模型的预训练技术 "))
        #expect(zh.contains("- 双语 "))
        #expect(zh.contains("ZeRO "))
        #expect(zh.contains("全部卡组 "))
        let both = sandbox.run(["map", "--lang", "both"]).output
        #expect(both.contains("大模型的预训练技术 · Pre-training "))
        #expect(both.contains("- 双语 · bi "))
        #expect(sandbox.run(["map"]).output.contains("- bi "))
        sandbox.run(["config", "set", "language", "zh"])
        #expect(sandbox.run(["decks"]).output.hasPrefix("大模型的预训练技术\n  bi                             3 cards  双语\n"))
        #expect(
            sandbox.run(["decks", "--lang", "en"]).output.hasPrefix("Pre-training · 大模型的预训练技术\n  bi                             3 cards  Bilingual · 双语\n"))
    }

    @Test func chineseLabelsAreCountedTwoColumnsWide() throws {
        let sandbox = try Sandbox(decks: ["bi.md": bilingualDeckText])
        let lines = sandbox.run(["map", "--lang", "zh"]).output.split(separator: "\n")
        // Every row's count column starts at the same terminal column, whatever the label's script.
        let rows = lines.filter { $0.contains("/") && !$0.contains("mastery") }
        let columns = Set(
            rows.map { row in
                row.prefix { $0 != "/" }.reduce(0) {
                    $0 + ($1.unicodeScalars.first.map { (0x2E80...0x9FFF).contains($0.value) || (0xFF00...0xFF60).contains($0.value) } == true ? 2 : 1)
                }
            })
        #expect(rows.count >= 3)
        #expect(columns.count == 1, "\(rows)")
    }
}

@Suite struct ChineseExchangeTests {
    @Test func anAnkiPackageCarriesTheChineseBackIntoADeckFile() throws {
        let source = try Sandbox(decks: ["bi.md": bilingualDeckText])
        let package = source.root.appending(path: "bi.apkg").path
        #expect(source.run(["export", "-o", package]).status == 0)
        let target = try Sandbox(decks: [:])
        let run = target.run(["import", package, "--deck-id", "again"])
        #expect(run.status == 0, "\(run.errors)")
        let database = try target.database()
        let zero = try #require(try database.card(id: "again/zero.c1")).card
        #expect(zero.chinese?.clozeText == "ZeRO-3 还切分{{参数}}。")
        #expect(zero.chinese?.explanation == "每一阶段多切分一类状态。")
        // Anki has no multiple-choice notes: the choice card comes back as a basic card, in both languages, its
        // options in the order the export fixes for this card (the deck file lists the right one first).
        let awq = try #require(try database.card(id: "again/awq")).card
        #expect(awq.chinese?.question == "AWQ 用什么信号找出显著通道？\n\na. Hessian 矩阵的对角线\nb. 权重的幅值\nc. 激活值的幅值")
        #expect(awq.chinese?.answer == "c. 激活值的幅值")
        #expect(try database.card(id: "again/bubble")?.card.chinese == nil)
        let written = try String(contentsOf: target.deckFolder.appending(path: "again.md"), encoding: .utf8)
        #expect(written.contains("C.zh: ZeRO-3 还切分{{参数}}。\nWhy.zh: 每一阶段多切分一类状态。\n"))
        #expect(target.run(["check", "--strict", target.deckFolder.appending(path: "again.md").path]).status == 0)
    }
}

@Suite struct LanguageBackupTests {
    @Test func aBackupKeepsTheLanguageSetting() throws {
        let source = try Sandbox(decks: ["bi.md": bilingualDeckText])
        source.run(["config", "set", "language", "both"])
        let backup = source.root.appending(path: "backup.json").path
        #expect(source.run(["export", "-o", backup]).status == 0)
        let text = try String(contentsOfFile: backup, encoding: .utf8)
        #expect(text.contains("\"language\" : \"both\""))
        let target = try Sandbox(decks: ["bi.md": bilingualDeckText])
        #expect(target.run(["import", backup]).status == 0)
        #expect(target.run(["config", "get", "language"]).output == "both\n")
    }
}

@Suite struct BilingualCheckTests {
    let englishOnly = """
        ---
        id: plain
        title: Plain
        section: Mine
        ---

        ## q
        Q: What does DDP all-reduce?
        A: Gradients.
        Source: PyTorch docs
        """

    /// `recall check` with `bundled` standing in for the decks compiled into the binary.
    func check(_ arguments: [String], bundled: [(name: String, bytes: [UInt8])], sandbox: Sandbox) -> (status: Int32, errors: String) {
        let console = ScriptedConsole(input: [], isTerminal: false)
        let context = RecallContext(
            console: console, environment: sandbox.environment, clock: { Date(timeIntervalSince1970: 0) },
            timeZone: TimeZone(identifier: "UTC")!, bundledDeckFiles: bundled)
        return (RecallCommand.run(["check"] + arguments, in: context), console.errors)
    }

    @Test func missingChineseIsRequiredOfBundledDecksAndOfOthersOnlyWithBilingual() throws {
        let sandbox = try Sandbox(decks: ["plain.md": englishOnly])
        #expect(sandbox.run(["check", "--strict"]).status == 0)
        let strict = sandbox.run(["check", "--strict", "--bilingual"])
        #expect(strict.status == 1)
        #expect(strict.errors.contains("card 'q': no Chinese for 'Q:', 'A:'"))
        let asBundled = englishOnly.replacingOccurrences(of: "id: plain", with: "id: shipped")
        let run = check(["--strict"], bundled: [("shipped.md", Array(asBundled.utf8))], sandbox: sandbox)
        #expect(run.status == 1)
        #expect(run.errors.contains("Decks/shipped.md:7:1: error: card 'q': no Chinese for 'Q:', 'A:'"))
        #expect(!run.errors.contains("plain.md:7:1: error: card 'q': no Chinese"))
    }
}
