/// How a card's answer is checked, in review and interview alike. Which cards
/// are graded automatically is the grader's one rule, ``AnswerGrader/mode(for:)``;
/// this only says how the sessions present each case.
public enum AnswerChecking {
    public enum Mode: Hashable, Sendable {
        /// Answered by letter.
        case choice
        /// Graded by ``AnswerGrader``.
        case automatic
        /// Compared by the user with the reference.
        case selfGraded(reference: String)
    }

    public static func mode(for card: Card) -> Mode {
        if case .choice = card.content { return .choice }
        switch AnswerGrader.mode(for: card) {
        case .automatic: return .automatic
        case .selfGraded: return .selfGraded(reference: card.answerText)
        }
    }

    /// The verdict on a typed answer to an automatically graded card.
    /// The card's Chinese term (`A.zh:` of a typed card, the Chinese deletion
    /// of a cloze), when it has one, is accepted too, compared as text.
    public static func grade(_ given: String, card: Card) -> (outcome: AnswerGrader.Outcome, diff: String?) {
        guard let verdict = AnswerGrader.grade(given, for: card) else { return (.wrong, nil) }
        if verdict.outcome != .right, let chinese = card.answerTextZh, !chinese.isEmpty,
            AnswerGrader.grade(given, accepted: [chinese], as: .text).outcome == .right
        {
            return (.right, nil)
        }
        return (verdict.outcome, verdict.diff)
    }

    /// The SM-2 grade suggested for a verdict: right 5, partly 3, wrong 1.
    public static func suggestedGrade(_ outcome: AnswerGrader.Outcome) -> Grade {
        AnswerGrader.suggestedGrade(outcome)
    }

    /// The verdict the user gives instead of an automatic one: right becomes
    /// wrong, partly right or wrong becomes right.
    public static func overruled(_ outcome: AnswerGrader.Outcome) -> AnswerGrader.Outcome {
        outcome == .right ? .wrong : .right
    }

    /// How a card is put to the user: its mode, its options in the order shown
    /// (shuffled by `seed` and the card's id) and the kind of answer prompt.
    /// The same for review and interview.
    static func presentation(of card: Card, seed: UInt64, typedRequired: Bool)
        -> (mode: Mode, choices: ShuffledChoices?, prompt: ReviewSession.AnswerPrompt)
    {
        let mode = mode(for: card)
        switch mode {
        case .choice:
            var choices: ShuffledChoices?
            if case .choice(_, let options) = card.content { choices = ShuffledChoices(options, seed: seed, cardID: card.qualifiedID) }
            return (mode, choices, .choice(options: choices?.choices.count ?? 0, multiple: (choices?.correct.count ?? 0) > 1))
        case .automatic: return (mode, nil, .typed(required: typedRequired))
        case .selfGraded: return (mode, nil, .open)
        }
    }
}
