/// The content checks `recall check` runs over parsed decks (issues 14 and 15),
/// beyond what the parser itself rejects: multiple-choice cards whose answer
/// shows by its form, Chinese text that is missing, that changed a command
/// or left an English sentence untranslated, and `Related:` names that point
/// nowhere. All warnings (errors under `--strict`). Pure.
public enum ContentLinter {
    public struct Options: Sendable {
        /// Decks whose every card must have Chinese for each field (the bundled decks' bar).
        public var requireChinese: @Sendable (LoadedDeck) -> Bool

        public init(requireChinese: @escaping @Sendable (LoadedDeck) -> Bool = { _ in false }) {
            self.requireChinese = requireChinese
        }
    }

    /// The name diagnostics about the whole set of checked decks are filed under.
    public static let allDecksName = "(all checked decks)"

    public static func lint(_ decks: [LoadedDeck], options: Options = Options()) -> [DeckDiagnostic] {
        var diagnostics: [DeckDiagnostic] = []
        diagnostics += choiceShape(decks)
        for loaded in decks {
            let require = options.requireChinese(loaded)
            var notesDone: Set<String> = []
            for card in loaded.deck.cards where notesDone.insert(card.noteID).inserted {
                diagnostics += translation(card, path: loaded.path, requireChinese: require)
            }
        }
        diagnostics += related(decks)
        return diagnostics
    }

    // MARK: Multiple choice (issue 14)

    static func choiceShape(_ decks: [LoadedDeck]) -> [DeckDiagnostic] {
        var diagnostics: [DeckDiagnostic] = []
        for chinese in [false, true] {
            let language = chinese ? "Chinese " : ""
            var overall = ChoiceShape.Tally()
            for loaded in decks {
                let tally = ChoiceShape.tally([loaded.deck], chinese: chinese)
                overall.singleAnswer += tally.singleAnswer
                overall.longest += tally.longest
                overall.onlyQualified += tally.onlyQualified
                diagnostics += shareWarnings(
                    tally, limit: ChoiceShape.maximumSharePerDeck, file: loaded.path,
                    scope: "\(language)deck '\(loaded.deck.id)'", limitName: "per deck")
                var notesDone: Set<String> = []
                for card in loaded.deck.cards where notesDone.insert(card.noteID).inserted {
                    guard case .choice(_, let english) = card.content else { continue }
                    let choices = chinese ? (card.chinese?.choices ?? []) : english
                    if ChoiceShape.rightIsFarLonger(choices) {
                        diagnostics.append(
                            DeckDiagnostic(
                                .warning, file: loaded.path, line: card.line, column: 1,
                                "card '\(card.noteID)': the right \(language)option is more than \(ChoiceShape.maximumLengthRatio)× as long as every distractor",
                                hint: "give the distractors the same length, grammar and specificity as the answer"))
                    }
                }
            }
            diagnostics += shareWarnings(
                overall, limit: ChoiceShape.maximumShareAcrossDecks, file: allDecksName,
                scope: "\(language)choices of the checked decks", limitName: "across the decks")
        }
        return diagnostics
    }

