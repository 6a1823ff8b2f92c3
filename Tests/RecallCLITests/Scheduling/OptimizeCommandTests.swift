import Foundation
import RecallKit
import Testing

@Suite struct OptimizeCommandTests {
    /// A CSV in the FSRS optimizer's layout: `cards` cards, each answered on
    /// days 0, 1, 3, 7, 15, 30, the fourth answer of every third card forgotten.
    static func csv(cards: Int) -> String {
        var lines = ["card_id,review_time,review_rating,review_duration"]
        let start = 1_711_684_000_000 as Int64
        for card in 0..<cards {
            for (index, day) in [0, 1, 3, 7, 15, 30].enumerated() {
                let rating = index == 3 && card % 3 == 0 ? 1 : 3
                let ms = start + Int64(day) * 86_400_000 + Int64(card) * 60_000
                lines.append("\(card),\(ms),\(rating),5000")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func tooLittleOfYourOwnHistoryKeepsTheDefaults() throws {
        let sandbox = try Sandbox()
        sandbox.run(["grade", "sample/bubble", "4"])
        sandbox.now = "2026-12-01T09:00:00Z"
        sandbox.run(["grade", "sample/bubble", "4"])
        let run = sandbox.run(["optimize"])
        #expect(run.status == 1)
        #expect(
            run.errors
                == "error: too little history to fit FSRS: 1 answers after a card's first day, at least 8 needed (as fsrs-rs); the current parameters are kept\n"
        )
        #expect(try sandbox.database().fsrsParameters() == nil)
    }

    @Test func aCSVLogIsFittedAndEvaluated() throws {
        let sandbox = try Sandbox()
        let file = sandbox.root.appending(path: "log.csv")
        try Data(Self.csv(cards: 20).utf8).write(to: file)

        let fit = sandbox.run(["optimize", "--csv", file.path, "--iterations", "20", "--json"])
        #expect(fit.status == 0, "\(fit.errors)")
        let weights = try JSONDecoder().decode([Double].self, from: Data(fit.output.utf8))
        #expect(weights.count == 21)
        #expect(throws: Never.self) { try FSRSParameters(weights) }
        // --csv only prints: nothing is kept.
        #expect(try sandbox.database().fsrsParameters() == nil)

        let evaluation = sandbox.run(["evaluate", "--csv", file.path, "--iterations", "20"])
        #expect(evaluation.status == 0, "\(evaluation.errors)")
        let lines = evaluation.output.split(separator: "\n").map(String.init)
        #expect(lines.first == "\(file.path): 120 answers of 20 cards; days start at 4:00 UTC")
        #expect(lines.contains { $0.hasPrefix("SM-2  ") })
        #expect(lines.contains { $0.hasPrefix("FSRS-6 default  ") })
        #expect(lines.contains { $0.hasPrefix("FSRS-6 fitted  ") })
        #expect(lines.contains { $0.hasPrefix("Calibration of FSRS-6 fitted") })
    }

    @Test func aMalformedCSVNamesTheFileAndLine() throws {
        let sandbox = try Sandbox()
        let file = sandbox.root.appending(path: "bad.csv")
        try Data("card_id,review_time,review_rating,review_duration\n1,yesterday,3,100\n".utf8).write(to: file)
        let run = sandbox.run(["optimize", "--csv", file.path])
        #expect(run.status == 1)
        #expect(run.errors.contains("\(file.path):2: review_time 'yesterday' is neither ISO 8601"))
    }
}
