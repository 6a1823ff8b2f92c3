import Testing

@testable import RecallKit

/// Tables for the classes of right answer the grader used to reject (glossary terms, bounds, Chinese
/// numerals, basic cards that start with a quantity, formulas in another order, or-lists, values of
/// sizes and durations, explicit defaults, Python signatures). Every row is a new example written for
/// these tests, with the wrong neighbours (another term, number, unit, flag or value) that must still fail.
@Suite struct GraderClassTests {
    typealias Outcome = AnswerGrader.Outcome

    func basic(_ answer: String, question: String = "Q?") -> Card {
        Card(deckID: "d", id: "c", noteID: "c", content: .basic(question: question, answer: answer))
    }

    // MARK: The glossary

    /// A glossary of its own, so that these rows do not change when the bundled one grows.
    static let glossary = TermGlossary(
        """
        # a comment
        tensor parallelism | TP | 张量并行 | 张量模型并行
        pipeline parallelism | PP | 流水线并行
        data parallelism | DP | 数据并行
        key-value cache | KV cache | 键值缓存
        prefix tuning | 前缀微调
        prefix turning | 前缀转向
        mixed precision | 混合精度
        """)

    @Test(arguments: [
        // Another name of the same concept, either way round, in English, Chinese or as the acronym.
        ("张量并行", "tensor parallelism", Outcome.right),
        ("TP", "tensor parallelism", .right),
        ("tensor parallelism", "张量并行", .right),
        ("张量模型并行", "TP", .right),
        ("Tensor-Parallelism", "张量并行", .right),
        ("the KV cache", "key-value cache", .right),
        ("键值 缓存", "KV cache", .right),
        ("使用 张量并行", "使用 tensor parallelism", .right),
        ("LoRA混合精度", "LoRA mixed precision", .right),
        // Another concept of the glossary is wrong, however close.
        ("数据并行", "tensor parallelism", .wrong),
        ("流水线并行", "张量并行", .wrong),
        ("PP", "tensor parallelism", .wrong),
        ("pipeline parallelism", "TP", .wrong),
        ("DP", "张量并行", .wrong),
        // Whole words only: a longer word that contains a name is not the name.
        ("TPU", "tensor parallelism", .wrong),
        ("DPO", "data parallelism", .wrong),
        ("张量并行度", "tensor parallelism", .wrong),
        ("KV", "key-value cache", .wrong),
        // The rest of the answer still counts.
        ("张量并行 and PP", "tensor parallelism", .wrong),
        ("sequence parallelism", "TP", .wrong),
    ])
    func glossaryNames(given: String, reference: String, outcome: Outcome) {
        #expect(AnswerGrader.grade(given, accepted: [reference], as: .text, glossary: Self.glossary).outcome == outcome)
    }

    @Test func thePartlyRuleNeverCrossesTwoTermsOfTheGlossary() {
        // One letter from `tuning`, but `prefix turning` is a term of its own: wrong, not a slip.
        #expect(AnswerGrader.grade("prefix turning", accepted: ["prefix tuning"], as: .text, glossary: Self.glossary).outcome == .wrong)
        // Without that line it is a slip in a long word.
        #expect(AnswerGrader.grade("prefix turning", accepted: ["prefix tuning"], as: .text, glossary: TermGlossary("")).outcome == .partly)
        // A misspelt name is no term: still a slip.
        #expect(AnswerGrader.grade("tensor paralelism", accepted: ["tensor parallelism"], as: .text, glossary: Self.glossary).outcome == .partly)
    }

    @Test func aNameOfTwoConceptsIsDroppedFromBothAndReported() {
        let glossary = TermGlossary(
            """
            tensor parallelism | TP | 张量并行
            throughput | TP | 吞吐量
            single
            """)
        #expect(glossary.problems.map(\.line) == [2, 3])
        #expect(glossary.problems[0].description.contains("'TP' is also a name of 'tensor parallelism'"))
        #expect(AnswerGrader.grade("TP", accepted: ["tensor parallelism"], as: .text, glossary: glossary).outcome == .wrong)
        #expect(AnswerGrader.grade("TP", accepted: ["throughput"], as: .text, glossary: glossary).outcome == .wrong)
        #expect(AnswerGrader.grade("吞吐量", accepted: ["throughput"], as: .text, glossary: glossary).outcome == .right)
        #expect(AnswerGrader.grade("张量并行", accepted: ["throughput"], as: .text, glossary: glossary).outcome == .wrong)
    }

