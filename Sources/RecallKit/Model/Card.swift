/// What a card asks, by kind. The deck file is the source of truth for this;
/// the database keeps a copy so that queues and listings need no parse.
public enum CardContent: Hashable, Sendable, Codable {
    /// A question and a free-text answer.
    case basic(question: String, answer: String)
    /// One deletion of a cloze note: `text` holds the whole note with every
    /// `{{deletion}}`, and `deletion` (from 1) is the one this card asks.
    case cloze(text: String, deletion: Int)
    /// A question with choices, one or more of them correct.
    case choice(question: String, choices: [Choice])
    /// A question whose answer is typed and checked: `answer` or any of `alternatives`.
    case typed(question: String, answer: String, alternatives: [String])

    public var kind: CardKind {
        switch self {
        case .basic: .basic
        case .cloze: .cloze
        case .choice: .choice
        case .typed: .typed
        }
    }
}

public enum CardKind: String, Hashable, Sendable, Codable, CaseIterable {
    case basic, cloze, choice, typed
}

public struct Choice: Hashable, Sendable, Codable {
    public var text: String
    public var isCorrect: Bool

    public init(text: String, isCorrect: Bool) {
        self.text = text
        self.isCorrect = isCorrect
    }
}

/// One card as a deck file defines it.
///
/// A card's identity is `deckID/id`: the id is written in the deck file, so
/// editing the card's text keeps its review history.
public struct Card: Hashable, Sendable, Codable {
    public var deckID: String
    /// The card's id within its deck: the note id, or `note.cN` for the Nth deletion of a cloze note.
    public var id: String
    /// The id written in the file; cloze siblings share it.
    public var noteID: String
    public var content: CardContent
    public var explanation: String?
    public var source: String?
    public var tags: [String]
    /// The line of the card's `##` heading in its file.
    public var line: Int
    /// How the card says it is graded (its `Grade:` field), when the default guess would be wrong.
    public var grading: GradeSpec?

    public init(
        deckID: String, id: String, noteID: String, content: CardContent,
        explanation: String? = nil, source: String? = nil, tags: [String] = [], line: Int = 0, grading: GradeSpec? = nil
    ) {
        self.deckID = deckID
        self.id = id
        self.noteID = noteID
        self.content = content
        self.explanation = explanation
        self.source = source
        self.tags = tags
        self.line = line
        self.grading = grading
    }

    public var kind: CardKind { content.kind }

    /// The name used on the command line and in the database: `deck/card`.
    public var qualifiedID: String { "\(deckID)/\(id)" }

    /// The text of the question side, as plain text (cloze deletions shown as `[...]`).
    public var prompt: String {
        switch content {
        case .basic(let question, _): question
        case .cloze(let text, let deletion): Cloze(text).question(asking: deletion)
        case .choice(let question, _): question
        case .typed(let question, _, _): question
        }
    }

    /// The answer in a line or a few, as shown after the question.
    public var answerText: String {
        switch content {
        case .basic(_, let answer): answer
        case .cloze(let text, let deletion): Cloze(text).answer(for: deletion)
        case .choice(_, let choices): choices.filter(\.isCorrect).map(\.text).joined(separator: "; ")
        case .typed(_, let answer, _): answer
        }
    }
}

/// A deck: one file of cards with its front matter.
public struct Deck: Hashable, Sendable, Codable {
    public var id: String
    public var title: String
    public var titleZh: String?
    public var section: String
    public var sectionZh: String?
    public var tags: [String]
    public var description: String
    public var cards: [Card]

    public init(
        id: String, title: String, titleZh: String? = nil, section: String, sectionZh: String? = nil,
        tags: [String] = [], description: String = "", cards: [Card] = []
    ) {
        self.id = id
        self.title = title
        self.titleZh = titleZh
        self.section = section
        self.sectionZh = sectionZh
        self.tags = tags
        self.description = description
        self.cards = cards
    }
}
