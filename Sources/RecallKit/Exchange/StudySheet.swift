/// A Markdown study sheet: question, answer, explanation and source, grouped
/// by section and deck, to read or print the night before an interview. Pure.
public enum StudySheet {
    /// Below this easiness a reviewed card counts as weak (three "hard" answers in a row bring a card there).
    public static let weakEasiness = CardFilter.weakEasiness

    /// - Parameter only: `"due"` or `"weak"` when the selection was narrowed, for the heading.
    public static func render(_ selection: [(deck: DeckRecord, cards: [StoredCard])], today: StudyDay, only: String? = nil) -> String {
        let count = selection.reduce(0) { $0 + $1.cards.count }
        var out = "# Recall study sheet\n\n"
        out += "\(today) · \(count) card\(count == 1 ? "" : "s")" + (only.map { ", \($0) only" } ?? "") + "\n"
        var section: String?
        for (deck, cards) in selection {
            if deck.section != section {
                section = deck.section
                out += "\n## \(deck.section)" + (deck.sectionZh.map { " · \($0)" } ?? "") + "\n"
            }
            out += "\n### \(deck.title)" + (deck.titleZh.map { " · \($0)" } ?? "") + "\n"
            var notesDone: Set<String> = []
            var number = 0
            for stored in cards {
                let card = stored.card
                if case .cloze = card.content, !notesDone.insert(card.noteID).inserted { continue }
                number += 1
                out += "\n**\(number). " + question(card) + "**\n\n"
                out += answer(card) + "\n"
                if let explanation = card.explanation { out += "\n*Why:* \(explanation)\n" }
                if let source = card.source { out += "\n*Source:* \(source)\n" }
            }
        }
        return out
    }

    static func question(_ card: Card) -> String {
        switch card.content {
        case .cloze(let text, _):
            // The whole note once, with the deletions shown as blanks.
            return Cloze(text).render { _, _, hint in "[\(hint ?? "…")]" }
        default:
            return card.prompt
        }
    }

    static func answer(_ card: Card) -> String {
        switch card.content {
        case .basic(_, let answer):
            return answer
        case .typed(_, let answer, let alternatives):
            return "`\(answer)`" + (alternatives.isEmpty ? "" : " (also: " + alternatives.map { "`\($0)`" }.joined(separator: ", ") + ")")
        case .choice(_, let choices):
            return choices.map { "- [\($0.isCorrect ? "x" : " ")] \($0.text)" }.joined(separator: "\n")
        case .cloze(let text, _):
            return Cloze(text).render { _, answer, _ in "**\(answer)**" }
        }
    }
}