    @Test func aLineWithOneNameIsReported() {
        let glossary = TermGlossary("quantization\n# fine\nquantization | 量化\n")
        #expect(glossary.problems.count == 1)
        #expect(glossary.problems.first?.line == 1)
        #expect(glossary.problems.first?.description.hasPrefix("TermGlossaryTable.swift: glossary line 1: ") == true)
    }

    @Test func theBundledGlossaryReadsWithoutProblems() {
        #expect(TermGlossary.bundled.problems == [])
        #expect(TermGlossary.bundled.canonicalNames.count >= 10)
    }

    // MARK: Numbers: bounds, Chinese numerals, a word of the question

    @Test(arguments: [
        ("fewer than 20", "< 20", Outcome.right),
        ("under 20", "< 20", .right),
        ("<20", "< 20", .right),
        ("少于 20", "< 20", .right),
        ("less than 20", "fewer than 20", .right),
        ("at least 4", "≥ 4", .right),
        ("不少于4", ">= 4", .right),
        ("4", ">= 4", .right),
        // Another bound or another number is wrong.
        ("more than 20", "< 20", .wrong),
        ("at most 20", "< 20", .wrong),
        ("fewer than 21", "< 20", .wrong),
        ("超过 20", "< 20", .wrong),
        ("at most 4", ">= 4", .wrong),
    ])
    func bounds(given: String, reference: String, outcome: Outcome) {
        #expect(AnswerGrader.grade(given, accepted: [reference], as: .number).outcome == outcome)
    }

    @Test func aBoundTheQuestionAlreadySaysIsTheNumber() {
        let question = "Paging keeps the memory wasted per sequence under [...] of its KV cache."
        #expect(AnswerGrader.grade("under 3%", accepted: ["3%"], as: .number, question: question).outcome == .right)
        #expect(AnswerGrader.grade("over 3%", accepted: ["3%"], as: .number, question: question).outcome == .wrong)
        #expect(AnswerGrader.grade("under 3%", accepted: ["3%"], as: .number, question: "How much memory is wasted?").outcome == .wrong)
    }

    @Test(arguments: [
        ("两倍", "2×", Outcome.right),
        ("三倍", "2×", .wrong),
        ("十秒", "10 s", .right),
        ("十分钟", "10 s", .wrong),
        ("一天", "24 hours", .right),
        ("两天", "24 hours", .wrong),
        ("三个小时", "3 hours", .right),
        ("三万五千", "35,000", .right),
        ("三万", "35,000", .wrong),
        ("一百零五", "105", .right),
        ("一百五", "150", .right),
        ("一百五", "105", .wrong),
        ("三万五", "35,000", .right),
        ("十二", "12", .right),
        ("二十", "12", .wrong),
        ("一亿两千万", "120M", .right),
        ("a single", "1", .right),
        ("two", "1", .wrong),
    ])
    func chineseNumeralsAndNumberWords(given: String, reference: String, outcome: Outcome) {
        #expect(AnswerGrader.grade(given, accepted: [reference], as: .number).outcome == outcome)
    }

    @Test func aChineseNumeralBeforeAWordIsNoNumber() {
        #expect(NumberAnswer.parse("一致") == nil)
        #expect(NumberAnswer.parse("一二") == nil)
        #expect(NumberAnswer.parse("两倍")?.value == 2)
    }

