import Foundation

/// A command line read with its tool's grammar: the canonical command path,
/// the options as a multiset (any order, aliases made one), the operands in
/// order, and the command that follows an operator or that the tool runs.
struct ParsedCommand: Hashable, Sendable {
    var path: [String] = []
    var options: [String: [String]] = [:]
    var operands: [String] = []
    var rest: [ParsedCommand] = []
}

/// Compares shell commands (and Dockerfile instructions) by their parsed form.
enum CommandMatcher {
    static let dockerfileInstructions: Set<String> = [
        "FROM", "RUN", "CMD", "ENTRYPOINT", "COPY", "ADD", "ENV", "ARG", "EXPOSE", "WORKDIR", "USER", "VOLUME",
        "LABEL", "HEALTHCHECK", "SHELL", "STOPSIGNAL", "ONBUILD",
    ]

    /// `NAME=value` with a shell variable name.
    static func isAssignment(_ text: String) -> Bool {
        guard let equals = text.firstIndex(of: "="), equals > text.startIndex else { return false }
        let name = text[..<equals]
        return name.first.map { $0.isLetter || $0 == "_" } == true && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }

    static let sqlStatements: Set<String> = ["SELECT", "CREATE", "INSERT", "UPDATE", "DELETE", "ALTER", "DROP", "EXPLAIN", "WITH", "SET"]

    /// Whether `given` means the same command as `expected`.
    static func equivalent(_ given: String, _ expected: String, grammar: CommandGrammar, context: String?, learned extra: [String] = []) -> Bool {
        guard let a = words(given), let b = words(expected) else { return false }
        var learned = Set<String>()
        for word in a + b + extra.compactMap(words).flatMap({ $0 }) where !word.quoted && word.text.hasPrefix("--") {
            if let equals = word.text.firstIndex(of: "=") { learned.insert(String(word.text[..<equals])) }
        }
        for greedy in [true, false] {
            let x = parse(a[...], grammar: grammar, learned: learned, greedy: greedy, context: context)
            let y = parse(b[...], grammar: grammar, learned: learned, greedy: greedy, context: context)
            if x == y { return true }
        }
        return false
    }

    /// Whether the text reads as a command line at all (balanced quotes).
    static func parses(_ text: String) -> Bool { words(text) != nil }

    static func words(_ text: String) -> [ShellWord]? {
        var line = text.trimmingCharacters(in: .whitespaces)
        // Dockerfile exec form: `CMD ["python", "app.py"]` → the instruction and its words, marked.
        if let space = line.firstIndex(of: " "), dockerfileInstructions.contains(line[..<space].uppercased()) {
            let body = line[space...].trimmingCharacters(in: .whitespaces)
            if body.hasPrefix("["), body.hasSuffix("]"),
                let data = body.data(using: .utf8),
                let array = try? JSONSerialization.jsonObject(with: data) as? [String]
            {
                return [ShellWord(text: line[..<space].uppercased())] + [ShellWord(text: "[exec]", isOperator: true)]
                    + array.map { ShellWord(text: $0, quoted: true) }
            }
            line = line[..<space].uppercased() + line[space...]
        } else if dockerfileInstructions.contains(line.uppercased()) {
            line = line.uppercased()
        }
        // A pasted prompt: `$ docker ps`.
        if line.hasPrefix("$ ") { line.removeFirst(2) }
        guard var words = ShellWords.split(line) else { return nil }
        while let first = words.first, first.text == "sudo", !first.quoted { words.removeFirst() }
        // `A=1 B=2 cmd …`: the variables set for one command, in any order, before it.
        var assignments: [ShellWord] = []
        while words.count > 1, let first = words.first, !first.isOperator, !first.quoted, isAssignment(first.text) {
            assignments.append(first)
            words.removeFirst()
        }
        if !assignments.isEmpty {
            words = assignments.sorted { $0.text < $1.text } + words
        }
        // SQL: keywords and unquoted names are case-insensitive, and `(`, `,` need no spaces.
        if let first = words.first, sqlStatements.contains(first.text.uppercased()) {
            var spaced = ""
            for c in line { spaced += "(),".contains(c) ? " \(c) " : String(c) }
            guard let sqlWords = ShellWords.split(spaced) else { return nil }
            words = sqlWords.map { word in
                var upper = word
                if !word.quoted { upper.text = word.text.uppercased() }
                return upper
            }
        }
        while let last = words.last, last.isOperator, last.text == ";" { words.removeLast() }
        return words
    }

