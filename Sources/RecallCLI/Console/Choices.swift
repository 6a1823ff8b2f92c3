import RecallKit

/// A multiple-choice card's options in the order shown: shuffled by the run's
/// seed and the card's id, so a seed repeats the order exactly.
struct ShuffledChoices {
    let choices: [Choice]
    /// `order[position]` is the index in `choices` of the option shown at `position`.
    let order: [Int]

    init(_ choices: [Choice], seed: UInt64, cardID: String) {
        self.choices = choices
        var generator = SeededGenerator(seed: seed, salt: cardID)
        order = generator.permutation(of: choices.count)
    }

    /// The positions (as shown) of the right options.
    var correct: Set<Int> { Set(order.indices.filter { choices[order[$0]].isCorrect }) }

    /// `  a) text`, one line an option.
    var lines: [String] { order.enumerated().map { "  \(Letters.letter($0.offset))) \(choices[$0.element].text)" } }
}

/// Choices answered by letter: `b`, `a c`, `a,c` or `ac`.
enum Letters {
    static func letter(_ index: Int) -> String {
        String(Character(UnicodeScalar(UInt8(97 + index % 26))))
    }

    /// The positions named; nil if anything else was typed or a letter is out of range.
    static func parse(_ text: String, count: Int) -> Set<Int>? {
        let letters = text.lowercased().filter(\.isLetter)
        guard !letters.isEmpty, text.allSatisfy({ $0.isLetter || $0 == " " || $0 == "," }) else { return nil }
        var picks = Set<Int>()
        for character in letters {
            guard let ascii = character.asciiValue, ascii >= 97, Int(ascii - 97) < count else { return nil }
            picks.insert(Int(ascii - 97))
        }
        return picks
    }
}

extension Style {
    /// `✓ Right.`, `≈ Partly right: docker logs --fo[+l]low web`, `✗ Wrong.`
    func verdict(_ outcome: AnswerGrader.Outcome, diff: String? = nil) -> String {
        switch outcome {
        case .right: good("✓ Right.")
        case .partly: warn("≈ Partly right" + (diff.map { ": \($0)" } ?? "."))
        case .wrong: bad("✗ Wrong.")
        }
    }
}