    @Test(arguments: [
        ("port 8265", "Which port does the dashboard listen on?", Outcome.right),
        ("port 8266", "Which port does the dashboard listen on?", .wrong),
        ("Port 8265", "On which port does the dashboard listen?", .right),
        ("host 8265", "Which port does the dashboard listen on?", .wrong),
        ("port 8265", "Where does the dashboard listen?", .wrong),
    ])
    func aWordOfTheQuestionBeforeTheNumber(given: String, question: String, outcome: Outcome) {
        #expect(AnswerGrader.grade(given, accepted: ["8265"], as: .number, question: question).outcome == outcome)
    }

    // MARK: Basic cards that answer with a quantity, then a sentence about it

    @Test func aBasicAnswerThatStartsWithAQuantityIsANumber() {
        let card = basic("About 153 FLOP/byte. Below that a kernel is memory-bound on this GPU.")
        #expect(AnswerGrader.mode(for: card) == .automatic(.number))
        #expect(AnswerGrader.grade("~153 FLOP/byte", for: card)?.outcome == .right)
        #expect(AnswerGrader.grade("153 FLOPs per byte", for: card)?.outcome == .right)
        #expect(AnswerGrader.grade("about 153", for: card)?.outcome == .right)
        #expect(AnswerGrader.grade("about 295", for: card)?.outcome == .wrong)
        #expect(AnswerGrader.grade("153 GB", for: card)?.outcome == .wrong)
        // In Chinese too, and one interview and review share the rule.
        let chinese = basic("约 12 ms。这是读一遍权重的时间。")
        #expect(AnswerGrader.mode(for: chinese) == .automatic(.number))
        #expect(AnswerGrader.grade("12 毫秒", for: chinese)?.outcome == .right)
        #expect(AnswerGrader.grade("120 毫秒", for: chinese)?.outcome == .wrong)
        // A sentence that does not start with a quantity, and a long explanation, stay open.
        #expect(AnswerGrader.mode(for: basic("It is memory-bound below 153 FLOP/byte.")) != .automatic(.number))
        let long = "About 153 FLOP/byte. " + String(repeating: "Below that the kernel waits on memory. ", count: 5)
        #expect(AnswerGrader.mode(for: basic(long)) == .selfGraded)
        // A question that asks two things wants the second answered too: self-graded.
        let two = basic(
            "96 slots per expert. The token that overflows skips the expert.",
            question: "What is each expert's capacity, and what happens to the token that overflows?")
        #expect(AnswerGrader.mode(for: two) == .selfGraded)
    }

    // MARK: Formulas with whole terms or factors in another order

    @Test(arguments: [
        ("h^2 + hd", ["hd + h²"], Outcome.right),
        ("h^2 + h", ["hd + h²"], .wrong),
        ("h^2 - hd", ["hd + h²"], .wrong),
        ("EP × DP", ["DP × EP"], .right),
        ("EP x DP", ["DP × EP"], .right),
        ("EP × TP", ["DP × EP"], .wrong),
        ("EP + DP", ["DP × EP"], .wrong),
        ("(b - a) * k", ["k · (b − a)"], .right),
        ("k(b - a)", ["k · (b − a)"], .right),
        ("k · b − a", ["k · (b − a)"], .wrong),
        ("(a - b) * k", ["k · (b − a)"], .wrong),
        ("xU ⊙ GELU(xW)", ["GELU(xW) ⊙ xU"], .right),
        ("xW ⊙ GELU(xU)", ["GELU(xW) ⊙ xU"], .wrong),
        ("n/m", ["m/n"], .wrong),
        ("a - b", ["b - a"], .wrong),
        ("2^k", ["k^2"], .wrong),
    ])
    func formulasInAnotherOrder(given: String, accepted: [String], outcome: Outcome) {
        #expect(AnswerGrader.grade(given, accepted: accepted, as: .text).outcome == outcome)
    }

    // MARK: Lists joined by "or"

    @Test(arguments: [
        ("8 or 4", "4 or 8", Outcome.right),
        ("recall or precision", "precision or recall", .right),
        ("recall and precision", "precision or recall", .wrong),
        ("4 and 8", "4 or 8", .wrong),
        ("8 or 2", "4 or 8", .wrong),
    ])
    func orLists(given: String, reference: String, outcome: Outcome) {
        #expect(AnswerGrader.grade(given, accepted: [reference], as: .text).outcome == outcome)
    }

