import Foundation
import Testing

@testable import RecallKit

/// TSV and CSV carry the Chinese in the columns `Front.zh`, `Back.zh` and `Explanation.zh`
/// after the tags, named by a `#columns:` header; an old file without them still imports.
@Suite struct ChineseDelimitedTextTests {
    /// A typed card with an accepted Chinese answer and a basic card with every Chinese field.
    let typedAndBasic = """
        ---
        id: tz
        title: Typed
        section: Parallelism
        ---

        ## tp
        T: Which parallelism splits each weight matrix of a layer across GPUs?
        A: tensor parallelism
        T.zh: 哪种并行方式把一层的每个权重矩阵切分到多张 GPU 上？
        A.zh: 张量并行
        Source: Shoeybi et al. (2019), arXiv:1909.08053

        ## kv
        Q: What does the KV cache hold?
        A: The keys and values of the tokens so far.
        Why: So that decoding does not compute them again.
        Q.zh: KV cache 里存的是什么？
        A.zh: 到目前为止各个 token 的 key 和 value。
        Why.zh: 这样 decode 时就不必重新计算它们。
        Source: Kwon et al. (2023), arXiv:2309.06180
        """

    func path(_ sandbox: Sandbox, _ name: String) -> String { sandbox.root.appending(path: name).path }

    @Test func exportPutsTheChineseInColumnsOfItsOwnAndLeavesThemEmptyWithout() throws {
        let sandbox = try Sandbox(decks: ["bi.md": bilingualDeckText])
        let tsv = sandbox.run(["export", "--format", "tsv"]).output
        #expect(tsv.contains("#tags column:6\n#columns:guid\tnotetype\tdeck\tFront\tBack\ttags\tFront.zh\tBack.zh\tExplanation.zh\n"))
        #expect(tsv.contains("\tZeRO-3 还切分{{c1::参数}}。\t\t每一阶段多切分一类状态。\n"))
        #expect(tsv.contains("\tAWQ 用什么信号找出显著通道？<br><br>a. Hessian 矩阵的对角线<br>b. 权重的幅值<br>c. 激活值的幅值\tc. 激活值的幅值\t\n"))
        let bubble = try #require(tsv.split(separator: "\n").first { $0.hasPrefix("recall:bi/bubble\t") })
        #expect(bubble.split(separator: "\t", omittingEmptySubsequences: false).count == 9)
        #expect(bubble.hasSuffix("\t\t\t"))
        let csv = sandbox.run(["export", "--format", "csv"]).output
        #expect(csv.contains("#columns:guid,notetype,deck,Front,Back,tags,Front.zh,Back.zh,Explanation.zh\n"))
        #expect(csv.contains(",ZeRO-3 还切分{{c1::参数}}。,,每一阶段多切分一类状态。\n"))
    }

