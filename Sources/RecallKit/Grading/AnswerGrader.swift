import Foundation

/// Grades an answer by the kind of answer its card expects. Pure.
///
/// ``mode(for:)`` decides, for review and interview alike, which cards are
/// graded here and which the user grades against the reference. The kinds
/// (docs/interview.md repeats the rules for people):
///
/// - **command** (typed cards whose answer is a command line, a Dockerfile
///   instruction, a one-line Python call or a keyword argument): compared by
///   parsed form with the tool's grammar (``CommandGrammar``): option aliases,
///   bundled short options, `--opt=value` = `--opt value`, options in any
///   order, operands in order, quoting, keyword arguments in any order. Any
///   other difference is wrong: there is no partial credit for commands.
/// - **number**: the number and unit on both sides, equal within the
///   precision the reference is written to (or the card's tolerance).
/// - **text** (terms, names, formulas, cloze deletions): compared in a normal
///   form (``ProseAnswer``); a one-letter slip in one long word is partly right.
/// - **open** (long basic answers): self-graded.
/// - **choice**: by letter or by the choice's text.
public enum AnswerGrader {
    public enum Outcome: String, Hashable, Sendable, Codable {
        case right, partly, wrong
    }

    /// What kind of answer a card expects.
    public enum AnswerKind: String, Hashable, Sendable, Codable, CaseIterable {
        case command, number, text, open, choice
    }

    /// Whether the grader decides (``automatic``) or the user grades against the reference.
    public enum Mode: Hashable, Sendable {
        case automatic(AnswerKind)
        case selfGraded
    }

    public struct Verdict: Hashable, Sendable {
        public var outcome: Outcome
        public var kind: AnswerKind
        /// The accepted answer matched, or the closest one.
        public var expected: String
        /// For a near miss: `mean-pool[+i]ng`.
        public var diff: String?

        /// Credit for the answer: right 1, partly 0.5, wrong 0.
        public var credit: Double {
            switch outcome {
            case .right: 1
            case .partly: partialCredit
            case .wrong: 0
            }
        }

        /// The SM-2 grade the verdict implies: right 5, partly 3, wrong 1.
        public var grade: Grade { suggestedGrade(outcome) }
    }

    public static let partialCredit = 0.5

    /// A basic card's answer longer than this, or on several lines, is open (self-graded).
    public static let shortAnswerCharacters = 60
    /// … or with more words than this.
    public static let shortAnswerWords = 6

    /// Whether `card` is graded automatically, and as what; the one rule for review and interview.
    public static func mode(for card: Card) -> Mode {
        let kind = kind(for: card)
        return kind == .open ? .selfGraded : .automatic(kind)
    }

    /// The kind of answer a card expects: its `Grade:` field, or a guess from the answer.
    public static func kind(for card: Card) -> AnswerKind {
        if let spec = card.grading {
            switch spec.kind {
            case .number: return .number
            case .command: return .command
            case .text: return .text
            case .self: return .open
            }
        }
        switch card.content {
        case .choice: return .choice
        case .typed(_, let answer, _): return classify(answer)
        case .cloze:
            let deletion = card.answerText
            if deletion.hasPrefix("-") && !deletion.hasPrefix("−") && NumberAnswer.parse(deletion) == nil { return .command }
            return NumberAnswer.parse(deletion) != nil ? .number : .text
        case .basic(let question, let answer):
            let trimmed = answer.trimmingCharacters(in: .whitespacesAndNewlines)
            // `About 295 FLOP/byte. Below that it is memory-bound.`: a quantity, then a sentence about it
            // (unless the question asks two things: `What is its capacity, and what happens to …?`).
            if leadingQuantity(trimmed) != nil, !asksSeveralThings(question) { return .number }
            guard trimmed.count <= shortAnswerCharacters, !trimmed.contains("\n") else { return .open }
            if NumberAnswer.parse(trimmed) != nil { return .number }
            let words = trimmed.split(separator: " ")
            if words.count <= shortAnswerWords, !trimmed.contains(". ") { return .text }
            return .open
        }
    }