    // MARK: Commands: sizes, durations, the home folder, explicit defaults

    @Test(arguments: [
        ("find /ckpt -size +2048M", ["find /ckpt -size +2G"], Outcome.right),
        ("find /ckpt -size +2097152k", ["find /ckpt -size +2G"], .right),
        ("find /ckpt -size +2049M", ["find /ckpt -size +2G"], .wrong),
        ("find /ckpt -size -2048M", ["find /ckpt -size -2G"], .wrong),
        ("find /ckpt -size +2g", ["find /ckpt -size +2G"], .wrong),
        ("docker logs --since 1800s api", ["docker logs --since 30m api"], .right),
        ("docker logs --since 0.5h api", ["docker logs --since 30m api"], .right),
        ("docker logs --since 1800 api", ["docker logs --since 30m api"], .wrong),
        ("docker logs --since 30s api", ["docker logs --since 30m api"], .wrong),
        ("docker logs --until 30m api", ["docker logs --since 30m api"], .wrong),
        ("kubectl logs --since=3600s trainer-0", ["kubectl logs --since=1h trainer-0"], .right),
        ("kubectl logs --since=1h30m trainer-0", ["kubectl logs --since=1h trainer-0"], .wrong),
        ("ls $HOME/.cache", ["ls ~/.cache"], .right),
        ("ls \"$HOME/.cache\"", ["ls ~/.cache"], .right),
        ("ls ${HOME}/.cache", ["ls ~/.cache"], .right),
        ("ls '$HOME/.cache'", ["ls ~/.cache"], .wrong),
        ("ls \"~/.cache\"", ["ls ~/.cache"], .wrong),
        ("ls $HOME/.config", ["ls ~/.cache"], .wrong),
        ("ls $HOMEDIR/.cache", ["ls ~/.cache"], .wrong),
        ("torchrun --nnodes=1 --nproc_per_node=4 train.py", ["torchrun --nproc_per_node=4 train.py"], .right),
        ("torchrun --nnodes=1 --node_rank=0 --nproc_per_node=4 train.py", ["torchrun --nproc_per_node=4 train.py"], .right),
        ("torchrun --nnodes=2 --nproc_per_node=4 train.py", ["torchrun --nproc_per_node=4 train.py"], .wrong),
        ("torchrun --node-rank=1 --nproc_per_node=4 train.py", ["torchrun --nproc_per_node=4 train.py"], .wrong),
        ("HEALTHCHECK --retries=3 CMD pg_isready", ["HEALTHCHECK CMD pg_isready"], .right),
        ("HEALTHCHECK --interval=0.5m CMD pg_isready", ["HEALTHCHECK CMD pg_isready"], .right),
        ("HEALTHCHECK --interval=10s CMD pg_isready", ["HEALTHCHECK CMD pg_isready"], .wrong),
        ("HEALTHCHECK --retries=5 CMD pg_isready", ["HEALTHCHECK CMD pg_isready"], .wrong),
        ("HEALTHCHECK --timeout=30s CMD pg_isready", ["HEALTHCHECK --timeout=10s CMD pg_isready"], .wrong),
        // PyPI names are case-insensitive; another package or version is not.
        ("pip install Flash-Attn", ["pip install flash-attn"], .right),
        ("pip install flash-attn==2.5.0", ["pip install flash-attn==2.6.0"], .wrong),
        ("pip install flash-attention", ["pip install flash-attn"], .wrong),
        ("pip uninstall -y BitsAndBytes", ["pip uninstall -y bitsandbytes"], .right),
    ])
    func commandValues(given: String, accepted: [String], outcome: Outcome) {
        #expect(AnswerGrader.grade(given, accepted: accepted, as: .command).outcome == outcome)
    }

    // MARK: Python calls bound by their signature

