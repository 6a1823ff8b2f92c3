import RecallKit

extension Style {
    /// `✓ Right.`, `≈ Partly right: docker logs --fo[+l]low web`, `✗ Wrong.`
    func verdict(_ outcome: AnswerGrader.Outcome, diff: String? = nil) -> String {
        switch outcome {
        case .right: good("✓ Right.")
        case .partly: warn("≈ Partly right" + (diff.map { ": \($0)" } ?? "."))
        case .wrong: bad("✗ Wrong.")
        }
    }
}