    static func parse(_ words: ArraySlice<ShellWord>, grammar: CommandGrammar, learned: Set<String>, greedy: Bool, context: String?) -> ParsedCommand {
        var result = ParsedCommand()
        var index = words.startIndex
        // The command path: the longest known spelling, with the parent's options allowed in between.
        var node: CommandGrammar.Node?
        var pathWords: [String] = []
        var matchedEnd = index
        var pendingOptions: [(position: Int, option: (String, String?))] = []
        var scan = index
        while scan < words.endIndex {
            let word = words[scan]
            if word.isOperator || word.quoted { break }
            let next = pathWords + [word.text]
            let key = next.joined(separator: " ")
            guard grammar.pathPrefixes.contains(key) else {
                if word.text.hasPrefix("-"), let current = node,
                    let (consumed, parsed) = readOption(words, at: scan, node: current, grammar: grammar, learned: learned, greedy: greedy)
                {
                    pendingOptions += parsed.map { (scan, $0) }
                    scan = consumed
                    continue
                }
                break
            }
            pathWords = next
            scan += 1
            if let found = grammar.node(forPath: next) {
                node = found
                matchedEnd = scan
            }
        }
        if let node {
            result.path = node.path
            index = matchedEnd
            // Options read while looking for a longer path count only up to the path that matched.
            for pending in pendingOptions where pending.position < matchedEnd { add(pending.option, to: &result, node: node) }
        } else if index < words.endIndex, !words[index].isOperator, !words[index].text.hasPrefix("-") {
            result.path = [words[index].text]
            index += 1
        }
        // An answer that is only options (`--num_gpus=4`) is read with the grammar of the tool the question names.
        let grammarNode = node ?? (result.path.isEmpty ? contextNode(context, grammar: grammar) : nil) ?? CommandGrammar.Node(path: result.path)
        if grammarNode.oldStyle, index < words.endIndex, !words[index].quoted, !words[index].text.hasPrefix("-"),
            words[index].text.allSatisfy({ grammarNode.options["-\($0)"] != nil })
        {
            var bundled = words
            bundled[index].text = "-" + words[index].text
            return finish(
                parseRest(bundled, from: index, into: result, node: grammarNode, grammar: grammar, learned: learned, greedy: greedy, context: context),
                node: grammarNode)
        }
        return finish(
            parseRest(words, from: index, into: result, node: grammarNode, grammar: grammar, learned: learned, greedy: greedy, context: context),
            node: grammarNode)
    }

    private static func contextNode(_ context: String?, grammar: CommandGrammar) -> CommandGrammar.Node? {
        context.flatMap { grammar.node(forPath: $0.split(separator: " ").map(String.init)) }
    }

    private static func finish(_ parsed: ParsedCommand, node: CommandGrammar.Node) -> ParsedCommand {
        var result = parsed
        for (flag, value) in node.defaults where result.options[flag] == nil {
            result.options[flag] = [value]
        }
        // An optional flag given or left out is the same command; given with a value (`--watch=false`) it is not.
        for flag in node.optional where result.options[flag]?.allSatisfy(\.isEmpty) ?? true { result.options[flag] = nil }
        for key in result.options.keys { result.options[key]?.sort() }
        return result
    }

