/// A one-line Python call (`LoraConfig(r=8, lora_alpha=16)`, `x = f(a, b=1)`)
/// or a lone keyword argument (`bnb_4bit_quant_type="nf4"`), read well enough
/// to compare: positional arguments in order, keyword arguments in any order,
/// `'…'` = `"…"`, spaces outside strings ignored.
struct PythonCall: Hashable, Sendable {
    struct Argument: Hashable, Sendable {
        var name: String?
        var value: String
    }

    var target: String?
    /// The called expression (`torch.nn.utils.clip_grad_norm_`); empty for a lone keyword argument.
    var callee: String
    var arguments: [Argument]

    static func parse(_ text: String) -> PythonCall? {
        var body = Substring(text.trimmingCharacters(in: .whitespaces))
        var target: String?
        if let equals = topLevelAssignment(body) {
            let left = body[..<equals].trimmingCharacters(in: .whitespaces)
            let right = body[body.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            guard isTargetList(left), !right.isEmpty else { return nil }
            if !right.hasSuffix(")") {
                // `name=value`: a keyword argument on its own, or `obj.attr = value`. ALL_CAPS=… is a shell variable, not Python.
                guard !left.contains(","), left.contains(where: \.isLowercase) else { return nil }
                return PythonCall(target: nil, callee: "", arguments: [Argument(name: left, value: normalizeExpression(right))])
            }
            target = left.replacingOccurrences(of: " ", with: "")
            body = Substring(right)
        }
        guard body.hasSuffix(")"), let open = matchingOpen(body) else { return nil }
        let callee = body[..<open].trimmingCharacters(in: .whitespaces)
        guard !callee.isEmpty, isCalleeShaped(callee) else { return nil }
        let inner = body[body.index(after: open)..<body.index(before: body.endIndex)]
        guard let pieces = splitArguments(inner) else { return nil }
        var arguments: [Argument] = []
        for piece in pieces {
            let trimmed = piece.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            if let equals = topLevelAssignment(Substring(trimmed)) {
                let name = trimmed[..<equals].trimmingCharacters(in: .whitespaces)
                if isIdentifier(name) {
                    arguments.append(Argument(name: name, value: normalizeExpression(String(trimmed[trimmed.index(after: equals)...]))))
                    continue
                }
            }
            arguments.append(Argument(name: nil, value: normalizeExpression(trimmed)))
        }
        return PythonCall(target: target, callee: normalizeExpression(callee), arguments: arguments)
    }

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.first, first.isLetter || first == "_" else { return false }
        return text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }

    private static func isTargetList(_ text: String) -> Bool {
        text.split(separator: ",").allSatisfy { part in
            let name = part.trimmingCharacters(in: .whitespaces)
            return !name.isEmpty && name.split(separator: ".").allSatisfy { isIdentifier(String($0)) }
        }
    }

    private static func isCalleeShaped(_ text: String) -> Bool {
        guard let first = text.first, first.isLetter || first == "_" else { return false }
        return !text.contains(" ") || text.replacingOccurrences(of: " ", with: "").count == text.count
    }

    /// The index of the first `=` outside brackets and strings that is not part of `==`, `<=`, `>=`, `!=`.
    private static func topLevelAssignment(_ text: Substring) -> Substring.Index? {
        let chars = Array(text)
        var depth = 0
        var quote: Character?
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if let q = quote {
                if c == "\\" { i += 1 } else if c == q { quote = nil }
            } else if c == "'" || c == "\"" {
                quote = c
            } else if "([{".contains(c) {
                depth += 1
            } else if ")]}".contains(c) {
                depth -= 1
            } else if c == "=", depth == 0 {
                let next: Character = i + 1 < chars.count ? chars[i + 1] : " "
                let before: Character = i > 0 ? chars[i - 1] : " "
                if next == "=" || "<>!=".contains(before) {
                    i += 2
                    continue
                }
                return text.index(text.startIndex, offsetBy: i)
            }
            i += 1
        }
        return nil
    }

    /// The `(` that the final `)` closes.
    private static func matchingOpen(_ text: Substring) -> Substring.Index? {
        let chars = Array(text)
        var quote: Character?
        var opens: [Int] = []
        var lastPair: Int?
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if let q = quote {
                if c == "\\" { i += 1 } else if c == q { quote = nil }
            } else if c == "'" || c == "\"" {
                quote = c
            } else if c == "(" {
                opens.append(i)
            } else if c == ")" {
                guard let open = opens.popLast() else { return nil }
                if opens.isEmpty { lastPair = open }
            }
            i += 1
        }
        guard quote == nil, opens.isEmpty, let lastPair else { return nil }
        return text.index(text.startIndex, offsetBy: lastPair)
    }

    private static func splitArguments(_ text: Substring) -> [String]? {
        var pieces: [String] = []
        var current = ""
        var depth = 0
        var quote: Character?
        var escaped = false
        for c in text {
            if let q = quote {
                current.append(c)
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == q { quote = nil }
                continue
            }
            switch c {
            case "'", "\"":
                quote = c
                current.append(c)
            case "(", "[", "{":
                depth += 1
                current.append(c)
            case ")", "]", "}":
                depth -= 1
                current.append(c)
            case "," where depth == 0:
                pieces.append(current)
                current = ""
            default: current.append(c)
            }
        }
        guard quote == nil, depth == 0 else { return nil }
        pieces.append(current)
        return pieces
    }

    /// Spaces outside strings dropped, every string written with double quotes, numbers by value.
    static func normalizeExpression(_ text: String) -> String {
        var out = ""
        var quote: Character?
        var escaped = false
        for c in text.trimmingCharacters(in: .whitespaces) {
            if let q = quote {
                if escaped {
                    escaped = false
                    out.append(c)
                    continue
                }
                if c == "\\" {
                    escaped = true
                    out.append(c)
                    continue
                }
                if c == q {
                    quote = nil
                    out.append("\"")
                    continue
                }
                out.append(c == "\"" ? "'" : c)
                continue
            }
            if c == "'" || c == "\"" {
                quote = c
                out.append("\"")
                continue
            }
            if c == " " || c == "\t" { continue }
            out.append(c)
        }
        return CommandMatcher.normalizeScalar(out)
    }
}