    /// A basic answer's first sentence when it is a quantity and the rest is a short comment on it
    /// (`About 295 FLOP/byte. Below that it is memory-bound.` → `About 295 FLOP/byte`); nil otherwise.
    static func leadingQuantity(_ answer: String) -> String? {
        let trimmed = answer.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.count <= leadingQuantityCharacters, !trimmed.contains("\n") else { return nil }
        let lead: String
        if let stop = trimmed.range(of: ". ") ?? trimmed.range(of: "。") {
            lead = String(trimmed[..<stop.lowerBound])
        } else {
            lead = trimmed
        }
        guard NumberAnswer.parse(lead) != nil else { return nil }
        return lead
    }

    /// Whether a question asks for more than one thing (`…, and what happens to …?`, two question marks).
    static func asksSeveralThings(_ question: String) -> Bool {
        let q = question.lowercased()
        if q.filter({ $0 == "?" || $0 == "？" }).count > 1 { return true }
        let joins = ["and what", "and how", "and which", "and why", "and when", "and where", "and who", "; what", "; how"]
        return joins.contains { q.contains($0) } || ["并且", "以及", "分别"].contains { question.contains($0) }
    }

    /// Answers longer than this and than 8 × every accepted answer are wrong without being read further.
    public static let longestAnswerFloor = 1_000

    /// A basic answer up to this long may be a quantity and a comment on it.
    public static let leadingQuantityCharacters = 160

    /// The kind of a typed answer: a number, a command (or code), or text.
    public static func classify(_ answer: String, grammar: CommandGrammar = .bundled) -> AnswerKind {
        let trimmed = answer.trimmingCharacters(in: .whitespaces)
        if NumberAnswer.parse(trimmed) != nil, !trimmed.hasPrefix("--") { return .number }
        if looksLikeCommand(trimmed, grammar: grammar) { return .command }
        return .text
    }

    static func looksLikeCommand(_ text: String, grammar: CommandGrammar) -> Bool {
        if PythonCall.parse(text) != nil { return true }
        guard let words = ShellWords.split(text), let first = words.first else { return false }
        if words.contains(where: { $0.isOperator }) { return true }
        if first.text.hasPrefix("-") { return true }
        if grammar.pathNames[first.text] != nil || CommandMatcher.dockerfileInstructions.contains(first.text) {
            return words.count > 1 || grammar.pathNames[first.text] != nil
        }
        if words.count > 1, words.dropFirst().contains(where: { $0.text.hasPrefix("-") && $0.text.count > 1 && !$0.quoted }) { return true }
        // `NCCL_DEBUG=INFO`, `export X=1`: shell assignments.
        if words.contains(where: { $0.text.contains("=") && !$0.quoted }) { return true }
        return false
    }

    /// Grades `given` for `card`; nil when the card is self-graded (the caller shows the reference).
    /// `choiceOrder[i]` is the index in the file of the choice shown as letter i (nil: the file's order).
    public static func grade(
        _ given: String, for card: Card, choiceOrder: [Int]? = nil, grammar: CommandGrammar = .bundled,
        vocabulary: Set<String> = []
    ) -> Verdict? {
        let kind = kind(for: card)
        switch card.content {
        case .choice(_, let choices):
            return gradeChoice(given, choices: choices, chinese: card.chinese?.choices ?? [], order: choiceOrder)
        default:
            guard kind != .open else { return nil }
            // The English answer and alternatives, and the card's Chinese term where it has one;
            // of a basic card graded as a number, the quantity its answer starts with.
            var accepted = card.acceptedAnswers
            if kind == .number, case .basic = card.content, card.grading == nil {
                accepted = accepted.map { leadingQuantity($0) ?? $0 }
            }
            // The words of the card, so that a slip into another of its words is not a typo (text answers only).
            var words = vocabulary
            if kind == .text {
                for text in [card.prompt, card.explanation ?? ""] + accepted {
                    for token in ProseAnswer(text).tokens { words.insert(token) }
                }
            }
            let code = Set(accepted.filter { writtenAsCode($0, in: card) })
            return grade(
                given, accepted: accepted, as: kind, spec: card.grading, grammar: grammar,
                context: contextTool(for: blankedPrompt(card), grammar: grammar), question: card.prompt, vocabulary: words, code: code)
        }
    }