    @Test(arguments: ["tsv", "csv"])
    func exportThenImportKeepsTheChinese(_ format: String) throws {
        let source = try Sandbox(decks: ["bi.md": bilingualDeckText, "tz.md": typedAndBasic])
        let file = path(source, "both.\(format)")
        #expect(source.run(["export", "--format", format, "-o", file]).status == 0)
        let target = try Sandbox(decks: [:])
        let run = target.run(["import", file, "--deck-id", "again"])
        #expect(run.status == 0, "\(run.errors)")
        let database = try target.database()
        let zero = try #require(try database.card(id: "again/zero.c1")).card
        #expect(zero.chinese == CardTranslation(clozeText: "ZeRO-3 还切分{{参数}}。", explanation: "每一阶段多切分一类状态。"))
        // Multiple choice comes back as a basic card, as from the apkg: the options in the export's order for this
        // card (not the deck file's, which puts the right one first), lettered, and the right one.
        let awq = try #require(try database.card(id: "again/awq")).card
        #expect(
            awq.chinese
                == CardTranslation(
                    question: "AWQ 用什么信号找出显著通道？\n\na. Hessian 矩阵的对角线\nb. 权重的幅值\nc. 激活值的幅值",
                    answer: "c. 激活值的幅值"))
        #expect(try database.card(id: "again/bubble")?.card.chinese == nil)
        let tp = try #require(try database.card(id: "again/tp")).card
        #expect(
            tp.content
                == .typed(question: "Which parallelism splits each weight matrix of a layer across GPUs?", answer: "tensor parallelism", alternatives: []))
        #expect(tp.chinese == CardTranslation(question: "哪种并行方式把一层的每个权重矩阵切分到多张 GPU 上？", answer: "张量并行"))
        let kv = try #require(try database.card(id: "again/kv")).card
        #expect(kv.explanation == "So that decoding does not compute them again.")
        #expect(
            kv.chinese
                == CardTranslation(
                    question: "KV cache 里存的是什么？", answer: "到目前为止各个 token 的 key 和 value。",
                    explanation: "这样 decode 时就不必重新计算它们。"))
        let written = try String(contentsOf: target.deckFolder.appending(path: "again.md"), encoding: .utf8)
        #expect(written.contains("A.zh: 张量并行\n"))
        #expect(target.run(["check", target.deckFolder.appending(path: "again.md").path]).status == 0)
    }

    @Test func anEnglishOnlyFileFromBeforeTheChineseColumnsStillImports() throws {
        let sandbox = try Sandbox(decks: [:])
        let file = path(sandbox, "old.tsv")
        let old = """
            #separator:tab
            #html:true
            #guid column:1
            #notetype column:2
            #deck column:3
            #tags column:6
            recall:sample/bubble\tBasic\tRecall::Pre-training::Sample deck\tWhat is the GPipe bubble fraction?\t(p-1)/(m+p-1)<br><br>Source: Huang et al. (2019)\tbubble
            recall:sample/zero\tCloze\tRecall::Pre-training::Sample deck\tZeRO-3 also shards {{c1::parameters}}.\t\tzero

            """
        try Data(old.utf8).write(to: URL(fileURLWithPath: file))
        let run = sandbox.run(["import", file, "--deck-id", "old"])
        #expect(run.status == 0, "\(run.errors)")
        let cards = try sandbox.database().cards(deckID: "old").map(\.card)
        #expect(cards.map(\.id) == ["bubble", "zero.c1"])
        #expect(cards[0].content == .basic(question: "What is the GPipe bubble fraction?", answer: "(p-1)/(m+p-1)"))
        #expect(cards[0].tags == ["bubble"])
        #expect(cards.allSatisfy { $0.chinese == nil })
    }

    func expectRefused(_ text: String, named name: String, _ message: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let sandbox = try Sandbox(decks: [:])
        let file = path(sandbox, name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        let run = sandbox.run(["import", file, "--deck-id", "bad"])
        #expect(run.status == 1, sourceLocation: sourceLocation)
        #expect(run.errors.contains(message), "\(run.errors)", sourceLocation: sourceLocation)
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.deckFolder.path).isEmpty, sourceLocation: sourceLocation)
    }

    @Test func aRowWhoseChineseColumnsDoNotLineUpNamesTheFileAndLine() throws {
        let header =
            "#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n#deck column:3\n#tags column:6\n"
            + "#columns:guid\tnotetype\tdeck\tFront\tBack\ttags\tFront.zh\tBack.zh\tExplanation.zh\n"
        let good = "recall:d/a\tBasic\tD\tWhat is TP?\tTensor parallelism\ttp\t什么是 TP？\t张量并行\t\n"
        // A tab lost in the second row: eight fields where the header names nine.
        try expectRefused(
            header + good + "recall:d/b\tBasic\tD\tWhat is PP?\tPipeline parallelism\tpp\t什么是 PP？\t流水线并行\n",
            named: "short.tsv", "short.tsv:9: the row has 8 field(s) but #columns names 9")
        // A Chinese explanation with an unquoted comma: one field too many.
        let csvHeader = header.replacingOccurrences(of: "#separator:tab", with: "#separator:comma").replacingOccurrences(of: "\t", with: ",")
        try expectRefused(
            csvHeader + "recall:d/a,Basic,D,What is TP?,Tensor parallelism,tp,什么是 TP？,张量并行,按层切分,再 all-reduce\n",
            named: "long.csv", "long.csv:8: the row has 10 field(s) but #columns names 9")
        let twice = header.replacingOccurrences(of: "Explanation.zh", with: "Back.zh")
        try expectRefused(twice + good, named: "twice.tsv", "twice.tsv:7: #columns names the Chinese column 'Back.zh' twice")
    }
}
