import Foundation
import RecallKit
import Testing

@Suite struct PlanCommandTests {
    static let w = FSRSWeightsByHand.defaults

    @Test func planOnAGeneratedHistoryGivesTheHandCalculation() throws {
        let sandbox = try Sandbox()
        sandbox.now = "2026-11-29T09:00:00Z"
        #expect(sandbox.run(["grade", "sample/bubble", "4"]).status == 0)
        let total = try sandbox.database().cards().filter { !$0.record.retired }.count
        let run = sandbox.run(["plan", "--until", "2026-12-02"])
        #expect(run.status == 0, "\(run.errors)")
        let lines = run.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)

        // By hand: the graded card has S = w2 (first answer good); at 90% its
        // interval is round(w2) = 2 days; reviewed then (recalled) after 2 days.
        let w = Self.w
        let s0 = w[2]
        let d0 = w[4] - exp(w[5] * 2) + 1
        let s1 = s0 * (1 + exp(w[8]) * (11 - d0) * pow(s0, -w[9]) * (exp((1 - FSRSWeightsByHand.r(2, s0)) * w[10]) - 1))
        let n = Double(total)
        let perDay = (total - 1 + 2) / 3
        func pct(_ x: Double) -> String { String(format: "%.1f%%", x * 100) }

        #expect(lines[0] == "Plan for all decks until 2026-12-02 (3 days from today, 2026-11-29)")
        #expect(lines[1] == "Predictions: FSRS-6 with the default parameters, reviews when due at 90% retention")
        #expect(lines[3] == "Cards in scope              \(total) (1 seen, \(total - 1) new)")
        #expect(lines[4] == "Predicted recall today      \(pct(1 / n))")
        #expect(lines[5] == "On 2026-12-02, due only    \(pct(FSRSWeightsByHand.r(1, s1) / n))   (only what falls due, no new cards)")
        #expect(lines[6] == "New cards a day needed      \(perDay)   (to have seen every card by 2026-12-01)")
        #expect(lines[10] == "day           new  reviews  predicted recall")
        // Day 1: the first batch of new cards and the graded card, all answered
        // that day (recall 1 each); the rest unseen (0).
        #expect(
            lines[11] == "2026-11-29  " + String(format: "%5d  %7d  ", perDay, 0) + String(repeating: " ", count: 16 - pct(Double(1 + perDay) / n).count)
                + pct(Double(1 + perDay) / n))
    }

    @Test func aDateInThePastIsAClearError() throws {
        let sandbox = try Sandbox()
        let run = sandbox.run(["plan", "--until", "2026-11-01"])
        #expect(run.status == 1)
        #expect(run.errors == "error: --until 2026-11-01 is not after today (2026-11-29)\n")
    }
}

/// The default weights and the forgetting curve, written out for hand calculations.
enum FSRSWeightsByHand {
    static let defaults = [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ]

    static func r(_ t: Double, _ s: Double) -> Double {
        let decay = -defaults[20]
        return pow(1 + (pow(0.9, 1 / decay) - 1) * t / s, decay)
    }
}
