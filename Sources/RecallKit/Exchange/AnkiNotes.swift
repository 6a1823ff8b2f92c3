/// How Recall's cards become Anki notes: one note per basic, typed or
/// multiple-choice card and one per cloze note (a card per deletion), with the
/// explanation and the source in fields of their own, and the Chinese text in
/// fields of its own (empty when the card has none). Shared by the package
/// and the text exports.
struct AnkiNote {
    enum Kind { case basic, typed, cloze }

    var kind: Kind
    /// `recall:DECK/NOTE`: stable across exports, so Anki updates the note instead of adding another.
    var guid: String
    /// The note's fields as HTML, in the order of its note type.
    var front: String
    var back: String
    var explanation: String
    var source: String
    /// The Chinese question (or cloze text), answer and explanation as HTML; empty where the card has none.
    var frontZh = ""
    var backZh = ""
    var explanationZh = ""
    var tags: [String]
    /// Cards of the note with the Anki template ordinal (the deletion number − 1 for cloze).
    var cards: [(ordinal: Int, card: StoredCard)]

    /// The notes for a deck's cards, in deck order.
    static func notes(for cards: [StoredCard]) -> [AnkiNote] {
        var notes: [AnkiNote] = []
        var indexOfNote: [String: Int] = [:]
        for stored in cards {
            let card = stored.card
            if let index = indexOfNote[card.noteID], case .cloze(_, let deletion) = card.content {
                notes[index].cards.append((deletion - 1, stored))
                continue
            }
            var explanation = card.explanation ?? ""
            let kind: Kind
            let front: String
            let back: String
            var ordinal = 0
            switch card.content {
            case .basic(let question, let answer):
                kind = .basic
                front = HTMLText.fromPlain(question)
                back = HTMLText.fromPlain(answer)
            case .typed(let question, let answer, let alternatives):
                kind = .typed
                front = HTMLText.fromPlain(question)
                back = HTMLText.fromPlain(answer)
                if !alternatives.isEmpty {
                    let also = "Also accepted: " + alternatives.joined(separator: " | ")
                    explanation = explanation.isEmpty ? also : explanation + "\n" + also
                }
            case .choice(let question, let choices):
                kind = .basic
                let shown = exportOrder(choices, card: card)
                let lettered = shown.enumerated().map { "\(letter($0.offset)). \($0.element.text)" }
                front = HTMLText.fromPlain(question + "\n\n" + lettered.joined(separator: "\n"))
                back = HTMLText.fromPlain(
                    shown.enumerated().filter { $0.element.isCorrect }
                        .map { "\(letter($0.offset)). \($0.element.text)" }.joined(separator: "\n"))
            case .cloze(let text, let deletion):
                kind = .cloze
                front = clozeHTML(text)
                back = ""
                ordinal = deletion - 1
            }
            let (frontZh, backZh) = chineseSides(card)
            indexOfNote[card.noteID] = notes.count
            notes.append(
                AnkiNote(
                    kind: kind, guid: "recall:\(card.deckID)/\(card.noteID)", front: front, back: back,
                    explanation: HTMLText.fromPlain(explanation), source: HTMLText.fromPlain(card.source ?? ""),
                    frontZh: frontZh, backZh: backZh, explanationZh: HTMLText.fromPlain(card.chinese?.explanation ?? ""),
                    tags: stored.allTags, cards: [(ordinal, stored)]))
        }
        return notes
    }

    /// The Chinese front and back of a card as HTML, built like the English ones; empty where there is no Chinese.
    static func chineseSides(_ card: Card) -> (front: String, back: String) {
        guard let zh = card.chinese else { return ("", "") }
        switch card.content {
        case .basic, .typed:
            return (HTMLText.fromPlain(zh.question ?? ""), HTMLText.fromPlain(zh.answer ?? ""))
        case .choice:
            guard let question = zh.question else { return ("", "") }
            let shown = exportOrder(zh.choices, card: card)
            let lettered = shown.enumerated().map { "\(letter($0.offset)). \($0.element.text)" }
            let right = shown.enumerated().filter { $0.element.isCorrect }.map { "\(letter($0.offset)). \($0.element.text)" }
            return (
                HTMLText.fromPlain(lettered.isEmpty ? question : question + "\n\n" + lettered.joined(separator: "\n")),
                HTMLText.fromPlain(right.joined(separator: "\n"))
            )
        case .cloze:
            return (zh.clozeText.map(clozeHTML) ?? "", "")
        }
    }

    /// A choice card's options in the order an export lists them: a permutation fixed by the
    /// card's id (the same in every export, and for the English and the Chinese options), so
    /// that in Anki, where nothing shuffles them, the right option is not the deck file's
    /// first one (it is in most bundled cards).
    static func exportOrder(_ choices: [Choice], card: Card) -> [Choice] {
        ShuffledChoices(choices, seed: 0, cardID: card.qualifiedID).order.map { choices[$0] }
    }

    static func letter(_ index: Int) -> String {
        let scalar = Unicode.Scalar(UInt8(ascii: "a") + UInt8(truncatingIfNeeded: index % 26))
        return String(Character(scalar))
    }

    /// Recall's `{{answer::hint}}` as Anki's `{{c1::answer::hint}}`, numbered in order.
    static func clozeHTML(_ text: String) -> String {
        Cloze(text).segments.reduce(into: (html: "", index: 0)) { state, segment in
            switch segment {
            case .text(let plain): state.html += HTMLText.fromPlain(plain)
            case .deletion(let answer, let hint):
                state.index += 1
                state.html += "{{c\(state.index)::\(HTMLText.fromPlain(answer))" + (hint.map { "::" + HTMLText.fromPlain($0) } ?? "") + "}}"
            }
        }.html
    }

    /// `Recall::<Section>::<Deck title>`; `::` inside a name would nest, so it becomes `:`.
    static func deckName(_ deck: DeckRecord) -> String {
        ["Recall", deck.section, deck.title].map { $0.replacingOccurrences(of: "::", with: ":") }.joined(separator: "::")
    }
}