    private static func parseRest(
        _ words: ArraySlice<ShellWord>, from start: Int, into parsed: ParsedCommand, node: CommandGrammar.Node,
        grammar: CommandGrammar, learned: Set<String>, greedy: Bool, context: String?
    ) -> ParsedCommand {
        var result = parsed
        var index = start
        var operandCount = 0
        var optionsOver = false
        while index < words.endIndex {
            let word = words[index]
            // `docker run IMAGE …`: everything after the image is the container's command, options included.
            if let count = node.restIsCommand, count > 0, operandCount == count {
                result.rest = [parse(words[index...], grammar: grammar, learned: learned, greedy: greedy, context: nil)]
                return result
            }
            if word.isOperator {
                if ["|", "||", "&&", ";"].contains(word.text) {
                    result.operands.append(word.text)
                    result.rest = [parse(words[(index + 1)...], grammar: grammar, learned: learned, greedy: greedy, context: nil)]
                    return result
                }
                result.operands.append(word.text)
                index += 1
                continue
            }
            if !word.quoted, word.text == "--", !optionsOver {
                // `grep -rn -- "x" logs/`: a `--` that protects nothing is no difference.
                let protects = words[(index + 1)...].contains { $0.text.hasPrefix("-") && !$0.isOperator }
                if protects || node.commandAfterDashes || node.restIsCommand != nil { result.operands.append("--") }
                optionsOver = true
                index += 1
                if node.commandAfterDashes {
                    result.rest = [parse(words[index...], grammar: grammar, learned: learned, greedy: greedy, context: nil)]
                    return result
                }
                continue
            }
            if !optionsOver, !word.quoted, word.text.count > 1, word.text.hasPrefix("-") || (word.text.hasPrefix("+") && node.options[word.text] != nil),
                let (next, options) = readOption(words, at: index, node: node, grammar: grammar, learned: learned, greedy: greedy)
            {
                options.forEach { add($0, to: &result, node: node) }
                index = next
                continue
            }
            if node.restIsCommand == 0 {
                result.rest = [parse(words[index...], grammar: grammar, learned: learned, greedy: greedy, context: nil)]
                return result
            }
            result.operands += operand(word, node: node, grammar: grammar)
            operandCount += 1
            if node.optionsFirst { optionsOver = true }
            index += 1
        }
        if node.path.first.map({ ["ENV", "ARG", "LABEL"].contains($0) }) == true {
            result.operands = keyValueOperands(result.operands)
        }
        return result
    }

    /// `ENV A=1 B=2`, `ENV A 1` (the legacy form) → `A=1`, `B=2`, in any order.
    private static func keyValueOperands(_ operands: [String]) -> [String] {
        if operands.count == 2, !operands[0].contains("=") { return ["\(operands[0])=\(operands[1])"] }
        return operands.sorted()
    }

    private static func add(_ option: (String, String?), to result: inout ParsedCommand, node: CommandGrammar.Node) {
        let (flag, value) = option
        if let expansion = node.expansions[flag] {
            for part in expansion { add(part, to: &result, node: CommandGrammar.Node(path: node.path)) }
            return
        }
        var canonicalValue = value ?? ""
        if let aliases = node.valueAliases[flag], let mapped = aliases[canonicalValue] { canonicalValue = mapped }
        result.options[flag, default: []].append(canonicalValue)
    }