    static func shareWarnings(_ tally: ChoiceShape.Tally, limit: Double, file: String, scope: String, limitName: String) -> [DeckDiagnostic] {
        var out: [DeckDiagnostic] = []
        func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }
        let hint = "rework the distractors so the answer cannot be spotted by form: same length, grammar, specificity and hedging"
        if tally.longestShare > limit {
            out.append(
                DeckDiagnostic(
                    .warning, file: file, line: 1, column: 1,
                    "\(scope): the right option is the longest in \(tally.longest) of \(tally.singleAnswer) single-answer cards (\(percent(tally.longestShare)); at most \(percent(limit)) \(limitName))",
                    hint: hint))
        }
        if tally.onlyQualifiedShare > limit {
            out.append(
                DeckDiagnostic(
                    .warning, file: file, line: 1, column: 1,
                    "\(scope): the right option is the only qualified one ('but', 'only', parentheses …) in \(tally.onlyQualified) of \(tally.singleAnswer) single-answer cards (\(percent(tally.onlyQualifiedShare)); at most \(percent(limit)) \(limitName))",
                    hint: hint))
        }
        return out
    }

    // MARK: Chinese (issue 15)

    /// The pairs of English and Chinese text a card has, by field name; Chinese nil where missing.
    static func fieldPairs(_ card: Card) -> [(field: String, english: String, chinese: String?)] {
        let zh = card.chinese
        var pairs: [(String, String, String?)] = []
        switch card.content {
        case .basic(let question, let answer):
            pairs.append(("Q", question, zh?.question))
            pairs.append(("A", answer, zh?.answer))
        case .cloze(let text, _):
            pairs.append(("C", text, zh?.clozeText))
        case .choice(let question, let choices):
            pairs.append(("M", question, zh?.question))
            let chineseChoices = zh?.choices ?? []
            for (index, choice) in choices.enumerated() {
                pairs.append(("choice \(index + 1)", choice.text, index < chineseChoices.count ? chineseChoices[index].text : nil))
            }
        case .typed(let question, _, _):
            pairs.append(("T", question, zh?.question))
        }
        if let why = card.explanation { pairs.append(("Why", why, zh?.explanation)) }
        return pairs
    }

    static func translation(_ card: Card, path: String, requireChinese: Bool) -> [DeckDiagnostic] {
        var diagnostics: [DeckDiagnostic] = []
        func warn(_ message: String, hint: String) {
            diagnostics.append(DeckDiagnostic(.warning, file: path, line: card.line, column: 1, "card '\(card.noteID)': \(message)", hint: hint))
        }
        let pairs = fieldPairs(card)
        if requireChinese {
            let missing = pairs.filter { $0.chinese == nil }.map(\.field)
            let names = Array(Set(missing.map { $0.hasPrefix("choice") ? "M" : $0 }))
            if !missing.isEmpty {
                let ordered = ["Q", "A", "C", "M", "T", "Why"].filter(names.contains)
                warn(
                    "no Chinese for \(ordered.map { "'\($0):'" }.joined(separator: ", "))\(missing.contains { $0.hasPrefix("choice") } ? " (or its choices)" : "")",
                    hint: "add \(ordered.map { "'\($0).zh:'" }.joined(separator: ", ")) after the English fields; see docs/deck-format.md")
            }
        }
        if case .cloze(let text, _) = card.content, let chineseText = card.chinese?.clozeText {
            // Deletion i of the Chinese is asked with deletion i of the English, so the
            // numbers each holds must be the same: a swapped order accepts the wrong fill.
            let english = Cloze(text).deletions.map(\.answer)
            let chinese = Cloze(chineseText).deletions.map(\.answer)
            for (index, (en, zh)) in zip(english, chinese).enumerated() where numbers(in: en) != numbers(in: zh) {
                warn(
                    "Chinese deletion \(index + 1) '\(zh)' does not hold the numbers of English deletion \(index + 1) '\(en)'",
                    hint: "the Chinese deletions come in the English order; reword the Chinese sentence so that they do")
            }
        }
        for pair in pairs {
            guard let chinese = pair.chinese else { continue }
            let englishCode = CodeSpans.of(pair.english)
            let chineseCode = CodeSpans.of(chinese)
            if englishCode.sorted() != chineseCode.sorted() {
                let lost = englishCode.filter { !chineseCode.contains($0) }
                let added = chineseCode.filter { !englishCode.contains($0) }
                var parts: [String] = []
                if !lost.isEmpty { parts.append("lacks \(lost.map(quoteCode).joined(separator: ", "))") }
                if !added.isEmpty { parts.append("adds \(added.map(quoteCode).joined(separator: ", "))") }
                if parts.isEmpty { parts.append("repeats code a different number of times") }
                warn(
                    "the Chinese \(fieldName(pair.field)) \(parts.joined(separator: " and ")) compared with the English",
                    hint: "commands and code (backtick spans and fenced blocks) stay exactly as in English")
            }
            if let english = UntranslatedText.englishSentence(in: chinese, comparedWith: pair.english) {
                warn(
                    "the Chinese \(fieldName(pair.field)) holds untranslated English: '\(english)'",
                    hint: "translate the sentence; keep only terms engineers say in English, commands and code")
            }
        }
        return diagnostics
    }

    /// The digit runs of a text (`99.3%` → `["99.3"]`), in order.
    static func numbers(in text: String) -> [Substring] {
        var runs: [Substring] = []
        var start: String.Index?
        for index in text.indices {
            let character = text[index]
            if character.isASCII, character.isNumber || (character == "." && start != nil) {
                if start == nil { start = index }
            } else if let first = start {
                runs.append(text[first..<index])
                start = nil
            }
        }
        if let first = start { runs.append(text[first...]) }
        return runs.map { $0.hasSuffix(".") ? $0.dropLast() : $0 }
    }

    static func fieldName(_ field: String) -> String { field.hasPrefix("choice") ? field : "'\(field).zh:'" }

    static func quoteCode(_ code: String) -> String {
        let oneLine = code.split(separator: "\n").first.map(String.init) ?? code
        return "`\(oneLine.count > 40 ? String(oneLine.prefix(39)) + "…" : oneLine)`"
    }

    // MARK: Related

    static func related(_ decks: [LoadedDeck]) -> [DeckDiagnostic] {
        var notes: [String: Set<String>] = [:]
        for loaded in decks { notes[loaded.deck.id] = Set(loaded.deck.cards.map(\.noteID)) }
        var diagnostics: [DeckDiagnostic] = []
        for loaded in decks {
            var notesDone: Set<String> = []
            for card in loaded.deck.cards where notesDone.insert(card.noteID).inserted {
                for name in card.related {
                    let parts = name.split(separator: "/", maxSplits: 1).map(String.init)
                    guard parts.count == 2, let known = notes[parts[0]] else { continue }
                    if !known.contains(parts[1]) {
                        diagnostics.append(
                            DeckDiagnostic(
                                .warning, file: loaded.path, line: card.line, column: 1,
                                "card '\(card.noteID)': related card '\(name)' is not in deck '\(parts[0])'",
                                hint: "name an existing card ('card-id' or 'deck-id/card-id'; a cloze note by its note id)"))
                    }
                }
            }
        }
        return diagnostics
    }
}

