import Testing

@testable import RecallKit

@Suite struct AnswerGraderTests {
    typealias Outcome = AnswerGrader.Outcome

    func typed(_ answer: String, _ alternatives: [String] = [], question: String = "Q?", grading: GradeSpec? = nil) -> Card {
        Card(deckID: "d", id: "c", noteID: "c", content: .typed(question: question, answer: answer, alternatives: alternatives), grading: grading)
    }

    func basic(_ answer: String, question: String = "Q?") -> Card {
        Card(deckID: "d", id: "c", noteID: "c", content: .basic(question: question, answer: answer))
    }

    // MARK: Which cards are graded, and as what

    @Test func oneRuleSaysWhichCardsAreAutoGraded() {
        #expect(AnswerGrader.mode(for: typed("docker logs -f web")) == .automatic(.command))
        #expect(AnswerGrader.mode(for: typed("4.125")) == .automatic(.number))
        #expect(AnswerGrader.mode(for: typed("PromptEncoderConfig")) == .automatic(.text))
        #expect(AnswerGrader.mode(for: basic("About 40%.")) == .automatic(.number))
        #expect(AnswerGrader.mode(for: basic("The root rank")) == .automatic(.text))
        #expect(AnswerGrader.mode(for: basic("It shards the optimizer states across the data-parallel ranks, so each keeps 1/N of them.")) == .selfGraded)
        #expect(AnswerGrader.mode(for: typed("4.125", grading: GradeSpec(kind: .self))) == .selfGraded)
        let choice = Card(
            deckID: "d", id: "m", noteID: "m",
            content: .choice(
                question: "?",
                choices: [
                    Choice(text: "x", isCorrect: true), Choice(text: "y", isCorrect: false), Choice(text: "z", isCorrect: false),
                ]))
        #expect(AnswerGrader.mode(for: choice) == .automatic(.choice))
        #expect(AnswerGrader.grade("anything", for: basic(String(repeating: "long answer ", count: 10))) == nil)
    }

    // MARK: Commands

