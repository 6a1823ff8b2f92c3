/// How a card says it is graded, from its `Grade:` field, where the default
/// guess (``AnswerGrader/kind(for:)``) would be wrong.
///
/// ```text
/// Grade: number            a number; equal within the precision the answer is written to
/// Grade: number ±0.5       … or within 0.5 (in the answer's unit); `±5%` is relative
/// Grade: number fraction   … and a percentage may be given as a fraction (40% = 0.4)
/// Grade: command           a command line or a one-line call, compared by its parsed form
/// Grade: command alias po = pods; alias -f = --follow   … with words this card treats as the same
/// Grade: text              short prose
/// Grade: self              self-graded against the reference in review and interview
/// ```
public struct GradeSpec: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case number, command, text, `self`
    }

    public enum Tolerance: Hashable, Sendable, Codable {
        case absolute(Double)
        /// A fraction of the reference (5% is 0.05).
        case relative(Double)
    }

    public var kind: Kind
    public var tolerance: Tolerance?
    public var fractionForPercent: Bool
    /// Pairs of words this card treats as the same: (canonical, alias).
    public var aliases: [[String]]

    public init(kind: Kind, tolerance: Tolerance? = nil, fractionForPercent: Bool = false, aliases: [[String]] = []) {
        self.kind = kind
        self.tolerance = tolerance
        self.fractionForPercent = fractionForPercent
        self.aliases = aliases
    }

    /// Reads the value of a `Grade:` field; the error says what is wrong in words for `recall check`.
    public static func parse(_ value: String) -> Result<GradeSpec, GradeSpecError> {
        let words = value.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let first = words.first, let kind = Kind(rawValue: first.lowercased()) else {
            return .failure(GradeSpecError("'\(value)' is not a grading kind; use number, command, text or self"))
        }
        var spec = GradeSpec(kind: kind)
        let rest = Array(words.dropFirst())
        switch kind {
        case .number:
            var index = 0
            while index < rest.count {
                let word = rest[index]
                if word.lowercased() == "fraction" {
                    spec.fractionForPercent = true
                } else if word.hasPrefix("±") || word.hasPrefix("+-") || word.lowercased() == "tolerance" {
                    var amount = word.lowercased() == "tolerance" ? "" : String(word.drop(while: { "±+-".contains($0) }))
                    if amount.isEmpty, index + 1 < rest.count {
                        index += 1
                        amount = rest[index]
                    }
                    let relative = amount.hasSuffix("%")
                    if relative { amount.removeLast() }
                    guard let number = Double(amount), number >= 0, number.isFinite else {
                        return .failure(GradeSpecError("the tolerance '\(word)' is not a number; write it as ±0.5 or ±5%"))
                    }
                    spec.tolerance = relative ? .relative(number / 100) : .absolute(number)
                } else {
                    return .failure(GradeSpecError("'\(word)' is not a number option; use ±TOLERANCE, ±PERCENT% or fraction"))
                }
                index += 1
            }
        case .command:
            let text = rest.joined(separator: " ")
            for clause in text.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) where !clause.isEmpty {
                let parts = clause.split(separator: " ").map(String.init)
                guard parts.count >= 4, parts[0] == "alias", parts[2] == "=" else {
                    return .failure(GradeSpecError("'\(clause)' is not an alias; write 'alias WORD = OTHER' (several separated by ';')"))
                }
                spec.aliases.append([parts[1]] + parts.dropFirst(3))
            }
        case .text, .self:
            if let extra = rest.first { return .failure(GradeSpecError("'Grade: \(first)' takes no options, found '\(extra)'")) }
        }
        return .success(spec)
    }
}

public struct GradeSpecError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