    @Test(arguments: [
        ("get_peft_model(model=base, peft_config=cfg)", ["get_peft_model(base, cfg)"], Outcome.right),
        ("get_peft_model(base, peft_config=cfg)", ["get_peft_model(base, cfg)"], .right),
        ("get_peft_model(peft_config=cfg, model=base)", ["get_peft_model(base, cfg)"], .right),
        ("get_peft_model(base, cfg, adapter_name=\"default\")", ["get_peft_model(base, cfg)"], .right),
        ("get_peft_model(cfg, base)", ["get_peft_model(base, cfg)"], .wrong),
        ("get_peft_model(model=cfg, peft_config=base)", ["get_peft_model(base, cfg)"], .wrong),
        ("get_peft_model(base, cfg, adapter_name=\"sql\")", ["get_peft_model(base, cfg)"], .wrong),
        ("PeftModel.from_pretrained(base, model_id=\"out/adapter\")", ["PeftModel.from_pretrained(base, \"out/adapter\")"], .right),
        ("PeftModel.from_pretrained(base, model_id=\"out/other\")", ["PeftModel.from_pretrained(base, \"out/adapter\")"], .wrong),
        ("awq_model.quantize(tok, qcfg)", ["awq_model.quantize(tok, quant_config=qcfg)"], .right),
        ("awq_model.quantize(qcfg, tok)", ["awq_model.quantize(tok, quant_config=qcfg)"], .wrong),
        ("ctx.persist(\"./index\")", ["ctx.persist(persist_dir=\"./index\")"], .right),
        ("ctx.persist(\"./cache\")", ["ctx.persist(persist_dir=\"./index\")"], .wrong),
        ("torch.amp.autocast(\"cuda\", dtype=torch.float16)", ["torch.autocast(device_type=\"cuda\", dtype=torch.float16)"], .right),
        ("torch.amp.autocast(\"cpu\", dtype=torch.float16)", ["torch.autocast(device_type=\"cuda\", dtype=torch.float16)"], .wrong),
        ("torch.cuda.amp.autocast(dtype=torch.float16)", ["torch.autocast(device_type=\"cuda\", dtype=torch.float16)"], .wrong),
    ])
    func pythonSignatures(given: String, accepted: [String], outcome: Outcome) {
        #expect(AnswerGrader.grade(given, accepted: accepted, as: .command).outcome == outcome)
    }

    // MARK: Config fragments: one setting in its forms

    @Test(arguments: [
        // The same setting in JSON, YAML or key=value form, or inside its enclosing block.
        ("overlap_comm: true", ["\"overlap_comm\": true"], "Q?", Outcome.right),
        ("\"zero_optimization\": {\"overlap_comm\": true}", ["\"overlap_comm\": true"], "Q?", .right),
        ("{\"overlap_comm\": true}", ["\"overlap_comm\": true"], "Q?", .right),
        ("\"zero_optimization\": {\"overlap_comm\": false}", ["\"overlap_comm\": true"], "Q?", .wrong),
        ("\"zero_optimization\": {\"contiguous_gradients\": true}", ["\"overlap_comm\": true"], "Q?", .wrong),
        ("\"train_batch_size\": 64.0", ["\"train_batch_size\": 64"], "Q?", .right),
        ("\"train_batch_size\": 32", ["\"train_batch_size\": 64"], "Q?", .wrong),
        // The key with the value the card asks for.
        ("\"pin_memory\": true", ["true"], "What does `pin_memory` need to be for faster copies?", .right),
        ("\"pin_memory\": false", ["true"], "What does `pin_memory` need to be for faster copies?", .wrong),
        ("\"offload\": true", ["true"], "What does `pin_memory` need to be for faster copies?", .wrong),
        ("\"device\": \"cpu\"", ["cpu"], "Which `device` value of offload_optimizer keeps states in host RAM?", .right),
        ("\"device\": \"nvme\"", ["cpu"], "Which `device` value of offload_optimizer keeps states in host RAM?", .wrong),
        ("lora_dropout=0.05", ["0.05"], "Which lora_dropout does the recipe use?", .right),
        ("lora_dropout=0.1", ["0.05"], "Which lora_dropout does the recipe use?", .wrong),
        // The key the card asks for, written with a value.
        ("\"steps_per_print\": 10", ["steps_per_print"], "Which DeepSpeed config key sets how often to log?", .right),
        ("\"wall_clock_breakdown\": true", ["steps_per_print"], "Which DeepSpeed config key sets how often to log?", .wrong),
        // A keyword argument keeps Python's meaning: a string is not a variable.
        ("device=cpu", ["device=\"cpu\""], "Q?", .wrong),
        ("device='cpu'", ["device=\"cpu\""], "Q?", .right),
    ])
    func configFragments(given: String, accepted: [String], question: String, outcome: Outcome) {
        let kind = AnswerGrader.classify(accepted[0])
        #expect(AnswerGrader.grade(given, accepted: accepted, as: kind, question: question).outcome == outcome)
    }

