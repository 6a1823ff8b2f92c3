/// The language cards are shown in: `recall config set language` and `--lang`.
public enum Language: String, Hashable, Sendable, Codable, CaseIterable {
    /// English only (the default).
    case en
    /// Chinese, falling back to English field by field where a card has no Chinese (with a note).
    case zh
    /// Chinese and then English; a field without Chinese shows the English alone, silently.
    case both

    public static let `default` = Language.en

    public var summary: String {
        switch self {
        case .en: "English"
        case .zh: "Chinese (中文), English where a card has no Chinese"
        case .both: "Chinese, then English"
        }
    }
}

/// A card's text as one language setting shows it. Made by ``Card/text(in:)``,
/// the one place the fallback rule lives: a field without Chinese falls back
/// to its English; in `zh` that is flagged (``fellBackToEnglish``) so the
/// shell can say so, in `both` it is silent.
public struct CardText: Hashable, Sendable {
    /// The question side (a cloze with its asked deletion hidden).
    public var prompt: String
    /// The answer as shown after the question.
    public var answer: String
    /// The choices of a multiple-choice card in the English order with the
    /// English marks, their text in the language; empty for other kinds.
    public var choices: [Choice]
    public var explanation: String?
    /// True when Chinese was asked for (`zh`) and some field of the card had
    /// none, so its English is shown.
    public var fellBackToEnglish: Bool
    /// In `both`, an answer whose two languages fit in this many columns is shown as `中文 / English` on one line.
    public static let oneLineColumns = 60
}

extension Card {
    /// The card's text in `language`. Pure; see ``CardText``.
    ///
    /// ```swift
    /// card.text(in: .both).prompt // "GPipe 的气泡比例是多少？\nWhat is the GPipe bubble fraction?"
    /// ```
    public func text(in language: Language) -> CardText {
        let zh = chinese
        var missing = false
        /// The Chinese of one field, with `english` as its fallback, in `language`.
        func pick(_ english: String, _ chinese: String?, separator: String = "\n") -> String {
            guard language != .en else { return english }
            guard let chinese, !chinese.isEmpty else {
                missing = true
                return english
            }
            if language == .zh || chinese == english { return chinese }
            return chinese + separator + english
        }
        let englishChoices: [Choice]
        if case .choice(_, let choices) = content { englishChoices = choices } else { englishChoices = [] }
        let chineseChoices = zh?.choices ?? []
        let choices = englishChoices.enumerated().map { index, choice in
            Choice(
                text: pick(choice.text, index < chineseChoices.count ? chineseChoices[index].text : nil, separator: " / "),
                isCorrect: choice.isCorrect)
        }
        let prompt = pick(self.prompt, promptZh)
        let answer: String
        switch content {
        case .choice:
            answer = choices.filter(\.isCorrect).map(\.text).joined(separator: "; ")
        case .typed:
            // The typed answer is a command or a term: a missing Chinese term is no fallback.
            answer = language == .en || zh?.answer == nil ? answerText : pick(answerText, answerTextZh, separator: " / ")
        case .basic, .cloze:
            // A short answer reads as "中文 / English" on one line; a longer one takes a line for each language.
            let chinese = answerTextZh
            let short =
                !answerText.contains("\n") && !(chinese ?? "").contains("\n")
                && TextWidth.columns(answerText) + TextWidth.columns(chinese ?? "") <= CardText.oneLineColumns
            answer = pick(answerText, chinese, separator: short ? " / " : "\n")
        }
        let explanation = self.explanation.map { pick($0, zh?.explanation) }
        return CardText(
            prompt: prompt, answer: answer, choices: choices, explanation: explanation,
            fellBackToEnglish: language == .zh && missing)
    }

    /// The answers a typed or cloze card accepts, in either language: the
    /// English answer and alternatives, then the Chinese term (`A.zh:` of a
    /// typed card, the Chinese deletion of a cloze) where the card has one.
    public var acceptedAnswers: [String] {
        var accepted: [String]
        switch content {
        case .typed(_, let answer, let alternatives): accepted = [answer] + alternatives
        case .cloze, .basic: accepted = [answerText]
        case .choice: return []
        }
        if let chinese = answerTextZh, !chinese.isEmpty, !accepted.contains(chinese) { accepted.append(chinese) }
        return accepted
    }
}
