/// A Markdown study sheet: question, answer, explanation and source, grouped
/// by section and deck, to read or print the night before an interview. Pure.
public enum StudySheet {
    /// Below this easiness a reviewed card counts as weak (three "hard" answers in a row bring a card there).
    public static let weakEasiness = CardFilter.weakEasiness

    /// Marks a card printed in English because it has no Chinese, in `zh`.
    public static let fallbackMark = "（暂无中文）"

    /// - Parameters:
    ///   - only: `"due"` or `"weak"` when the selection was narrowed, for the heading.
    ///   - language: the language of the cards' text (``Card/text(in:)``); `both` prints the Chinese, then the English.
    public static func render(
        _ selection: [(deck: DeckRecord, cards: [StoredCard])], today: StudyDay, only: String? = nil,
        language: Language = .default
    ) -> String {
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
                let text = card.text(in: language)
                out += "\n**\(number). " + question(card, text, language) + "**" + (text.fellBackToEnglish ? " " + fallbackMark : "") + "\n\n"
                out += answer(card, text, language) + "\n"
                if let explanation = text.explanation { out += "\n*Why:* \(explanation)\n" }
                if let source = card.source { out += "\n*Source:* \(source)\n" }
            }
        }
        return out
    }

    /// The cloze note's whole text in the language: Chinese first in `both`, English where there is no Chinese.
    static func clozeTexts(_ card: Card, _ language: Language) -> [String] {
        guard case .cloze(let english, _) = card.content else { return [] }
        guard language != .en, let chinese = card.chinese?.clozeText else { return [english] }
        return language == .zh ? [chinese] : [chinese, english]
    }

    static func question(_ card: Card, _ text: CardText, _ language: Language) -> String {
        switch card.content {
        case .cloze:
            // The whole note once, with the deletions shown as blanks.
            return clozeTexts(card, language).map { Cloze($0).render { _, _, hint in "[\(hint ?? "…")]" } }.joined(separator: "\n")
        default:
            return text.prompt
        }
    }

    static func answer(_ card: Card, _ text: CardText, _ language: Language) -> String {
        switch card.content {
        case .basic:
            return text.answer
        case .typed(_, let answer, let alternatives):
            let term = language == .en ? nil : card.chinese?.answer
            return "`\(answer)`" + (alternatives.isEmpty ? "" : " (also: " + alternatives.map { "`\($0)`" }.joined(separator: ", ") + ")")
                + (term.map { " · \($0)" } ?? "")
        case .choice:
            return text.choices.map { "- [\($0.isCorrect ? "x" : " ")] \($0.text)" }.joined(separator: "\n")
        case .cloze:
            return clozeTexts(card, language).map { Cloze($0).render { _, answer, _ in "**\(answer)**" } }.joined(separator: "\n")
        }
    }
}
