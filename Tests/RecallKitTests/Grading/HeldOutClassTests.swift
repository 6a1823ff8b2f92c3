import Testing

@testable import RecallKit

/// One table per class of mistake the blind held-out set (REPORT-c) found. The rows are new examples of
/// each class, written for these tests; none is a held-out row, so that set stays a fair measure.
@Suite struct HeldOutClassTests {
    typealias Outcome = AnswerGrader.Outcome

    func cloze(_ text: String, deletion: Int = 1, why: String? = nil) -> Card {
        Card(deckID: "d", id: "n.c\(deletion)", noteID: "n", content: .cloze(text: text, deletion: deletion), explanation: why)
    }

    func typed(_ answer: String, _ alternatives: [String] = [], question: String = "Q?") -> Card {
        Card(deckID: "d", id: "c", noteID: "c", content: .typed(question: question, answer: answer, alternatives: alternatives))
    }

    func basic(_ answer: String, question: String = "Q?") -> Card {
        Card(deckID: "d", id: "c", noteID: "c", content: .basic(question: question, answer: answer))
    }

    // MARK: W1: names are not folded like prose

    @Test(arguments: [
        // A blank inside a code span is a key: no plural folding.
        ("In a pod spec, `spec.{{containers}}` lists the containers.", "container", Outcome.wrong),
        ("In a pod spec, `spec.{{containers}}` lists the containers.", "containers", .right),
        ("In a pod spec, `spec.{{containers}}` lists the containers.", "`containers`", .right),
        // A word of a code span in the explanation is an option value.
        ("Add {{nosuffix}} to print bare sizes.", "nosuffixes", .wrong),
        ("Add {{nosuffix}} to print bare sizes.", "nosuffix", .right),
        // A path keeps its plural.
        ("The server reports readiness at {{/ready}} and liveness at /live.", "/readies", .wrong),
        ("Prometheus scrapes {{/stats}} on the exporter.", "/stat", .wrong),
        ("Prometheus scrapes {{/stats}} on the exporter.", "/stats", .right),
        // A single key press keeps its case.
        ("In less, pressing {{q}} quits.", "Q", .wrong),
        ("In less, pressing {{q}} quits.", "q", .right),
        ("In vim, the key {{G}} jumps to the last line.", "g", .wrong),
        // A one-letter variable of a formula is no key press: its case may differ, its plural may not.
        ("The bubble takes (p − 1)/m of the time with {{p}} stages.", "P", .right),
        // A program name with a part that is no word keeps its hyphen.
        ("The daemon {{nv-fabricmanager}} manages NVSwitch fabrics.", "nvfabricmanager", .wrong),
        ("The daemon {{nv-fabricmanager}} manages NVSwitch fabrics.", "nv-fabricmanager", .right),
        // Prose terms still fold: plural, case, hyphen.
        ("Ring all-reduce has a {{reduce-scatter}} phase.", "reducescatter", .right),
        ("LoRA freezes the {{pretrained weights}}.", "Pretrained weight", .right),
        ("Chain-of-thought is {{in-context}} learning with steps.", "in context", .right),
    ])
    func namesAreComparedAsWritten(text: String, answer: String, outcome: Outcome) {
        let why = text.contains("nosuffix") ? "Use `df --output=size,nosuffix` in scripts." : nil
        #expect(AnswerGrader.grade(answer, for: cloze(text, why: why))?.outcome == outcome)
    }

    // MARK: W2: command tokens

    @Test(arguments: [
        // pgrep lists what pkill would signal: another program.
        ("pgrep -u alice python", ["pkill -u alice python"], Outcome.wrong),
        ("pkill -u alice python", ["pgrep -u alice python"], .wrong),
        ("pgrep --full serve.py", ["pgrep -f serve.py"], .right),
        ("pkill --signal KILL -f serve.py", ["pkill -9 -f serve.py"], .right),
        // `./x:` mounts a folder, `x:` a named volume.
        ("docker run -v ./models:/models server", ["docker run -v models:/models server"], .wrong),
        ("docker run -v models:/models server", ["docker run -v ./models:/models server"], .wrong),
        ("docker run -v ./models:/models server", ["docker run -v ./models:/models server"], .right),
        ("ls ./logs", ["ls logs"], .right),
    ])
    func commandTokens(given: String, accepted: [String], outcome: Outcome) {
        #expect(AnswerGrader.grade(given, accepted: accepted, as: .command).outcome == outcome)
    }

