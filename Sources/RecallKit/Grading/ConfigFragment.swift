import Foundation

/// One setting of a config file written on one line: `"stage": 3`, `stage: 3`, `stage=3`, or inside
/// its enclosing blocks, `"zero_optimization": {"stage": 3}`. Read as the keys that lead to the
/// setting and its value, so that the forms of one setting (JSON, YAML, `key=value`, a keyword
/// argument) compare equal, and an answer that gives the key with the value the card asks for is
/// the value.
struct ConfigFragment: Hashable, Sendable {
    /// The keys from the outermost block in: `["zero_optimization", "stage"]`.
    var path: [String]
    /// The value, without quotes; numbers by value (`1.0` = `1`).
    var value: String
    /// `=` (a keyword argument, an environment variable) or `:` (JSON, YAML).
    var separator: Character = ":"
    /// Whether the value was in quotes: in Python `x="nvme"` is a string, `x=nvme` a variable.
    var quoted = false

    /// nil unless `text` is `KEY SEP VALUE` (SEP `:` or `=`) with KEY a name, possibly nested in `{…}`.
    static func parse(_ text: String) -> ConfigFragment? {
        var rest = text.trimmingCharacters(in: .whitespaces)
        while rest.hasSuffix(",") { rest.removeLast() }
        // `{"stage": 3}`: braces around the whole fragment.
        while rest.hasPrefix("{"), rest.hasSuffix("}") { rest = String(rest.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces) }
        guard let separator = rest.firstIndex(where: { $0 == ":" || $0 == "=" }) else { return nil }
        let key = unquoted(String(rest[..<separator]).trimmingCharacters(in: .whitespaces))
        var value = String(rest[rest.index(after: separator)...]).trimmingCharacters(in: .whitespaces)
        // `==`, `:=` and `: ` inside a value are no settings.
        guard isKey(key), !value.isEmpty, !value.hasPrefix("="), !(rest[separator] == ":" && value.hasPrefix(":")) else { return nil }
        if value.hasPrefix("{"), value.hasSuffix("}") {
            guard var inner = parse(String(value.dropFirst().dropLast())) else { return nil }
            inner.path.insert(key, at: 0)
            return inner
        }
        let quoted = unquoted(value) != value
        value = unquoted(value)
        guard !value.isEmpty, !value.contains(where: { "{}:=,".contains($0) }) || value.hasPrefix("[") else { return nil }
        return ConfigFragment(path: [key], value: CommandMatcher.normalizeScalar(value), separator: rest[separator], quoted: quoted)
    }

    /// A key: a name of letters, digits, `_`, `-` and `.` that starts with a letter or `_`.
    static func isKey(_ text: String) -> Bool {
        guard let first = text.first, first.isLetter || first == "_" else { return false }
        return text.allSatisfy { $0.isLetter || $0.isNumber || "_-.".contains($0) }
    }

    static func unquoted(_ text: String) -> String {
        for quote in ["\"", "'"] where text.count >= 2 && text.hasPrefix(quote) && text.hasSuffix(quote) {
            return String(text.dropFirst().dropLast())
        }
        return text
    }

    /// Whether `given` is the setting `reference` in another form or with its enclosing blocks:
    /// the same value, and the reference's keys the last of the answer's.
    static func sameSetting(_ given: ConfigFragment, _ reference: ConfigFragment) -> Bool {
        if given.separator == "=", reference.separator == "=", given.quoted != reference.quoted { return false }
        return given.value == reference.value && given.path.count >= reference.path.count
            && Array(given.path.suffix(reference.path.count)) == reference.path
    }

    /// Whether `given` (a key and a value) answers a card whose answer is the bare `value` of the key the
    /// question names in a code span or as a word: `"device": "nvme"` when it asks for the `device` of offload_param.
    static func answersValue(_ given: ConfigFragment, value: String, question: String) -> Bool {
        let bare = CommandMatcher.normalizeScalar(unquoted(value.trimmingCharacters(in: .whitespaces)))
        // A call is not a setting's value: `t = dist.all_reduce(t)` assigns what the call returns (None).
        guard given.value == bare, let key = given.path.last, PythonCall.parse(value) == nil else { return false }
        return names(question).contains(key)
    }

    /// Whether `given` (a key and a value) answers a card whose answer is the bare key `name`, where the
    /// question asks for a key (the value is then extra and not graded).
    static func answersKey(_ given: ConfigFragment, name: String, question: String) -> Bool {
        guard given.path.last == name.trimmingCharacters(in: .whitespaces), isKey(name), name.contains("_") || name.contains(".") else { return false }
        // The value is extra, but one that turns the setting off (`desc_act=False`) is not naming the setting it asks for.
        guard !["false", "0", "no", "off", "none", "null"].contains(unquoted(given.value).lowercased()) else { return false }
        let words = Set(question.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init))
        return !words.isDisjoint(with: ["key", "keys", "field", "setting", "parameter", "option", "entry"])
    }

    /// The names a question writes: words of letters, digits, `_`, `-` and `.`.
    private static func names(_ text: String) -> Set<String> {
        Set(
            text.split(whereSeparator: { !($0.isLetter || $0.isNumber || "_-.".contains($0)) }).map {
                String($0).trimmingCharacters(in: CharacterSet(charactersIn: "."))
            })
    }
}
