import Foundation

/// Short prose (a term, a name, a formula) in a normal form: case folded,
/// NFKC, surrounding quotes and backticks gone, articles and punctuation
/// dropped, plurals made singular, `-ise` spelled `-ize`, and maths notation
/// made one (`ᵀ` `^T`, `√` `sqrt`, `×` `·` `*`, `²` `^2`, `≈` `~`, Greek
/// letters by name).
struct ProseAnswer: Hashable, Sendable {
    /// The tokens: words (singular), numbers and operators.
    var tokens: [String]
    /// Whether each token was written as an identifier (`d_k`, `FlatParameter`, `int4_awq`), where a typo is another name.
    var identifiers: [Bool]

    var joined: String { tokens.joined() }
    /// The formula with its top-level terms (`a + b`) and each term's top-level factors (`x × y`, `s·(q − z)`)
    /// sorted: `N^2 + Nd` = `Nd + N²`, `DP × PP × TP` = `TP × PP × DP`; nil when it has no such sum or product.
    var commutative: String?

    /// Whether the two are the same formula up to the order of whole terms and factors.
    func sameUpToOrder(_ other: ProseAnswer) -> Bool {
        guard let mine = commutative, let theirs = other.commutative else { return false }
        return mine == theirs
    }

    /// ``commutative`` from the tokens: only `+` and `*` at the top level are reordered, and only when nothing at
    /// that level binds across them (`-`, `/`, `=`, a comparison): `s·q − z` is not `s·(q − z)` nor `z − s·q`.
    static func commutativeForm(_ tokens: [String]) -> String? {
        func split(_ part: ArraySlice<String>, at separator: String, refusing: Set<String>) -> [ArraySlice<String>]? {
            var pieces: [ArraySlice<String>] = []
            var depth = 0
            var start = part.startIndex
            for index in part.indices {
                let token = part[index]
                if "([".contains(token) { depth += 1 } else if ")]".contains(token) { depth -= 1 }
                guard depth == 0 else { continue }
                if refusing.contains(token) { return nil }
                if token == separator {
                    pieces.append(part[start..<index])
                    start = index + 1
                }
            }
            pieces.append(part[start..<part.endIndex])
            return pieces.contains(where: \.isEmpty) ? nil : pieces
        }
        let binding: Set<String> = ["-", "=", "<", ">", "~", ":", "!", "|", "@", "%"]
        guard tokens.count >= 3, let terms = split(tokens[...], at: "+", refusing: binding) else { return nil }
        var sawOperator = terms.count > 1
        let written = terms.map { term -> String in
            // `s(q − z)`: a one-letter name before a bracket, and a bracket before a name, multiply.
            var factors: [String] = []
            guard let pieces = split(term, at: "*", refusing: ["/"]) else { return term.joined() }
            for piece in pieces {
                var current: [String] = []
                var depth = 0
                for token in piece {
                    if depth == 0, let last = current.last,
                        (token == "(" && last.count == 1 && last.first?.isLetter == true) || (last == ")" && token != ")" && token != "^")
                    {
                        factors.append(current.joined())
                        current = []
                    }
                    if "([".contains(token) { depth += 1 } else if ")]".contains(token) { depth -= 1 }
                    current.append(token)
                }
                factors.append(current.joined())
            }
            if factors.count > 1 { sawOperator = true }
            return factors.sorted().joined(separator: "*")
        }
        return sawOperator ? written.sorted().joined(separator: "+") : nil
    }

    static let greek: [Character: String] = [
        "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "ϵ": "epsilon", "ζ": "zeta", "η": "eta",
        "θ": "theta", "ι": "iota", "κ": "kappa", "λ": "lambda", "μ": "mu", "ν": "nu", "ξ": "xi", "π": "pi", "ρ": "rho",
        "σ": "sigma", "τ": "tau", "υ": "upsilon", "φ": "phi", "χ": "chi", "ψ": "psi", "ω": "omega",
        "Γ": "gamma", "Δ": "delta", "Θ": "theta", "Λ": "lambda", "Ξ": "xi", "Π": "pi", "Φ": "phi",
        "Ψ": "psi", "Ω": "omega", "ℓ": "l",
    ]

    static let symbols: [Character: String] = [
        "ᵀ": "^t", "√": "sqrt ", "×": "*", "·": "*", "⋅": "*", "∙": "*", "²": "^2", "³": "^3", "≈": "~", "−": "-", "–": "-",
        "—": "-", "≪": "<<", "≫": ">>", "≤": "<=", "≥": ">=", "≠": "!=", "→": "->", "⊙": "*", "∑": "sum ", "Σ": "sum ", "{": "(", "}": ")", "∈": " in ",
        "₀": "0", "₁": "1", "₂": "2", "₃": "3", "₄": "4", "ᵢ": "i", "ⱼ": "j", "ₖ": "k", "ₜ": "t", "∞": "inf",
    ]

