import Foundation

/// A multiple-choice card's options in the order shown: shuffled by the run's
/// seed and the card's id, so a seed repeats the order exactly.
public struct ShuffledChoices: Hashable, Sendable {
    public let choices: [Choice]
    /// `order[position]` is the index in `choices` of the option shown at `position`.
    public let order: [Int]

    public init(_ choices: [Choice], seed: UInt64, cardID: String) {
        self.choices = choices
        var generator = SeededGenerator(seed: seed, salt: cardID)
        order = generator.permutation(of: choices.count)
    }

    /// The positions (as shown) of the right options.
    public var correct: Set<Int> { Set(order.indices.filter { choices[order[$0]].isCorrect }) }

    /// The option texts in the order shown.
    public var texts: [String] { order.map { choices[$0].text } }

    /// `  a) text`, one line an option.
    public var lines: [String] { texts.enumerated().map { "  \(Letters.letter($0.offset))) \($0.element)" } }

    /// The picks a typed line names: letters (`b`, `a c`), or the text of one option
    /// (any case and spacing, full-width folded); nil when it names neither.
    public func picks(_ typed: String) -> Set<Int>? {
        if let letters = Letters.parse(typed, count: choices.count) { return letters }
        let wanted = Self.folded(typed)
        guard let index = texts.firstIndex(where: { Self.folded($0) == wanted }) else { return nil }
        return [index]
    }

    static func folded(_ text: String) -> String {
        text.precomposedStringWithCompatibilityMapping.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// All the right letters and nothing else is right; some of them and no wrong one is partly right.
    public func outcome(_ picks: Set<Int>) -> AnswerGrader.Outcome {
        let correct = correct
        if picks == correct { return .right }
        return !picks.isEmpty && picks.isSubset(of: correct) ? .partly : .wrong
    }
}

/// Choices answered by letter: `b`, `a c`, `a,c` or `ac`; full-width letters too.
public enum Letters {
    public static func letter(_ index: Int) -> String {
        String(Character(UnicodeScalar(UInt8(97 + index % 26))))
    }

    /// The positions named; nil if anything else was typed or a letter is out of range.
    public static func parse(_ text: String, count: Int) -> Set<Int>? {
        let folded = text.precomposedStringWithCompatibilityMapping
        let letters = folded.lowercased().filter(\.isLetter)
        guard !letters.isEmpty, folded.allSatisfy({ $0.isLetter || $0 == " " || $0 == "," }) else { return nil }
        var picks = Set<Int>()
        for character in letters {
            guard let ascii = character.asciiValue, ascii >= 97, Int(ascii - 97) < count else { return nil }
            picks.insert(Int(ascii - 97))
        }
        return picks
    }
}