    @Test func aContextManagerIsUsedWithWith() {
        #expect(AnswerGrader.grade("with torch.no_grad():", accepted: ["torch.no_grad()"], as: .command).outcome == .right)
        #expect(AnswerGrader.grade("with torch.enable_grad():", accepted: ["torch.no_grad()"], as: .command).outcome == .wrong)
    }

    // MARK: Notation: subscripts, braces, a rate per second

    @Test(arguments: [
        ("W_q x", ["W_q·x"], Outcome.right),
        ("Wq x", ["W_q·x"], .right),
        ("W_k x", ["W_q·x"], .wrong),
        ("b_1 + b_2", ["b₁ + b₂"], .right),
        ("b_1 + b_3", ["b₁ + b₂"], .wrong),
        ("Σ w_i", ["sum(w_i)"], .right),
        ("e^{-x}", ["e^(-x)"], .right),
        ("e^{x}", ["e^(-x)"], .wrong),
    ])
    func notation(given: String, accepted: [String], outcome: Outcome) {
        #expect(AnswerGrader.grade(given, accepted: accepted, as: .text).outcome == outcome)
    }

    @Test(arguments: [
        ("900 GB per second", "900 GB/s", Outcome.right),
        ("1.2 TB per second", "1.2 TB/s", .right),
        ("900 GB per minute", "900 GB/s", .wrong),
        ("900 Gb per second", "900 GB/s", .wrong),
        ("800 GB per second", "900 GB/s", .wrong),
    ])
    func ratesPerSecond(given: String, reference: String, outcome: Outcome) {
        #expect(AnswerGrader.grade(given, accepted: [reference], as: .number).outcome == outcome)
    }
}

/// The kinds of wrong answer a blind answer set found accepted (each row a new example): an optional
/// flag turned off, the None of an in-place call assigned, a setting named with the value that turns it
/// off, a formula with a factor left out, and an answer finer than the reference's rounded form.
@Suite struct WrongAnswerClassTests {
    typealias Outcome = AnswerGrader.Outcome

    @Test(arguments: [
        ("kubectl rollout status deploy/api", "kubectl rollout status deploy/api --watch", Outcome.right),
        ("kubectl rollout status deploy/api", "kubectl rollout status deploy/api --watch=true", .right),
        ("kubectl rollout status deploy/api", "kubectl rollout status deploy/api --watch=false", .wrong),
    ])
    func anOptionalFlagGivenAnotherValueIsAnotherCommand(reference: String, given: String, expected: Outcome) {
        #expect(AnswerGrader.grade(given, accepted: [reference], as: .command).outcome == expected, "\(given)")
    }

    @Test(arguments: [
        ("dist.broadcast(x, src=0)", "dist.broadcast(x, src=0)", Outcome.right),
        ("dist.broadcast(x, src=0)", "x = dist.broadcast(x, src=0)", .wrong),
        ("faiss.normalize_L2(vectors)", "vectors = faiss.normalize_L2(vectors)", .wrong),
    ])
    func assigningWhatAnInPlaceCallReturnsIsWrong(reference: String, given: String, expected: Outcome) {
        let question = "Broadcast tensor x (or normalise vectors) in place, as the card asks."
        #expect(AnswerGrader.grade(given, accepted: [reference], as: .command, question: question).outcome == expected, "\(given)")
    }