    @Test func dockerfileFlagsInABlankNeedEquals() {
        let card = cloze("A later stage copies the wheel with `COPY {{--from=wheels}} /dist /dist`.")
        #expect(AnswerGrader.grade("--from wheels", for: card)?.outcome == .wrong)
        #expect(AnswerGrader.grade("--from=wheels", for: card)?.outcome == .right)
        let check = cloze("`HEALTHCHECK {{--retries=5}} CMD true` marks the container unhealthy after five failures.")
        #expect(AnswerGrader.grade("--retries 5", for: check)?.outcome == .wrong)
        // Outside a Dockerfile the `--opt value` form is the same option.
        let cli = cloze("`vllm serve m {{--max-model-len=8192}}` caps the context.")
        #expect(AnswerGrader.grade("--max-model-len 8192", for: cli)?.outcome == .right)
    }

    // MARK: W3: an in-place call's result is not assigned

    @Test(arguments: [
        ("x = dist.broadcast(x, src=0)", ["dist.broadcast(x, src=0)"], Outcome.wrong),
        ("q = faiss.normalize_L2(q)", ["faiss.normalize_L2(q)"], .wrong),
        ("dist.broadcast(x, src=0)", ["dist.broadcast(x, src=0)"], .right),
        ("torch.distributed.broadcast(x, src=0)", ["dist.broadcast(x, src=0)"], .right),
        // A call that returns its result may be assigned.
        ("model = get_peft_model(model, cfg)", ["get_peft_model(model, cfg)"], .right),
    ])
    func inPlaceCalls(given: String, accepted: [String], outcome: Outcome) {
        #expect(AnswerGrader.grade(given, accepted: accepted, as: .command).outcome == outcome)
    }

    // MARK: W4: numbers

    @Test(arguments: [
        // A percent sign scales the number.
        ("0.05%", ["5%", "0.05"], Outcome.wrong),
        ("0.05", ["5%", "0.05"], .right),
        ("5%", ["5%", "0.05"], .right),
        ("0.2%", ["0.2"], .wrong),
        // A symbol after the number that is no unit makes another answer.
        ("2/k", ["2"], .wrong),
        ("1^n", ["1"], .wrong),
        ("1/sqrt(d)", ["1"], .wrong),
        ("2/log", ["2"], .wrong),
        ("2", ["2"], .right),
        // Compared in the answer's unit with the reference's form in that unit.
        ("4,230 ms", ["120 + 82 × 50 = 4,220 ms ≈ 4.2 s"], .wrong),
        ("4,220 ms", ["120 + 82 × 50 = 4,220 ms ≈ 4.2 s"], .right),
        ("4.2 s", ["120 + 82 × 50 = 4,220 ms ≈ 4.2 s"], .right),
        ("4.22 seconds", ["120 + 82 × 50 = 4,220 ms ≈ 4.2 s"], .right),
    ])
    func numbers(given: String, accepted: [String], outcome: Outcome) {
        #expect(AnswerGrader.grade(given, accepted: accepted, as: .number).outcome == outcome)
    }

    // MARK: W5: brackets in formulas

    @Test(arguments: [
        ("a · b + c", ["a · (b + c)"], Outcome.wrong),
        ("a*(b+c)", ["a · (b + c)"], .right),
        ("(x − m) / s", ["(x − m) / s"], .right),
        ("x − m / s", ["(x − m) / s"], .wrong),
    ])
    func brackets(given: String, accepted: [String], outcome: Outcome) {
        #expect(AnswerGrader.grade(given, accepted: accepted, as: .text).outcome == outcome)
    }

    // MARK: W6: part of a multiple answer is wrong

