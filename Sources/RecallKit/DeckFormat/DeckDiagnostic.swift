/// A problem found in a deck file, located to the character.
///
/// Printed as `file:line:column: error: message`, the form editors and
/// compilers use, followed by a hint on how to fix it.
public struct DeckDiagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable, Codable {
        case error, warning
    }

    public var severity: Severity
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String
    public var hint: String?

    public init(_ severity: Severity, file: String, line: Int, column: Int = 1, _ message: String, hint: String? = nil) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
    }

    public var description: String {
        var text = "\(file):\(line):\(column): \(severity.rawValue): \(message)"
        if let hint { text += "\n    hint: \(hint)" }
        return text
    }
}

extension Array where Element == DeckDiagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
