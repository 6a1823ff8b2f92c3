/// What the grader knows of a command-line tool: its subcommands, the names
/// of each option, which options take a value, and how the tool reads its
/// command line. Built from a plain-text table (``CommandGrammar/bundledTable``,
/// format in docs/grading.md) that a deck author can extend.
public struct CommandGrammar: Sendable {
    struct Option: Sendable {
        var canonical: String
        var value: ValueKind
    }

    enum ValueKind: Sendable, Equatable {
        /// A switch: takes no value.
        case none
        /// Takes one value, given as `-x V`, `-xV`, `--x V` or `--x=V`.
        case one
        /// Takes a value only when the next word is a number (`nvidia-smi -l [5]`).
        case optionalNumber
        /// A comma-separated set: order does not matter (`dcgmi dmon -e 203,252`).
        case set
        /// Comma-separated `key=value` pairs in any order (`--mount=type=cache,target=…`).
        case keyValues
        /// A signal by number or name (`9`, `KILL`, `SIGKILL`).
        case signal
        /// A find(1) size: `+10G` = `+10240M` (more than so many bytes; other forms as written, since find
        /// rounds a size up to its unit: `-1G` is not `-1024M`).
        case size
        /// A Go-style duration: `10m` = `600s` = `0.5h/3`… compared in seconds (`1h30m`, `500ms`); other values as written.
        case duration
    }

    /// One command path (`docker run`, `kubectl logs`) and how it reads its words.
    struct Node: Sendable {
        var path: [String]
        var options: [String: Option] = [:]
        var bundles = false
        var oldStyle = false
        var shortEquals = false
        var underscoresAreDashes = false
        var optionsFirst = false
        var equalsOnly = false
        var exactPaths = false
        var resources = false
        var signalFlags = false
        var caseInsensitive = false
        var restIsCommand: Int?
        var commandAfterDashes = false
        var defaultImageTag: String?
        /// `-NUM` stands for this option with the value NUM (`tail -100` = `tail -n 100`).
        var numberOption: String?
        var optional: Set<String> = []
        var defaults: [String: String] = [:]
        var expansions: [String: [(String, String?)]] = [:]
        var valueAliases: [String: [String: String]] = [:]
        var operandAliases: [String: String] = [:]
    }

    var nodes: [String: Node] = [:]
    /// Every spelling of a path (`docker container run`) → the canonical key (`docker run`).
    var pathNames: [String: String] = [:]
    var pathPrefixes: Set<String> = []
    /// kubectl-style resource names: `po` → `pods`.
    var resourceNames: [String: String] = [:]
    var keyAliases: [String: String] = [:]
    /// Words in a card's question that name a tool, for answers that are a bare flag.
    var contextWords: [String: String] = [:]
    var pythonAliases: [String: String] = [:]
    var pythonModules: Set<String> = []
    /// Calls that work in place and return None (`dist.all_reduce(t)`): assigning their result is wrong.
    var pythonReturnsNone: Set<String> = []
    var pythonSignatures: [String: PythonSignature] = [:]

    struct PythonSignature: Sendable {
        var parameters: [String]
        var defaults: [String: String]
    }

    public struct TableError: Error, Hashable, Sendable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    /// The grammar of the tools the bundled decks teach.
    public static let bundled: CommandGrammar = {
        switch CommandGrammar.parse(bundledTable) {
        case .success(let grammar): return grammar
        // The table is tested (CommandGrammarTests); an error here means a broken build, shown as an empty grammar.
        case .failure: return CommandGrammar()
        }
    }()

    public init() {}

    func node(forPath path: [String]) -> Node? {
        pathNames[path.joined(separator: " ")].flatMap { nodes[$0] }
    }

