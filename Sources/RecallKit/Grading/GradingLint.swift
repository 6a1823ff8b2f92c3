/// The grader's checks on a typed card, used by the deck parser (and so by `recall check`).
enum GradingLint {
    /// Problems with answers the grader cannot read as the card's kind.
    static func unreadable(answers: [String], grading: GradeSpec?) -> [String] {
        guard let grading else { return [] }
        var problems: [String] = []
        for answer in answers {
            switch grading.kind {
            case .number where NumberAnswer.parse(answer) == nil:
                problems.append("'Grade: number' but '\(answer)' is not a number the grader can read")
            case .command where !CommandMatcher.parses(answer):
                problems.append("'Grade: command' but '\(answer)' does not parse as a command line (an unclosed quote?)")
            default:
                break
            }
        }
        return problems
    }

    /// The accepted answer that already makes `alternative` right, if any.
    static func coveredBy(_ alternative: String, others: [String], question: String, grading: GradeSpec?) -> String? {
        guard let first = others.first else { return nil }
        let card = Card(
            deckID: "lint", id: "lint", noteID: "lint",
            content: .typed(question: question, answer: first, alternatives: Array(others.dropFirst())), grading: grading)
        guard let verdict = AnswerGrader.grade(alternative, for: card), verdict.outcome == .right else { return nil }
        return verdict.expected
    }
}