    @Test(arguments: [
        // The issue's examples: the one differing character is the point of the card.
        ("tar -xzf ckpt.tar.gz ckpt/", ["tar -czf ckpt.tar.gz ckpt/"], Outcome.wrong),
        ("kubectl logs -f trainer-0", ["kubectl logs --previous trainer-0"], .wrong),
        ("docker logs --follow web", ["docker logs -f web"], .right),
        ("nvidia-smi topo --matrix", ["nvidia-smi topo -m"], .right),
        ("dcgmi discovery --list", ["dcgmi discovery -l"], .right),
        ("docker logs --tail=100 web", ["docker logs --tail 100 web"], .right),
        ("docker logs --tail 100 web", ["docker logs --tail=100 web"], .right),
        // Bundles, order, quoting, the container form, sudo.
        ("tar -c -v -z -f ckpt.tar.gz ckpt", ["tar czf ckpt.tar.gz ckpt/"], .right),
        ("docker container run --rm -ti ubuntu bash", ["docker run -it --rm ubuntu bash"], .right),
        ("docker run ubuntu bash -it --rm", ["docker run -it --rm ubuntu bash"], .wrong),
        ("grep -rn 'CUDA out of memory' logs", ["grep -nr \"CUDA out of memory\" logs/"], .right),
        ("grep -rn CUDA out of memory logs", ["grep -rn \"CUDA out of memory\" logs/"], .wrong),
        ("find . -name *.pt", ["find . -name '*.pt'"], .wrong),
        ("sudo nvidia-smi -pm 1", ["nvidia-smi --persistence-mode=ENABLED"], .right),
        ("kill -s KILL 42", ["kill -9 42"], .right),
        ("pkill -f train.py", ["pkill -TERM -f train.py"], .right),
        ("pkill -9 -f train.py", ["pkill -f train.py"], .wrong),
        ("kubectl -n ml get po", ["kubectl get pods --namespace=ml"], .right),
        ("kubectl describe pod/trainer-0", ["kubectl describe pods trainer-0"], .right),
        ("kubectl exec -it trainer-0 bash", ["kubectl exec -it trainer-0 -- bash"], .wrong),
        ("rsync -a --partial --progress src/ host:/dst/", ["rsync -aP src/ host:/dst/"], .right),
        ("rsync -aP src host:/dst/", ["rsync -aP src/ host:/dst/"], .wrong),
        ("torchrun --nproc-per-node 8 --standalone train.py", ["torchrun --standalone --nproc_per_node=8 train.py"], .right),
        ("torchrun --standalone train.py --nproc_per_node=8", ["torchrun --standalone --nproc_per_node=8 train.py"], .wrong),
        ("vllm serve m --tensor_parallel_size=4", ["vllm serve m -tp 4"], .right),
        ("vllm serve m --gpu-memory-utilization .80", ["vllm serve m --gpu-memory-utilization 0.8"], .right),
        ("conda env create --file=env.yml", ["conda env create -f env.yml"], .right),
        ("poetry add pytest -G dev", ["poetry add --group dev pytest"], .right),
        ("pip3 install -U torch", ["pip install --upgrade torch"], .right),
        ("ss -plnt", ["ss -tlnp"], .right),
        ("ls -al /data", ["ls -la /data"], .right),
        ("du -hd1 /data", ["du -h --max-depth=1 /data"], .right),
        ("top -bn1", ["top -b -n 1"], .right),
        ("tail -F x.log", ["tail -f x.log"], .wrong),
        ("netstat --numeric --listening --tcp --program", ["netstat -tlnp"], .right),
        // Dockerfile instructions.
        (
            "run --mount=target=/root/.cache/pip,type=cache pip install --requirement r.txt",
            ["RUN --mount=type=cache,target=/root/.cache/pip pip install -r r.txt"], .right
        ),
        ("COPY --from builder /opt/venv /opt/venv", ["COPY --from=builder /opt/venv /opt/venv"], .wrong),
        ("ENV A 1", ["ENV A=1"], .right),
        ("CMD [\"python\", \"app.py\"]", ["CMD [\"python\",\"app.py\"]"], .right),
        ("CMD python app.py", ["CMD [\"python\", \"app.py\"]"], .wrong),
        // SQL.
        ("create extension if not exists vector", ["CREATE EXTENSION IF NOT EXISTS vector;"], .right),
        // A pasted prompt, variables for one command, a `--` that protects nothing.
        ("$ docker ps -a", ["docker ps -a"], .right),
        ("NCCL_DEBUG=INFO CUDA_VISIBLE_DEVICES=0 python train.py", ["CUDA_VISIBLE_DEVICES=0 NCCL_DEBUG=INFO python train.py"], .right),
        ("CUDA_VISIBLE_DEVICES=1 python train.py", ["CUDA_VISIBLE_DEVICES=0 python train.py"], .wrong),
        ("grep -rn -- \"OOM\" logs/", ["grep -rn OOM logs/"], .right),
        ("grep -rn -- -v logs/", ["grep -rn -v logs/"], .wrong),
        ("nvidia-smi --query-gpu=name --format=noheader,csv", ["nvidia-smi --query-gpu=name --format=csv,noheader"], .right),
    ])
    func commands(_ given: String, _ accepted: [String], _ expected: Outcome) {
        #expect(AnswerGrader.grade(given, accepted: accepted, as: .command).outcome == expected)
    }

