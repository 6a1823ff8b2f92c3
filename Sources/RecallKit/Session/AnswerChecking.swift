/// How a card's answer is checked, in review and interview alike: the one
/// place that decides which cards are graded automatically.
///
/// Until the grader of issue 9 provides its own rule, this keeps today's:
/// choices by letter, typed and cloze answers automatically, basic answers
/// automatically when short enough to type (one line, at most 40
/// characters), and longer ones self-graded against the reference.
public enum AnswerChecking {
    public enum Mode: Hashable, Sendable {
        /// Answered by letter.
        case choice
        /// Graded by ``AnswerGrader`` against these accepted answers.
        case automatic(accepted: [String], isCommand: Bool)
        /// Compared by the user with the reference.
        case selfGraded(reference: String)
    }

    /// Basic answers up to this long (one line) are graded automatically.
    public static let checkableBasicAnswerLength = 40

    public static func mode(for card: Card) -> Mode {
        let accepted: [String]
        switch card.content {
        case .choice: return .choice
        case .typed(_, let answer, let alternatives): accepted = [answer] + alternatives
        case .cloze: accepted = [card.answerText]
        case .basic(_, let answer):
            guard answer.count <= checkableBasicAnswerLength, !answer.contains("\n") else { return .selfGraded(reference: answer) }
            accepted = [answer]
        }
        return .automatic(accepted: accepted, isCommand: AnswerGrader.looksLikeCommand(accepted, tags: card.tags))
    }

    /// The verdict on a typed answer to an automatically graded card.
    public static func grade(_ given: String, accepted: [String], isCommand: Bool) -> AnswerGrader.Result {
        AnswerGrader.grade(given, accepted: accepted, isCommand: isCommand)
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
}