/// Compares Python calls with the aliases and signatures of the grammar table.
enum PythonMatcher {
    static func equivalent(_ given: PythonCall, _ expected: PythonCall, grammar: CommandGrammar) -> Bool {
        if let target = expected.target, target != given.target { return false }
        let calleeA = canonicalCallee(given.callee, grammar: grammar)
        let calleeB = canonicalCallee(expected.callee, grammar: grammar)
        // `t = dist.all_reduce(t)`: the call returns None, so the assignment loses the result.
        if expected.target == nil, given.target != nil, grammar.pythonReturnsNone.contains(calleeB) { return false }
        guard sameCallee(calleeA, calleeB, grammar: grammar) else { return false }
        let signature = grammar.pythonSignatures[calleeB] ?? grammar.pythonSignatures["*." + (calleeB.split(separator: ".").last.map(String.init) ?? calleeB)]
        guard let a = bind(given.arguments, signature, grammar), let b = bind(expected.arguments, signature, grammar) else { return false }
        return a == b
    }

    struct Bound: Equatable {
        var positional: [String]
        var keywords: [String: String]
    }

    private static func bind(_ arguments: [PythonCall.Argument], _ signature: CommandGrammar.PythonSignature?, _ grammar: CommandGrammar) -> Bound? {
        var bound = Bound(positional: [], keywords: [:])
        // Positional arguments bind to the signature's parameters in order, up to the first keyword argument.
        var sawKeyword = false
        for (index, argument) in arguments.enumerated() {
            let value = canonicalValue(argument.value, grammar: grammar)
            if let name = argument.name {
                guard bound.keywords[name] == nil else { return nil }
                bound.keywords[name] = value
                sawKeyword = true
            } else if let signature, !sawKeyword, index < signature.parameters.count {
                let name = signature.parameters[index]
                guard bound.keywords[name] == nil else { return nil }
                bound.keywords[name] = value
            } else {
                bound.positional.append(value)
            }
        }
        if let signature {
            for (name, value) in signature.defaults where bound.keywords[name] == nil {
                bound.keywords[name] = canonicalValue(value, grammar: grammar)
            }
        }
        return bound
    }

    static func canonicalCallee(_ callee: String, grammar: CommandGrammar) -> String {
        canonicalValue(callee, grammar: grammar)
    }

    /// `dist.ReduceOp.SUM` → `torch.distributed.ReduceOp.SUM`: aliases resolved in every dotted name.
    static func canonicalValue(_ value: String, grammar: CommandGrammar) -> String {
        if let full = grammar.pythonAliases[value] { return full }
        var out = ""
        var word = ""
        func flush() {
            if !word.isEmpty {
                let parts = word.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
                if let whole = grammar.pythonAliases[word] {
                    out += whole
                } else if let first = parts.first, let alias = grammar.pythonAliases[first], parts.count > 1 {
                    out += ([alias] + parts.dropFirst()).joined(separator: ".")
                } else {
                    out += word
                }
            }
            word = ""
        }
        var inString = false
        for c in value {
            if c == "\"" {
                flush()
                inString.toggle()
                out.append(c)
                continue
            }
            if !inString, c.isLetter || c.isNumber || c == "_" || c == "." {
                word.append(c)
            } else {
                flush()
                out.append(c)
            }
        }
        flush()
        return out
    }

    /// `torch.nn.CrossEntropyLoss`: names joined by dots, nothing else.
    static func isDottedName(_ text: String) -> Bool {
        !text.isEmpty && text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { PythonCall.isIdentifier(String($0)) }
    }

    /// Two dotted names for the same thing, aliases and module prefixes allowed.
    static func sameName(_ a: String, _ b: String, grammar: CommandGrammar) -> Bool {
        sameCallee(canonicalValue(a, grammar: grammar), canonicalValue(b, grammar: grammar), grammar: grammar)
    }

    /// The same name, or one is the other with a module prefix the table lists (`peft.`, `torch.utils.checkpoint.`).
    private static func sameCallee(_ a: String, _ b: String, grammar: CommandGrammar) -> Bool {
        if a == b { return true }
        let (short, long) = a.count < b.count ? (a, b) : (b, a)
        guard long.hasSuffix("." + short) else { return false }
        let prefix = String(long.dropLast(short.count + 1))
        return grammar.pythonModules.contains(prefix)
    }
}