    @Test func partOfTheRightOptionsIsWrong() {
        let three = [
            Choice(text: "p", isCorrect: true), Choice(text: "q", isCorrect: false), Choice(text: "r", isCorrect: true),
            Choice(text: "s", isCorrect: true),
        ]
        #expect(AnswerGrader.gradeChoice("a d", choices: three, order: nil).outcome == .wrong)
        #expect(AnswerGrader.gradeChoice("c", choices: three, order: nil).outcome == .wrong)
        #expect(AnswerGrader.gradeChoice("a, c, d", choices: three, order: nil).outcome == .right)
    }

    @Test func aQuestionAskingForTheFullPathRefusesAnAlias() {
        let card = typed("torch.nn.functional.cross_entropy(logits, labels)", question: "Compute the loss, using the full path of the function.")
        #expect(AnswerGrader.grade("F.cross_entropy(logits, labels)", for: card)?.outcome == .wrong)
        #expect(AnswerGrader.grade("torch.nn.functional.cross_entropy(logits, labels)", for: card)?.outcome == .right)
        let plain = typed("torch.nn.functional.cross_entropy(logits, labels)", question: "Compute the loss.")
        #expect(AnswerGrader.grade("F.cross_entropy(logits, labels)", for: plain)?.outcome == .right)
    }

    // MARK: F: choice letters written with Chinese or English words between them

    @Test(arguments: [
        ("选 b", Outcome.wrong), ("选 a、c", .right), ("ａ、ｃ", .right), ("A和C", .right), ("答案是 a 和 c", .right),
        ("a and c", .right), ("a and b", .wrong), ("ac", .right), ("和", .wrong),
    ])
    func choiceLettersInWords(answer: String, outcome: Outcome) {
        let choices = [Choice(text: "p", isCorrect: true), Choice(text: "q", isCorrect: false), Choice(text: "r", isCorrect: true)]
        #expect(AnswerGrader.gradeChoice(answer, choices: choices, order: nil).outcome == outcome)
    }

    // MARK: D1, D2: numbers with Chinese units and in English words

    @Test(arguments: [
        ("约 12 毫秒", ["About 12 ms."], Outcome.right),
        ("大约12毫秒", ["About 12 ms."], .right),
        ("13 毫秒", ["About 12 ms."], .wrong),
        ("12 秒", ["About 12 ms."], .wrong),
        ("8倍", ["8×"], .right),
        ("6倍", ["8×"], .wrong),
        ("90秒", ["90 s"], .right),
        ("1.5 分钟", ["90 s"], .right),
        ("2 小时", ["2 hours"], .right),
        ("3 小时", ["2 hours"], .wrong),
        ("8位", ["8-bit"], .right),
        ("8 bit", ["8-bit"], .right),
        ("4 bit", ["8-bit"], .wrong),
        ("3.2万", ["32000"], .right),
        ("3.3万", ["32000"], .wrong),
        ("seventeen", ["17"], .right),
        ("seventy", ["17"], .wrong),
        ("forty-two", ["42"], .right),
        ("forty-three", ["42"], .wrong),
        ("thirty seconds", ["30 s"], .right),
        ("twice", ["2×"], .right),
        ("twice", ["3×"], .wrong),
        // The words after a number must be the reference's, or start them.
        ("one more forward pass", ["one extra forward pass"], .wrong),
        ("two extra backward passes", ["two extra forward passes"], .wrong),
        ("3 extra forward passes", ["three extra forward passes"], .right),
    ])
    func numbersInWordsAndChineseUnits(given: String, accepted: [String], outcome: Outcome) {
        #expect(AnswerGrader.grade(given, accepted: accepted, as: .number).outcome == outcome)
    }

    @Test(arguments: [
        ("q - z", ["(q − z)"], Outcome.right), ("qz", ["q − z"], .wrong), ("x*(y-w)", ["x · (y − w)"], .right),
    ])
    func oneLetterMinusIsADifference(given: String, accepted: [String], outcome: Outcome) {
        #expect(AnswerGrader.grade(given, accepted: accepted, as: .text).outcome == outcome)
    }
}