    /// Reads the option at `index`; returns the index after it and the options it stands for.
    static func readOption(
        _ words: ArraySlice<ShellWord>, at index: Int, node: CommandGrammar.Node, grammar: CommandGrammar,
        learned: Set<String>, greedy: Bool
    ) -> (Int, [(String, String?)])? {
        let text = words[index].text
        func nextValue(_ kind: CommandGrammar.ValueKind) -> (Int, String?) {
            let after = index + 1
            guard after < words.endIndex, !words[after].isOperator else { return (after, nil) }
            if kind == .optionalNumber, Double(words[after].text) == nil { return (after, nil) }
            // `-name *.pt` is not `-name '*.pt'`: the shell expands the first.
            return (after + 1, words[after].text + (words[after].unquotedGlob ? "\u{0}glob" : ""))
        }
        func valued(_ option: CommandGrammar.Option, _ raw: String?) -> String? {
            guard var raw else { return nil }
            if !node.exactPaths, raw.count > 1, raw.contains("/") {
                // `-v ./cache:/data` mounts a folder, `-v cache:/data` a named volume: `./` stays before a `:`.
                if raw.hasPrefix("./"), raw.count > 2, !raw.contains(":") { raw.removeFirst(2) }
                if raw.hasSuffix("/"), !raw.hasSuffix(":/") { raw.removeLast() }
            }
            return normalizeValue(raw, kind: option.value, grammar: grammar)
        }
        if node.signalFlags, !text.hasPrefix("--"), let signal = signalNumber(String(text.dropFirst())) {
            return (index + 1, [("--signal", signal)])
        }
        // `tail -100` is `tail -n 100` (the historical form).
        if let numberOption = node.numberOption, text.count > 1, text.dropFirst().allSatisfy(\.isNumber) {
            return (index + 1, [(numberOption, normalizeScalar(String(text.dropFirst())))])
        }
        if text.hasPrefix("--") {
            var name = text
            var inline: String?
            if let equals = text.firstIndex(of: "=") {
                name = String(text[..<equals])
                inline = String(text[text.index(after: equals)...])
            }
            if node.underscoresAreDashes { name = name.replacingOccurrences(of: "_", with: "-") }
            if let option = node.options[name] {
                if option.value == .none {
                    if let inline, inline.lowercased() != "true" { return (index + 1, [(option.canonical, inline)]) }
                    return (index + 1, [(option.canonical, nil)])
                }
                if let inline { return (index + 1, [(option.canonical, valued(option, inline))]) }
                if node.equalsOnly { return (index + 1, [(option.canonical, nil)]) }
                let (next, value) = nextValue(option.value)
                return (next, [(option.canonical, valued(option, value))])
            }
            if let inline { return (index + 1, [(name, normalizeValue(inline, kind: .one, grammar: grammar))]) }
            if learned.contains(name) || (greedy && !node.equalsOnly) {
                let after = index + 1
                if after < words.endIndex, !words[after].isOperator, words[after].quoted || !words[after].text.hasPrefix("-") {
                    return (after + 1, [(name, normalizeValue(words[after].text, kind: .one, grammar: grammar))])
                }
            }
            return (index + 1, [(name, nil)])
        }
        // A single dash: an option spelled whole (`-name`, `-tp`, `-pm`), `-x=V`, a bundle, or `-xV`.
        if let option = node.options[text] {
            if option.value == .none { return (index + 1, [(option.canonical, nil)]) }
            let (next, value) = nextValue(option.value)
            return (next, [(option.canonical, valued(option, value))])
        }
        if node.shortEquals, let equals = text.firstIndex(of: "="), let option = node.options[String(text[..<equals])], option.value != .none {
            return (index + 1, [(option.canonical, valued(option, String(text[text.index(after: equals)...])))])
        }
        if text.count > 2, let first = text.dropFirst().first, let option = node.options["-\(first)"] {
            let tail = String(text.dropFirst(2))
            if option.value != .none {
                return (index + 1, [(option.canonical, valued(option, tail))])
            }
            if node.bundles {
                var parsed: [(String, String?)] = []
                var letters = Array(text.dropFirst())
                while !letters.isEmpty {
                    let letter = letters.removeFirst()
                    guard let option = node.options["-\(letter)"] else {
                        parsed.append(("-\(letter)", nil))
                        continue
                    }
                    if option.value == .none {
                        parsed.append((option.canonical, nil))
                        continue
                    }
                    if !letters.isEmpty {
                        var attached = String(letters)
                        if node.shortEquals, attached.hasPrefix("=") { attached.removeFirst() }
                        parsed.append((option.canonical, valued(option, attached)))
                        return (index + 1, parsed)
                    }
                    let (next, value) = nextValue(option.value)
                    parsed.append((option.canonical, valued(option, value)))
                    return (next, parsed)
                }
                return (index + 1, parsed)
            }
        }
        if Double(text) != nil, !node.signalFlags { return nil }
        return (index + 1, [(text, nil)])
    }

    static func normalizeValue(_ raw: String, kind: CommandGrammar.ValueKind, grammar: CommandGrammar) -> String {
        switch kind {
        case .set:
            return raw.split(separator: ",").map { normalizeScalar(String($0)) }.sorted().joined(separator: ",")
        case .keyValues:
            return raw.split(separator: ",").map { pair -> String in
                guard let equals = pair.firstIndex(of: "=") else { return String(pair) }
                let key = String(pair[..<equals])
                return (grammar.keyAliases[key] ?? key) + "=" + normalizeScalar(String(pair[pair.index(after: equals)...]))
            }.sorted().joined(separator: ",")
        case .signal:
            return signalNumber(raw) ?? raw
        case .size:
            return findSize(raw) ?? normalizeScalar(raw)
        case .duration:
            return duration(raw).map { "\(normalizeScalar(String($0)))s" } ?? normalizeScalar(raw)
        default:
            return normalizeScalar(raw)
        }
    }