    @Test(arguments: [("use_dora=True", Outcome.right), ("use_dora", .right), ("use_dora=False", .wrong), ("use_dora = 0", .wrong)])
    func aSettingNamedWithTheValueThatTurnsItOffIsWrong(given: String, expected: Outcome) {
        let question = "Which LoraConfig parameter turns on DoRA?"
        #expect(AnswerGrader.grade(given, accepted: ["use_dora"], as: .text, question: question).outcome == expected, "\(given)")
    }

    @Test(arguments: [
        ("2bsh(p − 1)/p", "2bsh(p-1)/p", Outcome.right),
        ("2bsh(p − 1)/p", "2bsh", .wrong),
        ("2bsh(p − 1)/p", "2bsh/p", .wrong),
        ("6Nd/P", "6Nd/P", .right),
        ("6Nd/P", "6Nd", .wrong),
    ])
    func aFormulaWithAFactorLeftOutIsWrong(reference: String, given: String, expected: Outcome) {
        #expect(AnswerGrader.grade(given, accepted: [reference], as: AnswerGrader.classify(reference)).outcome == expected, "\(given)")
    }

    @Test(arguments: [("1.25 s", Outcome.right), ("1.3 s", .right), ("1,250 ms", .right), ("1.27 s", .wrong), ("1.2 s", .wrong)])
    func anAnswerFinerThanTheRoundedFormMeetsTheExactOne(given: String, expected: Outcome) {
        #expect(AnswerGrader.grade(given, accepted: ["1,250 ms ≈ 1.3 s"], as: .number).outcome == expected, "\(given)")
    }
}

extension WrongAnswerClassTests {
    /// A multiple-choice card answered with an option's text: in English or in the card's own Chinese.
    @Test(arguments: [
        ("Activation magnitude", Outcome.right), ("激活值的幅值", .right), ("激活值 的 幅值", .right), ("b", .right),
        ("权重的幅值", .wrong), ("Weight magnitude", .wrong), ("幅值", .wrong), ("a", .wrong),
    ])
    func aChoiceNamedByItsTextInEitherLanguage(given: String, expected: Outcome) {
        var card = Card(
            deckID: "d", id: "awq", noteID: "awq",
            content: .choice(
                question: "Which signal finds AWQ's salient channels?",
                choices: [
                    Choice(text: "Weight magnitude", isCorrect: false), Choice(text: "Activation magnitude", isCorrect: true),
                    Choice(text: "Hessian diagonal", isCorrect: false),
                ]))
        card.chinese = CardTranslation(
            question: "AWQ 用什么信号找出显著通道？",
            choices: [
                Choice(text: "权重的幅值", isCorrect: false), Choice(text: "激活值的幅值", isCorrect: true), Choice(text: "Hessian 矩阵的对角线", isCorrect: false),
            ])
        #expect(AnswerGrader.grade(given, for: card)?.outcome == expected, "\(given)")
    }
}

extension WrongAnswerClassTests {
    /// A pasted line far longer than any accepted answer (2 MB here) is wrong without being read as a
    /// command, a number and prose, each of which would cost its length again.
    @Test func anAnswerManyTimesLongerThanTheReferenceIsWrongAtOnce() {
        let reference = "docker logs -f web"
        let pasted = "docker logs -f web " + String(repeating: "x", count: 2_000_000)
        #expect(AnswerGrader.grade(pasted, accepted: [reference], as: .command).outcome == .wrong)
        #expect(AnswerGrader.grade(String(repeating: "parameters ", count: 200_000), accepted: ["parameters"], as: .text).outcome == .wrong)
        // Up to the floor, a long answer is still read: a right one padded with spaces passes.
        #expect(AnswerGrader.grade(reference + String(repeating: " ", count: 500), accepted: [reference], as: .command).outcome == .right)
    }
}