    @Test(arguments: [
        ("torch.autocast(device_type=\"cuda\", dtype=torch.float16)", ["torch.autocast(device_type=\"cuda\", dtype=torch.bfloat16)"], Outcome.wrong),
        ("bnb_4bit_quant_type=\"fp4\"", ["bnb_4bit_quant_type=\"nf4\""], .wrong),
        ("dist.init_process_group(backend=\"gloo\")", ["dist.init_process_group(backend=\"nccl\")"], .wrong),
        ("torch.distributed.init_process_group('nccl')", ["dist.init_process_group(backend=\"nccl\")"], .right),
        ("LoraConfig(lora_alpha=16, r=8)", ["LoraConfig(r=8, lora_alpha=16)"], .right),
        ("LoraConfig(r=8, lora_alpha=8)", ["LoraConfig(r=8, lora_alpha=16)"], .wrong),
        ("dist.all_reduce(t, op=dist.ReduceOp.SUM)", ["dist.all_reduce(t)"], .right),
        ("x = f(a, b)", ["f(a, b)"], .right),
        ("f(a, b)", ["x = f(a, b)"], .wrong),
        ("f(b, a)", ["f(a, b)"], .wrong),
        ("peft.get_peft_model(model, config)", ["get_peft_model(model, config)"], .right),
        ("index.train(xt)", ["train(xt)"], .wrong),
        ("index.nprobe=16", ["index.nprobe = 16"], .right),
        ("index.nlist = 16", ["index.nprobe = 16"], .wrong),
        ("set hnsw.ef_search = 100", ["SET hnsw.ef_search = 100;"], .right),
        ("SET hnsw.ef_construction = 100;", ["SET hnsw.ef_search = 100;"], .wrong),
    ])
    func pythonCalls(_ given: String, _ accepted: [String], _ expected: Outcome) {
        #expect(AnswerGrader.grade(given, accepted: accepted, as: .command).outcome == expected)
    }

    @Test func noPartialCreditForCommands() {
        let result = AnswerGrader.grade("docker logs --folow web", accepted: ["docker logs --follow web"], as: .command)
        #expect(result.outcome == .wrong)
        #expect(result.diff == "docker logs --fo[+l]low web")
    }

    @Test func aCardListsItsOwnAliases() {
        let spec = GradeSpec(kind: .command, aliases: [["--follow", "--tail-forever"]])
        let card = typed("mytool logs --follow web", grading: spec)
        #expect(AnswerGrader.grade("mytool logs --tail-forever web", for: card)?.outcome == .right)
        #expect(AnswerGrader.grade("mytool logs --tail web", for: card)?.outcome == .wrong)
    }

    @Test func anAnswerOfOptionsAloneUsesTheToolTheQuestionNames() {
        let card = typed("--num_gpus=4", question: "Which DeepSpeed launcher option restricts a run to 4 GPUs?")
        #expect(AnswerGrader.grade("--num-gpus 4", for: card)?.outcome == .right)
        #expect(AnswerGrader.grade("--num_nodes=4", for: card)?.outcome == .wrong)
    }

    // MARK: Numbers

