import Foundation
import Testing

@testable import RecallKit

private struct FSRSVector: Decodable {
    struct Answer: Decodable {
        var rating: Int
        var seconds: Double
    }
    struct Expected: Decodable {
        var phase: Int
        var step: Int?
        var stability: Double
        var difficulty: Double
        var retrievability: Double?
        var dueSeconds: Double
    }
    var parameters: [Double]
    var retention: Double
    var learningSteps: [Double]
    var relearningSteps: [Double]
    var maximumInterval: Int
    var answers: [Answer]
    var expected: [Expected]
}

@Suite struct FSRSTests {
    private static func vectors() throws -> [FSRSVector] {
        try fsrsVectorsJSON.split(separator: "\n").map { line in
            try JSONDecoder().decode(FSRSVector.self, from: Data(line.utf8))
        }
    }

    @Test func agreesWithPyFSRSOnEveryVector() throws {
        let vectors = try Self.vectors()
        #expect(vectors.count > 200)
        let start = Date(timeIntervalSince1970: 1_767_605_400)  // any instant: only the gaps matter
        for (index, vector) in vectors.enumerated() {
            let settings = FSRSSettings(
                parameters: try FSRSParameters(vector.parameters), desiredRetention: vector.retention,
                learningStepsSeconds: vector.learningSteps, relearningStepsSeconds: vector.relearningSteps,
                maximumIntervalDays: vector.maximumInterval, fuzz: false)
            let scheduler = FSRSScheduler(settings: settings)
            var state = FSRSCardState.new
            var now = start
            for (step, (answer, expected)) in zip(vector.answers, vector.expected).enumerated() {
                now = now.addingTimeInterval(answer.seconds)
                let rating = try #require(FSRSRating(rawValue: answer.rating))
                let outcome = scheduler.answer(state, rating: rating, at: now)
                state = outcome.state
                let label = "vector \(index) answer \(step)"
                let phase: FSRSCardState.Phase =
                    switch expected.phase {
                    case 1: .learning
                    case 2: .review
                    default: .relearning
                    }
                #expect(state.phase == phase, "\(label)")
                #expect(state.step == expected.step, "\(label)")
                let memory = try #require(state.memory)
                #expect(abs(memory.stability - expected.stability) <= 1e-6 * max(1, expected.stability), "\(label) S")
                #expect(abs(memory.difficulty - expected.difficulty) <= 1e-6, "\(label) D")
                #expect(outcome.intervalSeconds == expected.dueSeconds, "\(label) interval")
                switch (outcome.retrievabilityBefore, expected.retrievability) {
                case (nil, nil): break
                case (let r?, let e?): #expect(abs(r - e) <= 1e-6, "\(label) R")
                default:
                    Issue.record(
                        "\(label): retrievability \(String(describing: outcome.retrievabilityBefore)) vs \(String(describing: expected.retrievability))")
                }
            }
        }
    }

    @Test func gradesMapToRatings() throws {
        let ratings = try (0...5).map { FSRSRating(try #require(Grade($0))) }
        #expect(ratings == [.again, .again, .again, .hard, .good, .easy])
    }

    @Test func stabilityIsTheDaysUntilNinetyPercent() {
        let w = FSRSParameters.defaults.weights
        for stability in [0.5, 3.0, 41.0] {
            let r = FSRSModel.retrievability(w, elapsedDays: stability, stability: stability)
            #expect(abs(r - 0.9) < 1e-12)
        }
    }

    @Test func parametersOutsideTheirBoundsAreRefused() {
        var weights = FSRSParameters.defaults.weights
        weights[20] = 0.05
        #expect(throws: FSRSParameters.Invalid.outOfBounds(index: 20, value: 0.05, bounds: 0.1...0.8)) {
            try FSRSParameters(weights)
        }
        #expect(throws: FSRSParameters.Invalid.count(3)) { try FSRSParameters([1, 2, 3]) }
    }

    @Test func fuzzIsDeterministicAndWithinItsRange() {
        let scheduler = FSRSScheduler()
        let a = FSRSFuzz.fraction(cardID: "deck/card", answer: 3)
        #expect(a == FSRSFuzz.fraction(cardID: "deck/card", answer: 3))
        #expect(a != FSRSFuzz.fraction(cardID: "deck/card", answer: 4))
        // 30 days: delta = 1 + 0.15·4.5 + 0.1·13 + 0.05·10 = 3.475, so the range is
        // round(26.525) = 27 … round(33.475) = 33, and py-fsrs draws round(27 + u·7):
        // 27 … 34 (its last value lies one past the range).
        let spread = Set((0..<400).map { scheduler.fuzzedDays(30, fraction: FSRSFuzz.fraction(cardID: "c\($0)", answer: 1)) })
        #expect(spread == Set(27...34))
        #expect(scheduler.fuzzedDays(2, fraction: 0.99) == 2)
    }

    @Test func bothSchedulersPreviewEveryOutcomeAndReplayTheLog() throws {
        let zone = try #require(TimeZone(identifier: "UTC"))
        let start = Moment(instant: Date(timeIntervalSince1970: 1_767_605_400), timeZone: zone)
        let grades = try [4, 5, 2, 4, 3].map { try #require(Grade($0)) }
        let log = grades.enumerated().map { (grade: $1, moment: Moment(instant: start.instant.addingTimeInterval(Double($0) * 3 * 86_400), timeZone: zone)) }

        let sm2 = SM2Algorithm()
        #expect(sm2.replay(log, cardID: "d/c") == grades.reduce(SM2State.new) { SM2.review($0, grade: $1) })

        let fsrs = FSRSAlgorithm(settings: FSRSSettings(fuzz: false))
        var state = fsrs.newState
        for answer in log {
            let previews = fsrs.outcomes(state, at: answer.moment, cardID: "d/c")
            let taken = fsrs.answer(state, grade: answer.grade, at: answer.moment, cardID: "d/c")
            #expect(previews[answer.grade.value].state == taken.state)
            state = taken.state
        }
        #expect(fsrs.replay(log, cardID: "d/c") == state)
        #expect(state.answers == 5 && state.phase == .review)
    }
}
