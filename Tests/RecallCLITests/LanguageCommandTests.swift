import Foundation
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