    @Test(arguments: [
        ("4.25 bits per weight", "4.25", "How many bits per weight?", Outcome.right),
        ("4 + 32/128 = 4.25", "4.25", "How many bits?", .right),
        ("4.25 bytes", "4.25", "How many bits per weight?", .wrong),
        ("4.3", "4.25", "?", .wrong),
        ("40%", "About 40%.", "?", .right),
        ("~40 percent", "About 40%.", "?", .right),
        ("0.4", "About 40%.", "?", .wrong),
        ("2000", "2,000", "?", .right),
        ("2 000", "2,000", "?", .right),
        ("2k", "2,000", "?", .right),
        ("2001", "2,000", "?", .wrong),
        ("31.4GB", "About 31.4 GB.", "?", .right),
        ("31.4 GiB", "About 31.4 GB.", "?", .wrong),
        ("31.4 MB", "About 31.4 GB.", "?", .wrong),
        ("15 min", "15 minutes", "?", .right),
        ("15 s", "15 minutes", "?", .wrong),
        ("5.3 seconds", "5,300 ms ≈ 5.3 s.", "?", .right),
        ("5300 ms", "5.3 s", "?", .right),
        ("≈ 31.42 GB", "About 31.4 GB.", "?", .right),
        ("−100", "-100", "?", .right),
        ("7e9", "7,000,000,000", "?", .right),
        ("7 × 10^9", "7,000,000,000", "?", .right),
        ("7×10⁹", "7,000,000,000", "?", .right),
        ("7 × 10^8", "7,000,000,000", "?", .wrong),
        ("2^16", "65,536", "?", .right),
        ("2**16", "65536", "?", .right),
        ("2^15", "65536", "?", .wrong),
        ("3.6 GB", "About 3.6 GB: 7 × 10^9 × 4.125 bits / 8 ≈ 3.61 × 10^9 bytes.", "?", .right),
        ("3.8 GB", "About 3.6 GB: 7 × 10^9 × 4.125 bits / 8 ≈ 3.61 × 10^9 bytes.", "?", .wrong),
        ("175 GB/s", "busbw = algbw × 2(N − 1)/N = 100 × 14/8 = 175 GB/s.", "?", .right),
        ("45 ms", "About 45 ms, 1.5x longer.", "?", .right),
        ("three hours", "3 hours", "?", .right),
        ("two hours", "3 hours", "?", .wrong),
        ("3.61e9 bytes", "3.61 × 10^9 bytes", "?", .right),
        ("3.7e9 bytes", "3.61 × 10^9 bytes", "?", .wrong),
        ("100", "-100", "?", .wrong),
    ])
    func numbers(_ given: String, _ reference: String, _ question: String, _ expected: Outcome) {
        #expect(AnswerGrader.grade(given, accepted: [reference], as: .number, question: question).outcome == expected)
    }

    @Test func aReferenceOfTwoAnswersIsNotOneNumber() {
        #expect(AnswerGrader.mode(for: basic("About 43% with m = 4, about 16% with m = 16.")) == .selfGraded)
        #expect(AnswerGrader.mode(for: basic("About 11.3 before scaling (√128), 1 after.")) == .selfGraded)
        #expect(AnswerGrader.mode(for: basic("s = 2.54 / 127 = 0.02; q = round(−0.5 / 0.02) = −25.")) == .selfGraded)
    }

    @Test func aCardMayDeclareATolerance() {
        let card = typed("4.2", grading: GradeSpec(kind: .number, tolerance: .absolute(0.1)))
        #expect(AnswerGrader.grade("4.3", for: card)?.outcome == .right)
        #expect(AnswerGrader.grade("4.35", for: card)?.outcome == .wrong)
        let relative = typed("200", grading: GradeSpec(kind: .number, tolerance: .relative(0.05)))
        #expect(AnswerGrader.grade("209", for: relative)?.outcome == .right)
        #expect(AnswerGrader.grade("211", for: relative)?.outcome == .wrong)
        let fraction = typed("40%", grading: GradeSpec(kind: .number, fractionForPercent: true))
        #expect(AnswerGrader.grade("0.4", for: fraction)?.outcome == .right)
        #expect(AnswerGrader.grade("0.5", for: fraction)?.outcome == .wrong)
    }

    // MARK: Short prose