    /// Grades `given` against accepted answers of a known kind.
    static func grade(
        _ given: String, accepted: [String], as kind: AnswerKind, spec: GradeSpec? = nil,
        grammar: CommandGrammar = .bundled, context: String? = nil, question: String = "",
        vocabulary: Set<String> = [], code: Set<String> = [], glossary: TermGlossary = .bundled
    ) -> Verdict {
        var candidates = accepted.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        let first = candidates.first ?? ""
        // An answer many times longer than every accepted one is none of them; reading it as a command, a
        // number and prose would cost its length several times over (a pasted 10 MB line).
        let longest = candidates.map(\.utf8.count).max() ?? 0
        if given.utf8.count > max(longestAnswerFloor, 8 * longest) { return Verdict(outcome: .wrong, kind: kind, expected: first) }
        // Commands are read in NFKC (full-width input); numbers and prose map `²`, `ᵀ`, `⁹` before NFKC themselves.
        var raw = given.trimmingCharacters(in: .whitespacesAndNewlines)
        // `with model.no_sync():` is the use of the context manager `model.no_sync()` the card asks for.
        if raw.hasPrefix("with "), raw.hasSuffix(":"), !candidates.contains(where: { $0.hasPrefix("with ") }) {
            raw = String(raw.dropFirst(5).dropLast()).trimmingCharacters(in: .whitespaces)
        }
        let typed = raw.precomposedStringWithCompatibilityMapping
        guard !typed.isEmpty else { return Verdict(outcome: .wrong, kind: kind, expected: first) }
        // One setting in another form (`stage: 3` = `"stage": 3`), inside its block, or given with its key.
        if let fragment = ConfigFragment.parse(unwrapCode(typed)) {
            for candidate in candidates {
                let reference = unwrapCode(candidate.precomposedStringWithCompatibilityMapping)
                if let setting = ConfigFragment.parse(reference) {
                    if ConfigFragment.sameSetting(fragment, setting) { return Verdict(outcome: .right, kind: kind, expected: candidate) }
                } else if ConfigFragment.answersValue(fragment, value: reference, question: question)
                    || ConfigFragment.answersKey(fragment, name: reference, question: question)
                {
                    return Verdict(outcome: .right, kind: kind, expected: candidate)
                }
            }
        }
        switch kind {
        case .command:
            let text = unwrapCode(applyAliases(typed, spec))
            let fullPath = asksForFullPath(question)
            for candidate in candidates
            where commandsMatch(text, applyAliases(candidate, spec), others: candidates, grammar: grammar, context: context)
                && (!fullPath || sameCalleeSpelling(text, candidate))
            {
                return Verdict(outcome: .right, kind: kind, expected: candidate)
            }
            let closest = closestCandidate(text, candidates)
            return Verdict(outcome: .wrong, kind: kind, expected: closest, diff: characterDiff(from: text, to: closest))
        case .number:
            // `port 9400` where the question asks which port: a word the question uses, then the number.
            guard var answer = NumberAnswer.parse(raw) ?? NumberAnswer.parse(droppingQuestionWord(raw, question)) else { break }
            var references = candidates.flatMap { candidate in NumberAnswer.forms(candidate).map { (candidate, $0) } }
            // `under 4%` where the question reads `wastes under [...]`: the bound is the question's, the number the answer.
            if let bound = answer.relation, !references.contains(where: { $0.1.relation != nil }), NumberAnswer.mentions(bound, in: question) {
                answer.relation = nil
            }
            let units = Set(references.compactMap(\.1.unit))
            // An answer in ms is compared with the reference's form in ms (`5,300 ms`), not its rounder `≈ 5.3 s`.
            let sameScale = references.filter { $0.1.unit != nil && $0.1.unit == answer.unit && $0.1.factor == answer.factor }
            if !sameScale.isEmpty {
                // `5.325 s` for `5,300 ms ≈ 5.3 s`: an answer written finer than the rounded form is held to the exact one.
                let scalePrecision = sameScale.map(\.1.decimals).max() ?? 0
                let finer = references.filter { $0.1.decimals > scalePrecision }
                references = answer.decimals > scalePrecision && !finer.isEmpty ? finer : sameScale
            }
            let precision = references.map(\.1.decimals).max() ?? 0
            if let unit = answer.unit, !units.isEmpty, !units.contains(unit) {
                return Verdict(outcome: .wrong, kind: kind, expected: first)
            }
            if answer.unit != nil, units.isEmpty {
                // `25 MiB` where the card asks for the number of MiB: the unit must be the question's.
                let asked = Set(ProseAnswer(question).tokens)
                guard answer.words.allSatisfy({ asked.contains(ProseAnswer.singular($0)) }), questionNames(answer, question) else {
                    return Verdict(outcome: .wrong, kind: kind, expected: first)
                }
                answer.value /= answer.factor
                answer.unit = nil
                answer.factor = 1
            }
            for (candidate, reference) in references {
                if reference.accepts(answer, tolerance: spec?.tolerance, fractionForPercent: spec?.fractionForPercent ?? false, precision: precision) {
                    return Verdict(outcome: .right, kind: kind, expected: candidate)
                }
            }
            return Verdict(outcome: .wrong, kind: kind, expected: first)
        case .text, .open, .choice:
            break
        }
        // Names (a key, a path, an option value, a key press) are compared as written: no plural, hyphen or
        // (for one letter) case folding, so `limit` is not `limits` nor `D` `d`.
        let literal = unwrapCode(typed).trimmingCharacters(in: CharacterSet(charactersIn: "\"'“”‘’ "))
        for candidate in candidates where code.contains(candidate) || isLiteralName(candidate) {
            let name = candidate.trimmingCharacters(in: .whitespaces)
            // One letter keeps its case where the card writes it as code or it is a key press (`d` is not `D`).
            if name.count == 1 && code.contains(candidate) ? literal == name : literal.lowercased() == name.lowercased() {
                return Verdict(outcome: .right, kind: kind, expected: candidate)
            }
        }
        let names = candidates.filter { code.contains($0) || isLiteralName($0) }
        if !names.isEmpty {
            candidates.removeAll { names.contains($0) }
            if candidates.isEmpty {
                return Verdict(outcome: .wrong, kind: kind, expected: first, diff: characterDiff(from: literal, to: first))
            }
        }
        // Text, and numbers written in a way the number reader does not take.
        let answer = ProseAnswer(raw)
        for candidate in candidates where ProseAnswer(candidate).joined == answer.joined {
            return Verdict(outcome: .right, kind: kind, expected: candidate)
        }
        // A formula with its whole terms or factors in another order (`N^2 + Nd` for `Nd + N²`).
        for candidate in candidates where answer.sameUpToOrder(ProseAnswer(candidate)) {
            return Verdict(outcome: .right, kind: kind, expected: candidate)
        }
        // A Chinese term with its English gloss (`算子间（inter-operator）`): either part alone is the
        // term, and an answer written that way is right when both of its parts are.
        var terms: [(form: String, candidate: String)] = candidates.map { (ProseAnswer($0).joined, $0) }
        for candidate in candidates {
            if let (term, gloss) = chineseGloss(candidate) {
                terms += [(ProseAnswer(term).joined, candidate), (ProseAnswer(gloss).joined, candidate)]
            }
        }
        func matchingTerm(_ text: String) -> String? {
            let form = ProseAnswer(text).joined
            return terms.first { $0.form == form }?.candidate
        }
        if let candidate = matchingTerm(raw) {
            return Verdict(outcome: .right, kind: kind, expected: candidate)
        }
        if let (term, gloss) = chineseGloss(raw), let candidate = matchingTerm(term), matchingTerm(gloss) != nil {
            return Verdict(outcome: .right, kind: kind, expected: candidate)
        }
        // The glossary: a name of the same concept (`TP`, `张量并行` for `tensor parallelism`), as a whole word or phrase.
        let named = glossary.canonicalTokens(answer.tokens).joined(separator: " ")
        if named.contains("\u{1}") {
            for candidate in candidates where glossary.canonicalTokens(ProseAnswer(candidate).tokens).joined(separator: " ") == named {
                return Verdict(outcome: .right, kind: kind, expected: candidate)
            }
        }
        // A list in another order: `TPOT and TTFT` for `TTFT and TPOT`.
        if let items = listItems(raw) {
            for candidate in candidates where listItems(candidate) == items {
                return Verdict(outcome: .right, kind: kind, expected: candidate)
            }
        }
        // An accepted answer written as a command (`Alt: --optim paged_adamw_32bit`) compares as one,
        // and a dotted name as a Python name (`nn.CrossEntropyLoss` = `torch.nn.CrossEntropyLoss`).
        let code = unwrapCode(typed)
        for candidate in candidates {
            if looksLikeCommand(candidate, grammar: grammar), looksLikeCommand(code, grammar: grammar),
                commandsMatch(code, candidate, others: candidates, grammar: grammar, context: context)
            {
                return Verdict(outcome: .right, kind: kind, expected: candidate)
            }
            if PythonMatcher.isDottedName(code), PythonMatcher.isDottedName(candidate), code.contains(".") || candidate.contains("."),
                PythonMatcher.sameName(code, candidate, grammar: grammar)
            {
                return Verdict(outcome: .right, kind: kind, expected: candidate)
            }
        }
        if kind == .text {
            // Never partly across two terms of the glossary: `tensor` for `pipeline` is another concept, not a slip.
            let answerConcepts = glossary.concepts(in: answer.tokens)
            for candidate in candidates {
                let reference = ProseAnswer(candidate)
                if answer.isTypo(of: reference, vocabulary: vocabulary), answerConcepts.isSubset(of: glossary.concepts(in: reference.tokens)) {
                    return Verdict(
                        outcome: .partly, kind: kind, expected: candidate,
                        diff: characterDiff(from: answer.tokens.joined(separator: " "), to: reference.tokens.joined(separator: " ")))
                }
            }
        }
        return Verdict(outcome: .wrong, kind: kind, expected: first)
    }

