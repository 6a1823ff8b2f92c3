import Testing
@testable import RecallKit

@Suite struct AnswerCheckTests {
    @Test(arguments: [
        ("docker logs -f web", ["docker logs -f web"], AnswerCheck.Verdict.correct),
        ("  Docker   LOGS -f web ", ["docker logs -f web"], .correct),
        ("docker logs --follow web", ["docker logs -f web", "docker logs --follow web"], .correct),
        ("ＺｅＲＯ－３", ["ZeRO-3"], .correct), // full-width forms match under NFKC
        ("优化器状态", ["优化器状态"], .correct),
        ("optimiser states", ["optimizer states"], .close(expected: "optimizer states", distance: 1)),
        ("gradients", ["parameters"], .wrong),
        ("ls", ["ps"], .wrong), // too short for a near miss
    ])
    func judgesTypedAnswers(typed: String, accepted: [String], expected: AnswerCheck.Verdict) {
        #expect(AnswerCheck.judge(typed, accepted: accepted) == expected)
    }

    @Test func suggestedGrades() {
        #expect(AnswerCheck.suggestedGrade(.correct).value == 5)
        #expect(AnswerCheck.suggestedGrade(.close(expected: "x", distance: 1)).value == 3)
        #expect(AnswerCheck.suggestedGrade(.wrong).value == 1)
    }

    @Test func editDistance() {
        #expect(AnswerCheck.editDistance(Array("kitten"), Array("sitting")) == 3)
        #expect(AnswerCheck.editDistance(Array(""), Array("abc")) == 3)
        #expect(AnswerCheck.editDistance(Array("abc"), Array("")) == 3)
        #expect(AnswerCheck.editDistance(Array("abcdef"), Array("uvwxyz"), limit: 2) == 3)
    }

    @Test func seededShufflesRepeatAndAreUniform() {
        var a = SeededGenerator(seed: 7, salt: "deck/card")
        var b = SeededGenerator(seed: 7, salt: "deck/card")
        #expect(a.permutation(of: 6) == b.permutation(of: 6))
        var counts = [Int](repeating: 0, count: 4)
        var generator = SeededGenerator(seed: 1)
        for _ in 0..<40_000 { counts[generator.permutation(of: 4)[0]] += 1 }
        // Each element should lead about a quarter of the time (an unbiased shuffle).
        #expect(counts.allSatisfy { abs($0 - 10_000) < 600 })
    }
}

@Suite struct TopicMatchTests {
    @Test func matchesAtTheStartOfAWordIgnoringPunctuationAndCase() {
        #expect(TopicMatch.mentions("How does All-Reduce work?", anyOf: ["all-reduce"]))
        #expect(TopicMatch.mentions("DDP gradient bucketing", anyOf: ["bucket"]))
        #expect(!TopicMatch.mentions("an array of values", anyOf: ["ray"]))
        #expect(TopicMatch.mentions("Ray Train's TorchTrainer", anyOf: ["ray"]))
        #expect(TopicMatch.mentions("用 LLM.int8() 量化", anyOf: ["llm.int8"]))
        #expect(!TopicMatch.mentions("anything", anyOf: [""]))
    }
}
