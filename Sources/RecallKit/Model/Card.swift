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

/// A card's Chinese text, field by field, as the deck file's `.zh` fields give it.
///
/// Every field is optional: a user deck may translate some cards, or some
/// fields of a card, and a field without Chinese falls back to the English
/// (see ``CardText``). The parser guarantees that what is present matches the
/// English in structure: a cloze text has the same deletions, the choices are
/// as many as the English ones and the same ones are marked right.
public struct CardTranslation: Hashable, Sendable, Codable {
    /// `Q.zh`, `M.zh` or `T.zh`: the question.
    public var question: String?
    /// `A.zh`: the answer of a basic card, or on a typed card an accepted Chinese term.
    public var answer: String?
    /// `C.zh`: the whole cloze note with its `{{deletions}}`.
    public var clozeText: String?
    /// The choice lines after `M.zh`, in the English order; empty when there are none.
    public var choices: [Choice]
    /// `Why.zh`: the explanation.
    public var explanation: String?

    public init(
        question: String? = nil, answer: String? = nil, clozeText: String? = nil,
        choices: [Choice] = [], explanation: String? = nil
    ) {
        self.question = question
        self.answer = answer
        self.clozeText = clozeText
        self.choices = choices
        self.explanation = explanation
    }

    /// True when no field has Chinese text.
    public var isEmpty: Bool {
        question == nil && answer == nil && clozeText == nil && choices.isEmpty && explanation == nil
    }
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
    /// The card's Chinese text (`.zh` fields), or nil when the file gives none.
    public var chinese: CardTranslation?
    /// Notes this card is related to (`Related:`), qualified as `deck/note`: the
    /// queue keeps them apart on a day.
    public var related: [String]
    /// How the card says it is graded (its `Grade:` field), when the default guess would be wrong.
    public var grading: GradeSpec?

    public init(
        deckID: String, id: String, noteID: String, content: CardContent,
        explanation: String? = nil, source: String? = nil, tags: [String] = [], line: Int = 0,
        chinese: CardTranslation? = nil, related: [String] = [], grading: GradeSpec? = nil
    ) {
        self.deckID = deckID
        self.id = id
        self.noteID = noteID
        self.content = content
        self.explanation = explanation
        self.source = source
        self.tags = tags
        self.line = line
        self.chinese = chinese
        self.related = related
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

    /// The question side in Chinese, or nil when the card has no Chinese question.
    public var promptZh: String? {
        guard let zh = chinese else { return nil }
        switch content {
        case .cloze(_, let deletion): return zh.clozeText.map { Cloze($0).question(asking: deletion) }
        case .basic, .choice, .typed: return zh.question
        }
    }

    /// The answer in Chinese, or nil when the card has none. A typed card's
    /// answer is a command or a term: its `A.zh`, when present, is an accepted
    /// Chinese term, and without one the answer is the same in both languages.
    public var answerTextZh: String? {
        guard let zh = chinese else { return nil }
        switch content {
        case .basic: return zh.answer
        case .cloze(_, let deletion): return zh.clozeText.map { Cloze($0).answer(for: deletion) }
        case .choice:
            let right = zh.choices.filter(\.isCorrect).map(\.text)
            return right.isEmpty ? nil : right.joined(separator: "; ")
        case .typed: return zh.answer
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