    /// Reads a grammar table. The format (docs/grading.md):
    ///
    /// ```text
    /// command docker run | docker container run   # a path and its other spellings
    ///   bundle                                    # short switches combine: -it = -i -t
    ///   flag -d --detach                          # names of one option, the first is canonical
    ///   flag -p --publish =                       # `=` : takes a value
    /// ```
    public static func parse(_ text: String, into base: CommandGrammar = CommandGrammar()) -> Result<CommandGrammar, TableError> {
        var grammar = base
        var current: String?
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = index + 1
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard let keyword = words.first else { continue }
            let rest = Array(words.dropFirst())
            func fail(_ message: String) -> Result<CommandGrammar, TableError> { .failure(TableError(line: lineNumber, message: message)) }
            switch keyword {
            case "command":
                let spellings = rest.split(separator: "|").map { Array($0) }.filter { !$0.isEmpty }
                guard let canonical = spellings.first else { return fail("'command' needs a path") }
                let key = canonical.joined(separator: " ")
                if grammar.nodes[key] == nil {
                    var node = Node(path: canonical)
                    // A subcommand starts from what its nearest parent in the table says.
                    let parent = (1..<max(canonical.count, 1)).reversed().lazy.compactMap { grammar.node(forPath: Array(canonical.prefix($0))) }.first
                    if let parent {
                        node.options = parent.options
                        node.bundles = parent.bundles
                        node.shortEquals = parent.shortEquals
                        node.underscoresAreDashes = parent.underscoresAreDashes
                        node.resources = parent.resources
                        node.optional = parent.optional
                        node.equalsOnly = parent.equalsOnly
                        node.caseInsensitive = parent.caseInsensitive
                        node.valueAliases = parent.valueAliases
                        node.defaultImageTag = parent.defaultImageTag
                    }
                    grammar.nodes[key] = node
                }
                for spelling in spellings {
                    grammar.pathNames[spelling.joined(separator: " ")] = key
                    for length in 1...spelling.count { grammar.pathPrefixes.insert(spelling.prefix(length).joined(separator: " ")) }
                }
                current = key
            case "resources":
                guard let canonical = rest.first else { return fail("'resources' needs names") }
                for name in rest { grammar.resourceNames[name] = canonical }
            case "key":
                guard let canonical = rest.first else { return fail("'key' needs names") }
                for name in rest { grammar.keyAliases[name] = canonical }
            case "context":
                guard let tool = rest.first, rest.count > 1 else { return fail("'context' needs a tool and words") }
                for word in rest.dropFirst() { grammar.contextWords[word.lowercased()] = tool }
            case "python-alias":
                guard rest.count == 3, rest[1] == "=" else { return fail("write 'python-alias SHORT = LONG'") }
                grammar.pythonAliases[rest[0]] = rest[2]
            case "python-returns-none":
                rest.forEach { grammar.pythonReturnsNone.insert($0) }
            case "python-module":
                rest.forEach { grammar.pythonModules.insert($0) }
            case "python-signature":
                // `*.name(…)`: a method of any object (`tokenizer.apply_chat_template`).
                var written = rest.joined(separator: " ")
                let anyReceiver = written.hasPrefix("*.")
                if anyReceiver { written.removeFirst(2) }
                guard let call = PythonCall.parse(written) else { return fail("write 'python-signature name(param, param=default, …)'") }
                var signature = PythonSignature(parameters: [], defaults: [:])
                for argument in call.arguments {
                    if let name = argument.name {
                        signature.parameters.append(name)
                        signature.defaults[name] = argument.value
                    } else {
                        signature.parameters.append(argument.value)
                    }
                }
                grammar.pythonSignatures[(anyReceiver ? "*." : "") + call.callee] = signature
            default:
                guard let key = current, var node = grammar.nodes[key] else { return fail("'\(keyword)' before any 'command' line") }
                switch keyword {
                case "bundle": node.bundles = true
                case "oldstyle": node.oldStyle = true
                case "short-equals": node.shortEquals = true
                case "underscores": node.underscoresAreDashes = true
                case "options-first": node.optionsFirst = true
                case "equals-only": node.equalsOnly = true
                case "exact-paths": node.exactPaths = true
                case "resource-operands": node.resources = true
                case "number-option":
                    guard let flag = rest.first else { return fail("write 'number-option FLAG' (-NUM means FLAG NUM)") }
                    node.numberOption = flag
                case "default-tag":
                    guard let tag = rest.first else { return fail("write 'default-tag TAG' (an image operand without a tag has this one)") }
                    node.defaultImageTag = tag
                case "signal-flags": node.signalFlags = true
                case "case-insensitive": node.caseInsensitive = true
                case "then-command" where rest.first == "--":
                    node.commandAfterDashes = true
                case "then-command":
                    guard let count = rest.first.flatMap({ Int($0) }) else { return fail("write 'then-command N' (operands before the command)") }
                    node.restIsCommand = count
                case "flag":
                    var names: [String] = []
                    var value = ValueKind.none
                    for word in rest {
                        switch word {
                        case "=": value = .one
                        case "=?num": value = .optionalNumber
                        case "=set": value = .set
                        case "=kv": value = .keyValues
                        case "=signal": value = .signal
                        case "=size": value = .size
                        case "=duration": value = .duration
                        default:
                            guard word.hasPrefix("-") || word.hasPrefix("+") else { return fail("'\(word)' is not an option name (start it with -)") }
                            names.append(word)
                        }
                    }
                    guard let canonical = names.first else { return fail("'flag' needs at least one name") }
                    for name in names { node.options[name] = Option(canonical: canonical, value: value) }
                case "optional":
                    rest.forEach { node.optional.insert($0) }
                case "default":
                    guard rest.count == 2 else { return fail("write 'default FLAG VALUE'") }
                    // Read as the option reads its value, so that `default --interval 30s` = `--interval=0.5m`.
                    let option = node.options[rest[0]]
                    node.defaults[option?.canonical ?? rest[0]] = CommandMatcher.normalizeValue(rest[1], kind: option?.value ?? .one, grammar: grammar)
                case "expand":
                    guard rest.count >= 3, rest[1] == "=" else { return fail("write 'expand FLAG = FLAG[=VALUE] …'") }
                    node.expansions[rest[0]] = rest.dropFirst(2).map { part in
                        if let equals = part.firstIndex(of: "=") { return (String(part[..<equals]), String(part[part.index(after: equals)...])) }
                        return (part, nil)
                    }
                case "value":
                    guard rest.count >= 4, rest[2] == "=" else { return fail("write 'value FLAG CANONICAL = ALIAS …'") }
                    for alias in rest.dropFirst(3) { node.valueAliases[rest[0], default: [:]][alias] = rest[1] }
                case "operand":
                    guard rest.count >= 3, rest[1] == "=" else { return fail("write 'operand CANONICAL = ALIAS …'") }
                    for alias in rest.dropFirst(2) { node.operandAliases[alias] = rest[0] }
                default:
                    return fail("unknown keyword '\(keyword)'")
                }
                grammar.nodes[key] = node
            }
        }
        return .success(grammar)
    }
}