    /// find's size units (`c` bytes, `w` two-byte words, `b` 512-byte blocks, the default, `k` `M` `G` binary).
    static let findSizeUnits: [Character: Double] = ["c": 1, "w": 2, "b": 512, "k": 1024, "M": 1024 * 1024, "G": 1024 * 1024 * 1024]

    /// `+10G` → `+10737418240`: "more than" a size, in bytes. nil for `-N` and `N`, which find rounds up to the unit.
    static func findSize(_ raw: String) -> String? {
        guard raw.hasPrefix("+") else { return nil }
        var digits = raw.dropFirst()
        var unit = 512.0
        if let last = digits.last, let factor = findSizeUnits[last] {
            unit = factor
            digits = digits.dropLast()
        }
        guard !digits.isEmpty, digits.allSatisfy(\.isNumber), let count = Double(digits) else { return nil }
        return "+" + normalizeScalar(String(count * unit))
    }

    static let durationUnits: [(suffix: String, seconds: Double)] = [
        ("ns", 1e-9), ("us", 1e-6), ("µs", 1e-6), ("ms", 1e-3), ("s", 1), ("m", 60), ("h", 3600),
    ]

    /// `10m` → 600, `1h30m` → 5400, `1.5s` → 1.5: a duration in Go's syntax, in seconds; nil for anything else
    /// (a bare number or a timestamp means something else to most tools).
    static func duration(_ raw: String) -> Double? {
        var rest = Substring(raw)
        var total = 0.0
        guard !rest.isEmpty else { return nil }
        while !rest.isEmpty {
            let number = rest.prefix { $0.isNumber || $0 == "." }
            guard !number.isEmpty, let value = Double(number) else { return nil }
            rest = rest.dropFirst(number.count)
            guard let unit = durationUnits.filter({ rest.hasPrefix($0.suffix) }).max(by: { $0.suffix.count < $1.suffix.count }) else { return nil }
            total += value * unit.seconds
            rest = rest.dropFirst(unit.suffix.count)
        }
        return total
    }

    /// Numbers compare by value (`0.8` = `.8` = `0.80`); other words as written.
    static func normalizeScalar(_ raw: String) -> String {
        if raw.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }), raw.contains(where: \.isNumber), let number = Double(raw) {
            return number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
        }
        return raw
    }

    static let signals: [String: Int] = [
        "HUP": 1, "INT": 2, "QUIT": 3, "ILL": 4, "TRAP": 5, "ABRT": 6, "BUS": 7, "FPE": 8, "KILL": 9, "USR1": 10,
        "SEGV": 11, "USR2": 12, "PIPE": 13, "ALRM": 14, "TERM": 15, "CHLD": 17, "CONT": 18, "STOP": 19, "TSTP": 20,
    ]

    static func signalNumber(_ raw: String) -> String? {
        if let number = Int(raw), (0...64).contains(number) { return String(number) }
        var name = raw.uppercased()
        if name.hasPrefix("SIG") { name.removeFirst(3) }
        return signals[name].map(String.init)
    }

    private static func operand(_ word: ShellWord, node: CommandGrammar.Node, grammar: CommandGrammar) -> [String] {
        var text = word.text
        if let alias = node.operandAliases[text] { text = alias }
        if let tag = node.defaultImageTag, text.hasSuffix(":" + tag), !text.hasPrefix("-") { text.removeLast(tag.count + 1) }
        var parts = [text]
        if node.resources, !word.quoted {
            if let slash = text.firstIndex(of: "/"), let type = grammar.resourceNames[String(text[..<slash])] {
                parts = [type, String(text[text.index(after: slash)...])]
            } else if let type = grammar.resourceNames[text] {
                parts = [type]
            } else if let dot = text.firstIndex(of: "."), let type = grammar.resourceNames[String(text[..<dot])] {
                parts = [type + text[dot...]]
            }
        }
        return parts.map { part in
            var path = part
            if !node.exactPaths {
                if path.hasPrefix("./"), path.count > 2, !path.contains(":") { path.removeFirst(2) }
                if path.hasSuffix("/"), path.count > 1, !path.hasSuffix(":/") { path.removeLast() }
            }
            if node.caseInsensitive, !word.quoted { path = path.lowercased() }
            return word.unquotedGlob ? path + "\u{0}glob" : normalizeScalar(path)
        }
    }
}