    static let articles: Set<String> = ["a", "an", "the"]

    /// Names of one thing: the first is compared.
    static let synonyms: [String: String] = [
        "bfloat16": "bf16", "float16": "fp16", "half": "fp16", "float32": "fp32", "float64": "fp64", "double": "fp64",
        "float8": "fp8",
    ]

    init(_ raw: String) {
        // Symbols first: NFKC would turn `ᵀ` into `T` and `²` into `2`.
        var symbolic = ""
        for c in raw {
            if let name = Self.greek[c] { symbolic += " \(name) " } else if let symbol = Self.symbols[c] { symbolic += symbol } else { symbolic.append(c) }
        }
        let trimmed = symbolic.precomposedStringWithCompatibilityMapping.trimmingCharacters(in: .whitespacesAndNewlines)
        let wrappers = CharacterSet(charactersIn: "`\"'“”‘’*")
        // Peeled as a slice, in time linear in the text (copying it once per pair of wrappers was
        // quadratic: a line of 20,000 backticks took 90 s).
        var text = Substring(trimmed)
        func isSpace(_ character: Character) -> Bool { character.unicodeScalars.allSatisfy(CharacterSet.whitespaces.contains) }
        while let first = text.unicodeScalars.first, let last = text.unicodeScalars.last, !text.dropFirst().isEmpty,
            wrappers.contains(first), wrappers.contains(last)
        {
            text = text[text.index(after: text.startIndex)..<text.index(before: text.endIndex)]
            while let character = text.first, isSpace(character) { text = text[text.index(after: text.startIndex)...] }
            while let character = text.last, isSpace(character) { text = text[..<text.index(before: text.endIndex)] }
        }
        var mapped = String(text).replacingOccurrences(of: "**", with: "^")
        // `x_i` = `xᵢ` = `xi`, `d_k` = `dk`: an underscore before a one-character subscript is notation, not a name
        // (a key chord `Ctrl_b` stays one).
        mapped = mapped.replacingOccurrences(of: #"(?i)(?<=[a-z0-9])(?<!ctrl)_([a-z0-9])(?![a-z0-9_])"#, with: "$1", options: .regularExpression)
        // A key chord is a name: `Ctrl-b` = `Ctrl+b` = `ctrl b`, and `Ctrl-a` is another key.
        mapped = mapped.replacingOccurrences(of: #"(?i)\bctrl\s*[-+ ]\s*"#, with: "ctrl_", options: .regularExpression)
        // `128 x 128`: an x between numbers is a times sign.
        mapped = mapped.replacingOccurrences(of: #"(\d)\s*x\s*(\d)"#, with: "$1*$2", options: .regularExpression)
        // `TP x PP x DP`: a lone x between capitals (names of sizes) is a times sign too.
        mapped = mapped.replacingOccurrences(of: #"(?<=[A-Z0-9)])\s+x\s+(?=[A-Z0-9(])"#, with: " * ", options: .regularExpression)
        var tokens: [String] = []
        var identifiers: [Bool] = []
        var word = ""
        // `word.count` walks the whole word: counted here, so a long word costs linear time, not quadratic.
        var wordLength = 0
        var wordIsIdentifier = false
        let chars = Array(mapped)
        func flush() {
            guard !word.isEmpty else { return }
            tokens.append(word.lowercased())
            identifiers.append(wordIsIdentifier)
            word = ""
            wordLength = 0
            wordIsIdentifier = false
        }
        for (index, c) in chars.enumerated() {
            if c.isLetter || c.isNumber || c == "_" {
                if c == "_" || c.isNumber || (c.isUppercase && !word.isEmpty && word.last?.isLowercase == true) { wordIsIdentifier = true }
                // `DTensor`: capitals then lower case, other than an acronym's plural (`GPUs`).
                if c.isLowercase, wordLength >= 2, word.suffix(2).allSatisfy(\.isUppercase),
                    !(c == "s" && (index + 1 == chars.count || !chars[index + 1].isLetter))
                {
                    wordIsIdentifier = true
                }
                word.append(c)
                wordLength += 1
            } else if c == ".", !word.isEmpty, index + 1 < chars.count, chars[index + 1].isLetter || chars[index + 1].isNumber {
                word.append(c)
                wordLength += 1
                wordIsIdentifier = true
            } else if c == "-", wordLength >= 2, word.last?.isLetter == true, index + 1 < chars.count, chars[index + 1].isLetter {
                continue  // `all-reduce` is `allreduce`; `q-z` (one letter) is a difference
            } else {
                flush()
                if "+-*/^=<>~%:!|@()[]".contains(c) {
                    tokens.append(String(c))
                    identifiers.append(false)
                }
            }
        }
        flush()
        // Brackets matter in a formula (`(p − 1)/m` is not `p − 1/m`) but not around one name
        // (`sqrt(d_k)` = `√d_k`) or around the whole answer.
        func dropBrackets() {
            var changed = true
            while changed {
                changed = false
                var i = 0
                while i + 1 < tokens.count {
                    if "([".contains(tokens[i]), ")]".contains(tokens[i + 1]) {
                        // `invoke()` is `invoke`.
                        tokens.removeSubrange(i...(i + 1))
                        identifiers.removeSubrange(i...(i + 1))
                        changed = true
                    } else if i + 2 < tokens.count, "([".contains(tokens[i]), ")]".contains(tokens[i + 2]) {
                        tokens.remove(at: i + 2)
                        identifiers.remove(at: i + 2)
                        tokens.remove(at: i)
                        identifiers.remove(at: i)
                        changed = true
                    } else {
                        i += 1
                    }
                }
                if tokens.count >= 2, "([".contains(tokens[0]), ")]".contains(tokens[tokens.count - 1]) {
                    var depth = 0
                    var wrapsAll = true
                    for (index, token) in tokens.enumerated() {
                        if "([".contains(token) { depth += 1 }
                        if ")]".contains(token) { depth -= 1 }
                        if depth == 0 && index < tokens.count - 1 {
                            wrapsAll = false
                            break
                        }
                    }
                    if wrapsAll {
                        tokens.removeFirst()
                        identifiers.removeFirst()
                        tokens.removeLast()
                        identifiers.removeLast()
                        changed = true
                    }
                }
            }
        }
        dropBrackets()
        // Articles go when a word follows; plurals and -ise spellings are made one.
        var kept: [String] = []
        var keptIdentifiers: [Bool] = []
        for (index, token) in tokens.enumerated() {
            if Self.articles.contains(token), index + 1 < tokens.count, tokens[index + 1].count >= 3, tokens[index + 1].allSatisfy(\.isLetter) { continue }
            let word = identifiers[index] ? token : Self.singular(token)
            kept.append(Self.synonyms[word] ?? word)
            keptIdentifiers.append(identifiers[index])
        }
        commutative = Self.commutativeForm(kept)
        // `4·p` is `4p` and `B·A` is `BA`: a times sign is implicit except between two numbers.
        var index = 1
        while index + 1 < kept.count {
            if kept[index] == "*", let left = kept[index - 1].last, let right = kept[index + 1].first,
                left.isLetter || left.isNumber, right.isLetter || right.isNumber, !(left.isNumber && right.isNumber)
            {
                kept.remove(at: index)
                keptIdentifiers.remove(at: index)
            } else {
                index += 1
            }
        }
        self.tokens = kept
        self.identifiers = keptIdentifiers
    }

    static func singular(_ word: String) -> String {
        guard word.count >= 4, word.allSatisfy(\.isLetter) else { return word }
        var w = word
        for (from, to) in [("isation", "ization"), ("ising", "izing"), ("iser", "izer"), ("ised", "ized"), ("ises", "izes")] where w.hasSuffix(from) {
            w = String(w.dropLast(from.count)) + to
        }
        if w.hasSuffix("ise"), w.count >= 6 { w = String(w.dropLast(3)) + "ize" }
        if w.hasSuffix("ies"), w.count > 4 { return String(w.dropLast(3)) + "y" }
        if w.hasSuffix("sses") || w.hasSuffix("shes") || w.hasSuffix("ches") || w.hasSuffix("xes") || w.hasSuffix("sses") { return String(w.dropLast(2)) }
        if w.hasSuffix("ses"), w.count > 5 { return String(w.dropLast(2)) }
        if w.hasSuffix("s"), !w.hasSuffix("ss"), !w.hasSuffix("us"), !w.hasSuffix("is") { return String(w.dropLast()) }
        return w
    }

    /// A one-word typo: the same tokens but one word, of five letters or more,
    /// written with one edit (a transposition counts as one), starting with the
    /// same letter, and not itself a word of `vocabulary`. Never in a number,
    /// an identifier or an operator.
    func isTypo(of reference: ProseAnswer, vocabulary: Set<String>) -> Bool {
        guard tokens.count == reference.tokens.count else { return false }
        let differing = tokens.indices.filter { tokens[$0] != reference.tokens[$0] }
        guard differing.count == 1, let index = differing.first else { return false }
        let expected = reference.tokens[index]
        let given = tokens[index]
        guard !reference.identifiers[index], !identifiers[index], expected.count >= 5,
            // Latin letters only: one character of a Chinese term is another term.
            expected.allSatisfy({ $0.isASCII && $0.isLetter }), given.allSatisfy({ $0.isASCII && $0.isLetter }),
            expected.first == given.first, !vocabulary.contains(given)
        else { return false }
        return Self.optimalStringAlignment(Array(given), Array(expected)) == 1
    }

    /// Levenshtein distance with adjacent transpositions counted as one edit.
    static func optimalStringAlignment(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }
}
