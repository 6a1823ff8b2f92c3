import Foundation

/// What a typed line means at a prompt, the same rules in review and interview. Pure.
///
/// - A colon command works at every prompt: `:q` quit, `:u` undo, `:s`
///   skip, `:!` suspend, `:o` overrule the automatic verdict, `:e` edit,
///   `:?` help.
/// - Where a prompt cannot take free text (the grade, self-grade and
///   go-on prompts), the bare letter works too: `u`, `s`, `!`, `o`, `e`, `?`.
/// - `q` quits at every prompt, as `:q` does.
/// - Full-width digits, letters and punctuation (`５`, `ｑ`, `：ｑ`) are read
///   as their ASCII forms (Unicode NFKC) everywhere.
public enum SessionInput {
    public enum Command: Hashable, Sendable {
        case quit, undo, skip, suspend, overrule, edit, help
    }

    /// A line as typed, read at a prompt.
    public enum Reading: Hashable, Sendable {
        case command(Command)
        /// Anything else: an answer, a grade, letters; trimmed, as typed.
        case text(String)
    }

    static let commands: [String: Command] = [
        "q": .quit, "u": .undo, "s": .skip, "!": .suspend, "o": .overrule, "e": .edit, "?": .help,
    ]

    /// Reads `line` at a prompt that takes free text (`acceptsText`) or not.
    public static func read(_ line: String, acceptsText: Bool) -> Reading {
        let folded = fold(line)
        let lower = folded.lowercased()
        if lower == "q" || lower == ":q" || lower == ":quit" { return .command(.quit) }
        if lower.hasPrefix(":"), let command = commands[String(lower.dropFirst())] { return .command(command) }
        if !acceptsText, let command = commands[lower] { return .command(command) }
        return .text(line.trimmingCharacters(in: .whitespaces))
    }

    /// NFKC, trimmed: `　５ ` → `5`.
    public static func fold(_ line: String) -> String {
        line.precomposedStringWithCompatibilityMapping.trimmingCharacters(in: .whitespaces)
    }

    /// A grade typed at the grade prompt: `0` to `5`, full-width digits included.
    public static func grade(_ text: String) -> Grade? {
        Int(fold(text)).flatMap(Grade.init)
    }
}