    /// Two-letter words that may be part of a hyphenated prose term (`in-context`, `co-located`).
    static let shortWords: Set<String> = ["in", "of", "on", "to", "by", "up", "re", "co", "de", "ex", "no", "or", "is", "it", "at", "as", "an", "be"]

    /// An accepted answer that is a name by its shape alone: one letter (a key press, a variable), a path
    /// (`/metrics`), or a hyphenated name with a part that is no word (`nv-hostengine`).
    static func isLiteralName(_ text: String) -> Bool {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty, !t.contains(" "), !t.unicodeScalars.contains(where: isHan) else { return false }
        if t.count == 1 { return t.first?.isLetter == true }
        if t.hasPrefix("/"), t.count > 1 { return true }
        if t.contains("-"), t.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) {
            let parts = t.lowercased().split(separator: "-")
            return parts.contains { $0.count == 2 && $0.allSatisfy(\.isLetter) && !shortWords.contains(String($0)) }
        }
        return false
    }

    /// The question with a cloze card's blank always shown as `[...]` (a hint would hide where it is).
    static func blankedPrompt(_ card: Card) -> String {
        guard case .cloze(let text, let deletion) = card.content else { return card.prompt }
        return Cloze(text).render { index, answer, _ in index == deletion ? "[...]" : answer }
    }

    /// Whether the card writes `answer` as code: a cloze blank inside backticks (`resources.{{limits}}`), or the
    /// answer as a whole word in a code span of the question or explanation (`--format=csv,noheader,nounits`).
    static func writtenAsCode(_ answer: String, in card: Card) -> Bool {
        let name = answer.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, !name.contains(" "), !name.unicodeScalars.contains(where: isHan) else { return false }
        let prompt = blankedPrompt(card)
        if name.count == 1 {
            let text = (prompt + " " + (card.explanation ?? "")).lowercased()
            if ["key", "press", "shortcut", "keystroke"].contains(where: { text.contains($0) }) { return true }
        }
        if case .cloze = card.content, let blank = prompt.range(of: "[...]"),
            prompt[..<blank.lowerBound].filter({ $0 == "`" }).count % 2 == 1
        {
            return true
        }
        for text in [prompt, card.explanation ?? ""] {
            let spans = text.split(separator: "`", omittingEmptySubsequences: false)
            for (index, span) in spans.enumerated() where index % 2 == 1 {
                let words = span.split(whereSeparator: { !($0.isLetter || $0.isNumber || "_-./".contains($0)) })
                if words.contains(where: { $0 == name }) { return true }
            }
        }
        return false
    }

    /// Whether the question asks for a name in full (`using the full class path`): then an alias such as `DDP` is not it.
    static func asksForFullPath(_ question: String) -> Bool {
        let q = question.lowercased()
        return ["full class path", "full path", "fully qualified", "full module path", "full name"].contains { q.contains($0) }
    }

    /// Whether two Python calls name their callee with the same spelling (true when either is no call).
    static func sameCalleeSpelling(_ a: String, _ b: String) -> Bool {
        guard let x = PythonCall.parse(a), let y = PythonCall.parse(b) else { return true }
        return x.callee == y.callee
    }

    /// The items of a short list (`a, b and c`, `a & b`, `A 和 B`; or `a or b`, `a 或 b`) in normal form, sorted,
    /// with `|` first for an or-list so that `a or b` is never `a and b`; nil when it is not one.
    static func listItems(_ text: String) -> [String]? {
        let folded = text.precomposedStringWithCompatibilityMapping
        if folded.contains(where: { "+*/^=<>×·(".contains($0) }) { return nil }
        let padded = " \(folded.lowercased()) "
        let isOr = [" or ", "或", "或者"].contains { padded.contains($0) }
        if isOr, [" and ", " & ", "和", "及"].contains(where: { padded.contains($0) }) { return nil }
        var parts = [folded]
        let separators = isOr ? [", or ", ", ", " or ", " OR ", " Or ", "或者", "或"] : [", and ", ", ", " and ", " & ", "、", " 和 "]
        for separator in separators {
            parts = parts.flatMap { $0.components(separatedBy: separator) }
        }
        let items = parts.map { ProseAnswer($0).joined }.filter { !$0.isEmpty }
        guard items.count >= 2 else { return nil }
        return (isOr ? ["|"] : []) + items.sorted()
    }

    /// `张量并行（tensor parallelism）` → (`张量并行`, `tensor parallelism`): a Chinese term with a gloss in parentheses.
    static func chineseGloss(_ text: String) -> (term: String, gloss: String)? {
        let folded = text.precomposedStringWithCompatibilityMapping.trimmingCharacters(in: .whitespaces)
        guard folded.hasSuffix(")"), let open = folded.lastIndex(of: "(") else { return nil }
        let term = folded[..<open].trimmingCharacters(in: .whitespaces)
        let gloss = folded[folded.index(after: open)..<folded.index(before: folded.endIndex)].trimmingCharacters(in: .whitespaces)
        guard !term.isEmpty, !gloss.isEmpty, !gloss.contains("("), term.unicodeScalars.contains(where: isHan) || gloss.unicodeScalars.contains(where: isHan)
        else {
            return nil
        }
        return (term, gloss)
    }

    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
    }

    /// `port 9400` → `9400` when the question has the word `port`; otherwise the text unchanged.
    static func droppingQuestionWord(_ text: String, _ question: String) -> String {
        let words = text.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 1).map(String.init)
        guard words.count == 2, words[0].count >= 2, words[0].allSatisfy(\.isLetter), words[1].first?.isNumber == true else { return text }
        let asked = Set(ProseAnswer(question).tokens)
        return asked.contains(ProseAnswer.singular(words[0].lowercased())) ? words[1] : text
    }

    /// The unit a number answer gives (`4.25 bits`) may come from the question when no accepted answer writes one.
    private static func questionNames(_ answer: NumberAnswer, _ question: String) -> Bool {
        guard let unit = answer.unit else { return true }
        let names = NumberAnswer.units.filter { $0.value.unit == unit && $0.value.factor == answer.factor }.map(\.key)
        let words = Set(question.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "%" }).map(String.init))
        return names.contains { words.contains($0.lowercased()) } || (unit == "%" && question.contains("%"))
    }

    /// An answer wrapped in backticks is the command inside them.
    /// Peeled as a slice, in linear time (a copy per pair of backticks was quadratic on a line of them).
    private static func unwrapCode(_ text: String) -> String {
        var t = Substring(text)
        func isSpace(_ character: Character) -> Bool { character.unicodeScalars.allSatisfy(CharacterSet.whitespaces.contains) }
        while !t.dropFirst().isEmpty, t.hasPrefix("`"), t.hasSuffix("`") {
            t = t[t.index(after: t.startIndex)..<t.index(before: t.endIndex)]
            while let character = t.first, isSpace(character) { t = t[t.index(after: t.startIndex)...] }
            while let character = t.last, isSpace(character) { t = t[..<t.index(before: t.endIndex)] }
        }
        return String(t)
    }

    private static func applyAliases(_ text: String, _ spec: GradeSpec?) -> String {
        guard let spec, !spec.aliases.isEmpty else { return text }
        var words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        for group in spec.aliases {
            guard let canonical = group.first else { continue }
            for index in words.indices where group.dropFirst().contains(words[index]) { words[index] = canonical }
        }
        return words.joined(separator: " ")
    }

    static func commandsMatch(_ given: String, _ expected: String, others: [String], grammar: CommandGrammar, context: String?) -> Bool {
        if given == expected { return true }
        if let a = PythonCall.parse(given), let b = PythonCall.parse(expected) {
            return PythonMatcher.equivalent(a, b, grammar: grammar)
        }
        return CommandMatcher.equivalent(given, expected, grammar: grammar, context: context, learned: others)
    }

    /// The tool a question names (`Which DeepSpeed launcher option …`), for answers that are options alone.
    static func contextTool(for question: String, grammar: CommandGrammar) -> String? {
        // `COPY [...] /opt/venv /opt/venv`: a blank inside a Dockerfile instruction takes its grammar (`--from=` only).
        if let blank = question.range(of: "[...]") {
            let before = question[..<blank.lowerBound]
            if before.filter({ $0 == "`" }).count % 2 == 1, let tick = before.lastIndex(of: "`"),
                let word = before[before.index(after: tick)...].split(separator: " ").first,
                CommandMatcher.dockerfileInstructions.contains(String(word)), grammar.node(forPath: [String(word)]) != nil
            {
                return String(word)
            }
        }
        let words = question.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "-" }).map(String.init)
        for word in words {
            if let tool = grammar.contextWords[word] { return tool }
        }
        return nil
    }

    private static func closestCandidate(_ text: String, _ candidates: [String]) -> String {
        candidates.min { editDistance(Array(text), Array($0)) < editDistance(Array(text), Array($1)) } ?? ""
    }

    /// A choice by letter (`b`, `a c`, `(a)`) in the order shown, or by the text of the choice.
    /// `chinese`: the card's Chinese options, in the same order as `choices` (an option may be named in either language).
    static func gradeChoice(_ given: String, choices: [Choice], chinese: [Choice] = [], order: [Int]?) -> Verdict {
        let shown = order ?? Array(choices.indices)
        let correct = Set(shown.indices.filter { choices[shown[$0]].isCorrect })
        let expected = correct.sorted().map { String(UnicodeScalar(UInt8(97 + $0))) }.joined(separator: " ")
        var text = given.precomposedStringWithCompatibilityMapping.lowercased().trimmingCharacters(in: .whitespaces)
        // `选 a`, `答案是 b`, `a 和 c`, `a、b`, `a and c`: the words around and between the letters.
        for prefix in ["答案是", "答案", "选择", "选", "answer:", "answer"] where text.hasPrefix(prefix) {
            text = String(text.dropFirst(prefix.count)).trimmingCharacters(in: CharacterSet(charactersIn: " :："))
            break
        }
        text = text.replacingOccurrences(of: #"(?<=^|[\s,、和])and(?=[\s,、和]|$)"#, with: " ", options: .regularExpression)
        var letters = text.split(whereSeparator: { " ,;()[].、和".contains($0) })
        // `ac` for `a c`: distinct letters of the choices shown, run together.
        if letters.count == 1, let word = letters.first, word.count > 1, word.count <= shown.count, Set(word).count == word.count,
            word.allSatisfy({ $0.isASCII && $0.isLetter && Int($0.asciiValue ?? 0) - 97 < shown.count })
        {
            letters = word.map { Substring(String($0)) }
        }
        var picks = Set<Int>()
        if !letters.isEmpty, letters.allSatisfy({ $0.count == 1 && ("a"..."z").contains(String($0)) }) {
            for letter in letters {
                guard let ascii = letter.first?.asciiValue else { continue }
                let index = Int(ascii) - 97
                guard index < shown.count else { return Verdict(outcome: .wrong, kind: .choice, expected: expected) }
                picks.insert(index)
            }
        } else {
            let answer = ProseAnswer(given).joined
            let code = given.trimmingCharacters(in: CharacterSet(charactersIn: "` ")).split(separator: " ").joined(separator: " ")
            // A choice that is code (`tail -F x`) keeps its case: -F is not -f.
            func matches(_ choice: String) -> Bool {
                if choice.contains("`") {
                    let choiceCode = choice.trimmingCharacters(in: CharacterSet(charactersIn: "` ")).split(separator: " ").joined(separator: " ")
                    return choiceCode == code
                }
                return ProseAnswer(choice).joined == answer
            }
            let translated = chinese.count == choices.count ? chinese : []
            guard
                let index = shown.indices.first(where: {
                    matches(choices[shown[$0]].text) || (!translated.isEmpty && matches(translated[shown[$0]].text))
                })
            else {
                return Verdict(outcome: .wrong, kind: .choice, expected: expected)
            }
            picks = [index]
        }
        // Only the whole set of right options is right: a part of it is a wrong answer, not a partial one.
        if picks == correct { return Verdict(outcome: .right, kind: .choice, expected: expected) }
        return Verdict(outcome: .wrong, kind: .choice, expected: expected)
    }

    /// The suggested SM-2 grade for an outcome: right 5, partly 3, wrong 1.
    public static func suggestedGrade(_ outcome: Outcome) -> Grade {
        switch outcome {
        case .right: .perfect
        case .partly: .hard
        case .wrong: .wrong
        }
    }

    /// Levenshtein distance, giving up (returning `limit + 1`) once it must exceed `limit`.
    public static func editDistance<T: Equatable>(_ a: [T], _ b: [T], limit: Int = .max) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        if limit != .max && abs(a.count - b.count) > limit { return limit + 1 }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMinimum = min(rowMinimum, current[j])
            }
            if limit != .max && rowMinimum > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The expected text with the edits that turn `given` into it marked:
    /// `[+x]` where a character is missing, `[-x]` where one is extra, `[x→y]` where one differs.
    public static func characterDiff(from given: String, to expected: String) -> String {
        let a = Array(given)
        let b = Array(expected)
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        if !a.isEmpty && !b.isEmpty {
            for i in 1...a.count {
                for j in 1...b.count {
                    table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                }
            }
        }
        var pieces: [String] = []
        var i = a.count
        var j = b.count
        while i > 0 || j > 0 {
            if i > 0 && j > 0 && a[i - 1] == b[j - 1] && table[i][j] == table[i - 1][j - 1] {
                pieces.append(String(b[j - 1]))
                i -= 1
                j -= 1
            } else if i > 0 && j > 0 && table[i][j] == table[i - 1][j - 1] + 1 {
                pieces.append("[\(a[i - 1])→\(b[j - 1])]")
                i -= 1
                j -= 1
            } else if j > 0 && table[i][j] == table[i][j - 1] + 1 {
                pieces.append("[+\(b[j - 1])]")
                j -= 1
            } else {
                pieces.append("[-\(a[i - 1])]")
                i -= 1
            }
        }
        return pieces.reversed().joined()
    }
}