    @Test(arguments: [
        ("root rank", "the root rank", Outcome.right),
        ("processes", "process", .right),
        ("QK^T / sqrt(d_k)", "QKᵀ / √d_k", .right),
        ("`optimizer states`", "optimizer states", .right),
        ("ＮＦ４", "NF4", .right),
        ("all reduce", "all-reduce", .right),
        ("allgather", "all-gather", .right),
        ("α/r", "alpha / r", .right),
        ("x^2", "x²", .right),
        ("x²", "x^2", .right),
        ("QKᵀ", "QK^T", .right),
        ("optimiser states", "optimizer states", .right),
        ("gradeints", "gradients", .partly),
        ("decoder", "encoder", .wrong),
        ("inter-node", "intra-node", .wrong),
        ("fp16", "bf16", .wrong),
        ("d_v", "d_k", .wrong),
        ("row", "rows", .right),
        ("rwo", "row", .wrong),
        ("FlatParam", "FlatParameter", .wrong),
        ("FlatParamter", "FlatParameter", .wrong),
        ("1.3x", "1.5x", .wrong),
        ("TPOT and TTFT", "TTFT and TPOT", .right),
        ("(p-1)/(m+p-1)", "(p − 1)/(m + p − 1)", .right),
        ("p-1/m+p-1", "(p − 1)/(m + p − 1)", .wrong),
        ("(N-1)/N", "(N − 1)/N", .right),
        ("N-1/N", "(N − 1)/N", .wrong),
        ("exp(loss)", "exp (loss)", .right),
        ("O(sqrt(n))", "O(√n)", .right),
        ("BF16 & TF32", "TF32 and BF16", .right),
        ("TF32 and FP8", "TF32 and BF16", .wrong),
    ])
    func prose(_ given: String, _ reference: String, _ expected: Outcome) {
        #expect(AnswerGrader.grade(given, accepted: [reference], as: .text).outcome == expected)
    }

    @Test(arguments: [
        ("张量并行", "张量并行（tensor parallelism）", Outcome.right),
        ("tensor parallelism", "张量并行（tensor parallelism）", .right),
        ("张量并行（Tensor Parallelism）", "张量并行（tensor parallelism）", .right),
        ("张量并行(tensor parallelism)", "张量并行（tensor parallelism）", .right),
        ("张量 并行。", "张量并行", .right),
        ("ｔｅｎｓｏｒ parallelism", "tensor parallelism", .right),
        ("流水线并行", "张量并行（tensor parallelism）", .wrong),
        ("张量并行（pipeline parallelism）", "张量并行（tensor parallelism）", .wrong),
        ("数据并行化", "数据并行化器", .wrong),
        ("张量并列", "张量并行", .wrong),
    ])
    func chineseTerms(_ given: String, _ reference: String, _ expected: Outcome) {
        #expect(AnswerGrader.grade(given, accepted: [reference], as: .text).outcome == expected)
    }

    @Test func aTypoIsPartlyRightAndShownAsADiff() {
        let result = AnswerGrader.grade("mean-poolng", accepted: ["mean-pooling"], as: .text)
        #expect(result.outcome == .partly)
        #expect(result.credit == 0.5)
        #expect(result.grade.value == 3)
        #expect(result.diff == "meanpool[+i]ng")
    }

    @Test func aTypoThatIsAnotherWordOfTheCardIsWrong() {
        let card = Card(
            deckID: "d", id: "c.c1", noteID: "c", content: .cloze(text: "Split A by {{columns}}, B by rows.", deletion: 1),
            explanation: "The column split keeps GeLU local.")
        #expect(AnswerGrader.grade("column", for: card)?.outcome == .right)
        #expect(AnswerGrader.grade("colums", for: card)?.outcome == .partly)
    }

    // MARK: Choices

    @Test func choicesByLetterOrText() {
        let choices = [Choice(text: "`tail -F x`", isCorrect: true), Choice(text: "`tail -f x`", isCorrect: false), Choice(text: "Other", isCorrect: false)]
        #expect(AnswerGrader.gradeChoice("a", choices: choices, order: nil).outcome == .right)
        #expect(AnswerGrader.gradeChoice("(b)", choices: choices, order: nil).outcome == .wrong)
        #expect(AnswerGrader.gradeChoice("b", choices: choices, order: [1, 0, 2]).outcome == .right)
        #expect(AnswerGrader.gradeChoice("tail -F x", choices: choices, order: nil).outcome == .right)
        #expect(AnswerGrader.gradeChoice("tail -f x", choices: choices, order: nil).outcome == .wrong)
        let two = [Choice(text: "p", isCorrect: true), Choice(text: "q", isCorrect: true), Choice(text: "r", isCorrect: false)]
        #expect(AnswerGrader.gradeChoice("b a", choices: two, order: nil).outcome == .right)
        #expect(AnswerGrader.gradeChoice("a", choices: two, order: nil).outcome == .wrong)
        #expect(AnswerGrader.gradeChoice("a c", choices: two, order: nil).outcome == .wrong)
        #expect(AnswerGrader.gradeChoice("ba", choices: two, order: nil).outcome == .right)
        #expect(AnswerGrader.gradeChoice("ad", choices: two, order: nil).outcome == .wrong)
    }

