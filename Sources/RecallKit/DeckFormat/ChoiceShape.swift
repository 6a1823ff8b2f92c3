/// How a multiple-choice card's right option stands out by form alone (issue 14).
///
/// A card whose right option is the longest, or the only one hedged with a
/// qualifier, can be answered without knowing anything. These are the
/// measures `recall check` holds the decks to; pure functions of the choices.
public enum ChoiceShape {
    /// The share of single-answer cards whose right option is the longest, or the only qualified one, may be at most this across the checked decks…
    public static let maximumShareAcrossDecks = 0.30
    /// …and at most this in any one deck.
    public static let maximumSharePerDeck = 0.40
    /// A right option longer than this many times every distractor gives itself away.
    public static let maximumLengthRatio = 1.5

    /// Words and marks that hedge or qualify an option (compared lower-cased,
    /// as whole words for the English ones). Parentheses count too.
    public static let qualifiers: [String] = [
        "but", "only", "unless", "except", "although", "though", "however", "mainly", "mostly", "usually",
        "typically", "generally", "often", "roughly", "approximately", "at most", "at least", "up to",
        "但", "只", "仅", "除非", "除了", "通常", "一般", "主要", "大约", "约", "至多", "至少", "最多",
    ]

    /// The one right choice of a single-answer card and its distractors, or nil.
    static func split(_ choices: [Choice]) -> (right: Choice, distractors: [Choice])? {
        let right = choices.filter(\.isCorrect)
        guard right.count == 1, let answer = right.first, choices.count > 1 else { return nil }
        return (answer, choices.filter { !$0.isCorrect })
    }

    /// The length an option is judged by: display columns, so that a CJK
    /// character weighs as much as it takes on screen.
    public static func length(_ text: String) -> Int { TextWidth.columns(text) }

    /// True when the single right option is a longest one: no distractor is
    /// longer and some is shorter (a tie with another longest counts, as
    /// "pick the longest" then still often finds it; all options the same
    /// length gives nothing away).
    public static func rightIsLongest(_ choices: [Choice]) -> Bool {
        guard let (right, distractors) = split(choices) else { return false }
        let rightLength = length(right.text)
        return distractors.allSatisfy { length($0.text) <= rightLength } && distractors.contains { length($0.text) < rightLength }
    }

    /// True when the single right option is the only one with a qualifier.
    public static func rightIsOnlyQualified(_ choices: [Choice]) -> Bool {
        guard let (right, distractors) = split(choices) else { return false }
        return hasQualifier(right.text) && !distractors.contains { hasQualifier($0.text) }
    }

    /// True when every right option is more than ``maximumLengthRatio`` times as long as every distractor.
    public static func rightIsFarLonger(_ choices: [Choice]) -> Bool {
        let right = choices.filter(\.isCorrect).map { Double(length($0.text)) }
        let wrong = choices.filter { !$0.isCorrect }.map { Double(length($0.text)) }
        guard let shortestRight = right.min(), let longestWrong = wrong.max() else { return false }
        return shortestRight > maximumLengthRatio * longestWrong
    }

    public static func hasQualifier(_ text: String) -> Bool {
        if text.contains("(") || text.contains("（") { return true }
        let lower = text.lowercased()
        let words = lower.split { !$0.isLetter || $0.isCJK }.map(String.init)
        let padded = " " + words.joined(separator: " ") + " "
        for qualifier in qualifiers {
            if qualifier.unicodeScalars.first.map({ Character($0).isCJK }) == true {
                if lower.contains(qualifier) { return true }
            } else if padded.contains(" \(qualifier) ") {
                return true
            }
        }
        return false
    }

    /// Counts over a set of cards: how many are single-answer, and how many of those give their answer away.
    public struct Tally: Hashable, Sendable {
        public var singleAnswer = 0
        public var longest = 0
        public var onlyQualified = 0

        public init() {}

        public mutating func add(_ choices: [Choice]) {
            guard split(choices) != nil else { return }
            singleAnswer += 1
            if rightIsLongest(choices) { longest += 1 }
            if rightIsOnlyQualified(choices) { onlyQualified += 1 }
        }

        public var longestShare: Double { singleAnswer == 0 ? 0 : Double(longest) / Double(singleAnswer) }
        public var onlyQualifiedShare: Double { singleAnswer == 0 ? 0 : Double(onlyQualified) / Double(singleAnswer) }
    }

    /// The tally of the English (or, with `chinese`, the Chinese) choices of every choice card of `decks`.
    public static func tally(_ decks: [Deck], chinese: Bool = false) -> Tally {
        var tally = Tally()
        for deck in decks {
            for card in deck.cards {
                guard case .choice(_, let english) = card.content else { continue }
                let choices = chinese ? (card.chinese?.choices ?? []) : english
                if !choices.isEmpty { tally.add(choices) }
            }
        }
        return tally
    }
}
