import Foundation
import RecallKit
import Testing

@Suite struct MapRecallTests {
    @Test func mapShowsPredictedRecallOnADay() throws {
        let sandbox = try Sandbox()
        sandbox.now = "2026-11-20T09:00:00Z"
        #expect(sandbox.run(["grade", "sample/bubble", "4"]).status == 0)
        sandbox.now = "2026-11-29T09:00:00Z"
        let total = try sandbox.database().cards().filter { !$0.record.retired }.count
        let run = sandbox.run(["map", "--depth", "1", "--ascii", "--on", "2026-11-27"])
        #expect(run.status == 0, "\(run.errors)")
        let lines = run.output.split(separator: "\n").map(String.init)
        #expect(lines[1] == "predicted recall (FSRS-6) on 2026-11-27: the mean over each node's cards, unseen cards 0")
        // One card answered "good" 7 days before: S = w2, R = (1 + F·7/S)^(−w20); the rest unseen.
        let r = FSRSWeightsByHand.r(7, FSRSWeightsByHand.defaults[2])
        let expected = "\(Int((r / Double(total) * 100).rounded()))%"
        let root = try #require(lines.first { $0.hasPrefix("All decks") })
        #expect(root.hasSuffix(" " + expected), "\(root)")
        // Without --recall or --on the map is as before.
        #expect(!sandbox.run(["map", "--depth", "1", "--ascii"]).output.contains("predicted recall"))
    }

    @Test func statsShowsPredictedRecallOnADay() throws {
        let sandbox = try Sandbox()
        sandbox.now = "2026-11-20T09:00:00Z"
        #expect(sandbox.run(["grade", "sample/bubble", "4"]).status == 0)
        sandbox.now = "2026-11-29T09:00:00Z"
        let total = try sandbox.database().cards().filter { !$0.record.retired }.count
        let run = sandbox.run(["stats", "--ascii", "--on", "2026-11-30"])
        #expect(run.status == 0, "\(run.errors)")
        let lines = run.output.split(separator: "\n").map(String.init)
        #expect(lines.contains("Predicted recall (FSRS-6) on 2026-11-30, unseen cards 0"))
        let r = FSRSWeightsByHand.r(10, FSRSWeightsByHand.defaults[2])
        let root = try #require(lines.last)
        #expect(
            root == "  All decks".padding(toLength: 40, withPad: " ", startingAt: 0) + String(format: "%5d/%-5d  %5.1f%%", 1, total, r / Double(total) * 100))
        #expect(!sandbox.run(["stats", "--ascii"]).output.contains("Predicted recall"))
    }
}
