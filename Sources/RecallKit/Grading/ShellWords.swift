/// One word of a shell command line after quote removal.
struct ShellWord: Hashable, Sendable {
    var text: String
    /// Some part of the word was quoted or escaped, so it is never a flag or an operator.
    var quoted = false
    /// A `*`, `?` or `[` outside quotes: the shell expands it, so `*.pt` and `'*.pt'` differ.
    var unquotedGlob = false
    /// A control or redirection operator: `|`, `&&`, `;`, `&`, `>`, `2>&1`, …
    var isOperator = false
}

/// Splits a command line into words the way a POSIX shell does: single quotes
/// keep everything, double quotes keep everything but `\` before `"`, `\`, `$`
/// and a backquote, a backslash outside quotes escapes the next character, and
/// operators (`|`, `||`, `&`, `&&`, `;`, `<`, `>`, `>>`, `2>`, `2>&1`, `&>`)
/// are words of their own. `$(…)` is kept whole. Returns nil for an unclosed quote.
enum ShellWords {
    /// What `~` and `$HOME` at the start of a word become: the home folder, which no typed word can spell.
    static let homeFolder = "\u{0}home"

    static func split(_ line: String) -> [ShellWord]? {
        var words: [ShellWord] = []
        var current = ShellWord(text: "")
        var inWord = false
        let chars = Array(line)
        var i = 0
        func finish() {
            if inWord { words.append(current) }
            current = ShellWord(text: "")
            inWord = false
        }
        func addOperator(_ op: String) {
            finish()
            words.append(ShellWord(text: op, isOperator: true))
        }
        /// `$HOME` or `${HOME}` at `index`, ending a word or followed by `/`: its length, else nil.
        func homeVariable(at index: Int, closing: Character?) -> Int? {
            for spelling in ["${HOME}", "$HOME"] {
                let end = index + spelling.count
                guard end <= chars.count, String(chars[index..<end]) == spelling else { continue }
                if end == chars.count || chars[end] == "/" || chars[end] == " " || chars[end] == closing { return spelling.count }
            }
            return nil
        }
        while i < chars.count {
            let c = chars[i]
            // The home folder: `~` (unquoted) and `$HOME` (unquoted or in double quotes) at the start of a word are one.
            if current.text.isEmpty, c == "~", i + 1 == chars.count || chars[i + 1] == "/" || chars[i + 1] == " " {
                inWord = true
                current.text = homeFolder
                i += 1
                continue
            }
            if current.text.isEmpty, c == "$", let length = homeVariable(at: i, closing: nil) {
                inWord = true
                current.text = homeFolder
                i += length
                continue
            }
            switch c {
            case " ", "\t", "\n":
                finish()
            case "'":
                inWord = true
                current.quoted = true
                guard let end = chars[(i + 1)...].firstIndex(of: "'") else { return nil }
                current.text += String(chars[(i + 1)..<end])
                i = end
            case "\"":
                inWord = true
                current.quoted = true
                var j = i + 1
                var closed = false
                if current.text.isEmpty, j < chars.count, chars[j] == "$", let length = homeVariable(at: j, closing: "\"") {
                    current.text = homeFolder
                    j += length
                }
                while j < chars.count {
                    if chars[j] == "\\", j + 1 < chars.count, "\"\\$`".contains(chars[j + 1]) {
                        current.text.append(chars[j + 1])
                        j += 2
                        continue
                    }
                    if chars[j] == "\"" {
                        closed = true
                        break
                    }
                    current.text.append(chars[j])
                    j += 1
                }
                guard closed else { return nil }
                i = j
            case "\\":
                inWord = true
                current.quoted = true
                if i + 1 < chars.count {
                    current.text.append(chars[i + 1])
                    i += 1
                }
            case "$" where i + 1 < chars.count && chars[i + 1] == "(":
                inWord = true
                var depth = 0
                var j = i
                while j < chars.count {
                    if chars[j] == "(" { depth += 1 }
                    if chars[j] == ")" {
                        depth -= 1
                        if depth == 0 { break }
                    }
                    j += 1
                }
                guard j < chars.count else { return nil }
                current.text += String(chars[i...j])
                i = j
            case "|", "&", ";", "<", ">":
                // `2>` and `2>&1` bind the descriptor written just before.
                var op = String(c)
                if c == ">" || c == "<", inWord, !current.quoted, current.text.allSatisfy(\.isNumber), !current.text.isEmpty {
                    op = current.text + op
                    current = ShellWord(text: "")
                    inWord = false
                }
                var j = i + 1
                while j < chars.count, "|&>".contains(chars[j]), op.count < 4 {
                    let candidate = op + String(chars[j])
                    guard ["||", "&&", ">>", "&>", ">&", "2>&", "1>&", "&>>"].contains(candidate) || candidate.hasSuffix(">&") else { break }
                    op = candidate
                    j += 1
                }
                if op.hasSuffix(">&"), j < chars.count, chars[j].isNumber {
                    op.append(chars[j])
                    j += 1
                }
                addOperator(op)
                i = j - 1
            default:
                inWord = true
                if "*?[".contains(c) { current.unquotedGlob = true }
                current.text.append(c)
            }
            i += 1
        }
        finish()
        return words
    }
}