/// Inline code spans and fenced code blocks of a text, as written.
public enum CodeSpans {
    public static func of(_ text: String) -> [String] {
        var spans: [String] = []
        var fenced: [Substring] = []
        var fence: Substring?
        var prose: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if let open = fence {
                if trimmed.hasPrefix(open) && trimmed.allSatisfy({ $0 == open.first }) {
                    spans.append(fenced.joined(separator: "\n"))
                    fenced = []
                    fence = nil
                } else {
                    fenced.append(line)
                }
            } else if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = trimmed.prefix { $0 == trimmed.first }
            } else {
                prose.append(line)
            }
        }
        if fence != nil { spans.append(fenced.joined(separator: "\n")) }
        spans += inline(prose.joined(separator: "\n"))
        return spans
    }

    /// Backtick spans: a run of n backticks up to the next run of exactly n.
    static func inline(_ text: String) -> [String] {
        var spans: [String] = []
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            guard characters[index] == "`" else {
                index += 1
                continue
            }
            var run = 0
            while index + run < characters.count && characters[index + run] == "`" { run += 1 }
            var search = index + run
            var closed = false
            while search < characters.count {
                if characters[search] == "`" {
                    var closeRun = 0
                    while search + closeRun < characters.count && characters[search + closeRun] == "`" { closeRun += 1 }
                    if closeRun == run {
                        spans.append(String(characters[(index + run)..<search]))
                        index = search + closeRun
                        closed = true
                        break
                    }
                    search += closeRun
                } else {
                    search += 1
                }
            }
            if !closed { index += run }
        }
        return spans
    }

    /// The text with its code spans and fenced blocks removed.
    static func removingCode(_ text: String) -> String {
        var out = ""
        var fence: Substring?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if let open = fence {
                if trimmed.hasPrefix(open) && trimmed.allSatisfy({ $0 == open.first }) { fence = nil }
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = trimmed.prefix { $0 == trimmed.first }
                continue
            }
            var inCode = false
            for character in line {
                if character == "`" {
                    inCode.toggle()
                    out.append(" ")
                    continue
                }
                out.append(inCode ? " " : character)
            }
            out.append("\n")
        }
        return out
    }
}

/// Finds English prose left in a Chinese field.
public enum UntranslatedText {
    /// A run of at least this many English words with nothing Chinese between them reads as an untranslated sentence.
    public static let sentenceWords = 6
    /// A Chinese field with no Chinese at all is untranslated once it has this many English words.
    public static let bareWords = 3

    /// The first untranslated English run in `chinese`, or nil. Code, and text
    /// in quotation marks (titles), are left out; a field that is the same as
    /// the English and has no words (a formula, a number) is fine.
    public static func englishSentence(in chinese: String, comparedWith english: String) -> String? {
        let prose = CodeSpans.removingCode(chinese)
        let runs = wordRuns(removingQuoted(prose))
        let hasChinese = prose.contains { $0.isCJK }
        if !hasChinese {
            let words = runs.reduce(0) { $0 + $1.words }
            if words >= bareWords { return clip(prose.trimmingSpaces) }
            return nil
        }
        return runs.first { $0.words >= sentenceWords }.map { clip($0.text) }
    }

    static func clip(_ text: String) -> String {
        let line = text.split(separator: "\n").first.map(String.init) ?? text
        return line.count > 60 ? String(line.prefix(59)) + "…" : line
    }

    /// Removes text between quotation marks: "…", “…”, 《…》, 「…」.
    static func removingQuoted(_ text: String) -> String {
        var out = ""
        var closing: Character?
        let pairs: [Character: Character] = ["\"": "\"", "“": "”", "《": "》", "「": "」"]
        for character in text {
            if let close = closing {
                if character == close {
                    closing = nil
                    out.append(" ")
                }
                continue
            }
            if let close = pairs[character] {
                closing = close
                continue
            }
            out.append(character)
        }
        return closing == nil ? out : text
    }

    /// Runs of Latin-letter words separated only by spaces and light punctuation;
    /// `words` counts the words of two letters or more (so `p`, `m` in a formula do not count).
    static func wordRuns(_ text: String) -> [(text: String, words: Int)] {
        var runs: [(String, Int)] = []
        var current = ""
        var words = 0
        var letters = 0
        func endWord() {
            if letters >= 2 { words += 1 }
            letters = 0
        }
        func close() {
            endWord()
            if words > 0 { runs.append((current.trimmingSpaces, words)) }
            current = ""
            words = 0
        }
        for character in text {
            if character.isASCII && character.isLetter {
                letters += 1
                current.append(character)
            } else if character == "'" || character == "-" {
                current.append(character)
            } else if " ,;:.".contains(character) {
                endWord()
                current.append(character)
            } else {
                close()
            }
        }
        close()
        return runs
    }
}