    // MARK: Pieces

    @Test func shellWordsFollowQuoting() {
        let words = ShellWords.split(#"grep -e "a b" 'c d' e\ f "$(x y)" 2>&1 >out"#)?.map(\.text)
        #expect(words == ["grep", "-e", "a b", "c d", "e f", "$(x y)", "2>&1", ">", "out"])
        #expect(ShellWords.split("echo 'open") == nil)
    }

    @Test func suggestedGrades() {
        #expect(AnswerGrader.suggestedGrade(.right).value == 5)
        #expect(AnswerGrader.suggestedGrade(.partly).value == 3)
        #expect(AnswerGrader.suggestedGrade(.wrong).value == 1)
    }

    @Test func characterDiffMarksEdits() {
        #expect(AnswerGrader.characterDiff(from: "kitten", to: "sitting") == "[k→s]itt[e→i]n[+g]")
        #expect(AnswerGrader.editDistance(Array("kitten"), Array("sitting")) == 3)
        #expect(AnswerGrader.editDistance(Array("abcdef"), Array("uvwxyz"), limit: 2) == 3)
    }
}

@Suite struct GradeSpecTests {
    @Test(arguments: [
        ("number", GradeSpec(kind: .number)),
        ("number ±0.5", GradeSpec(kind: .number, tolerance: .absolute(0.5))),
        ("number +-5%", GradeSpec(kind: .number, tolerance: .relative(0.05))),
        ("number fraction", GradeSpec(kind: .number, fractionForPercent: true)),
        ("command alias po = pods; alias -f = --follow", GradeSpec(kind: .command, aliases: [["po", "pods"], ["-f", "--follow"]])),
        ("Text", GradeSpec(kind: .text)),
        ("self", GradeSpec(kind: .self)),
    ])
    func reads(_ text: String, _ expected: GradeSpec) throws {
        #expect(try GradeSpec.parse(text).get() == expected)
    }

    @Test(arguments: ["numbr", "number ±x", "number maybe", "text please", "command po = pods"])
    func refuses(_ text: String) {
        #expect(throws: GradeSpecError.self) { try GradeSpec.parse(text).get() }
    }

    @Test func theParserReadsTheFieldAndTheLintsRun() {
        let text = """
            ---
            id: d
            title: D
            section: S
            ---

            ## n
            T: How many?
            A: lots
            Grade: number
            Source: s

            ## g
            T: Give it.
            A: 4.2
            Grade: number ±0.1
            Source: s

            ## bad
            T: Give it.
            A: x
            Grade: sometimes
            Source: s

            ## redundant
            T: Follow the logs.
            A: docker logs -f web
            Alt: docker logs --follow web
            Source: s
            """
        let result = DeckParser.parse(text, file: "d.md")
        let messages = result.diagnostics.map(\.description)
        #expect(messages.contains { $0.hasPrefix("d.md:10:7: error: 'Grade: number' but 'lots' is not a number") })
        #expect(messages.contains { $0.hasPrefix("d.md:22:7: error: 'Grade:' 'sometimes' is not a grading kind") })
        #expect(messages.contains { $0.hasPrefix("d.md:28:1: warning: 'Alt: docker logs --follow web' is redundant") })
        #expect(result.diagnostics.count == 3)
    }
}
