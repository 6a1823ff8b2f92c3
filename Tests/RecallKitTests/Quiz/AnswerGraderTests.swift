import Testing
@testable import RecallKit

@Suite struct AnswerGraderTests {
    typealias Outcome = AnswerGrader.Outcome

    @Test(arguments: [
        // Prose: case, spacing, punctuation and Unicode width do not matter.
        ("  Optimizer   STATES ", ["optimizer states"], Outcome.right),
        ("optimizer states.", ["optimizer states"], .right),
        ("ＺｅＲＯ－３", ["ZeRO-3"], .right),
        ("优化器状态", ["优化器状态"], .right),
        ("（p − 1）", ["(p − 1)"], .right),
        ("optimiser states", ["optimizer states"], .partly),
        ("gradients", ["parameters"], .wrong),
        ("ls", ["ps"], .wrong),
        ("1003", ["1004"], .wrong),                 // a different number is never a near miss
        ("secnds", ["seconds"], .partly),
        ("", ["anything"], .wrong),
    ])
    func prose(given: String, accepted: [String], expected: Outcome) {
        #expect(AnswerGrader.grade(given, accepted: accepted, isCommand: false).outcome == expected)
    }

    @Test(arguments: [
        ("docker logs -f web", Outcome.right),
        ("docker logs --follow web", .right),
        ("docker  logs  -f  web", .right),
        ("docker logs -F web", .partly),         // case matters in commands: a near miss, not right
        ("docker logs --folow web", .partly),
        ("docker logs web", .wrong),
        ("kubectl logs -f web", .wrong),
    ])
    func commandsKeepCaseAndListedAlternatives(given: String, expected: Outcome) {
        let accepted = ["docker logs -f web", "docker logs --follow web"]
        #expect(AnswerGrader.grade(given, accepted: accepted, isCommand: true).outcome == expected)
    }

    @Test(arguments: [
        ("docker run --rm -it ubuntu bash", Outcome.right),     // flags reordered
        ("docker run -ti --rm ubuntu bash", .right),            // bundled short flags in another order
        ("docker run -i -t --rm ubuntu bash", .right),          // bundled flags split
        ("docker run --rm --interactive --tty ubuntu bash", .right), // aliases the card lists, reordered
        ("docker run -it ubuntu bash", .wrong),                 // a flag missing
        ("docker run -it --rm bash ubuntu", .wrong),            // positional words swapped
    ])
    func commandsCompareByTokens(given: String, expected: Outcome) {
        let accepted = ["docker run -it --rm ubuntu bash", "docker run --interactive --tty --rm ubuntu bash",
                        "docker run -i --tty --rm ubuntu bash"]
        #expect(AnswerGrader.grade(given, accepted: accepted, isCommand: true).outcome == expected)
    }

    @Test func flagValuesMayMoveWithTheirFlag() {
        let accepted = ["kubectl get pods -n kube-system", "kubectl get pods --namespace kube-system"]
        #expect(AnswerGrader.grade("kubectl -n kube-system get pods", accepted: accepted, isCommand: true).outcome == .right)
        #expect(AnswerGrader.grade("kubectl get pods --namespace=kube-system", accepted: accepted, isCommand: true).outcome == .right)
        #expect(AnswerGrader.grade("kubectl --namespace kube-system get pods", accepted: accepted, isCommand: true).outcome == .right)
    }

    @Test func commandsAreRecognised() {
        #expect(AnswerGrader.looksLikeCommand(["docker ps -a"]))
        #expect(AnswerGrader.looksLikeCommand(["poetry install"], tags: ["commands"]))
        #expect(!AnswerGrader.looksLikeCommand(["optimizer states"]))
        #expect(!AnswerGrader.looksLikeCommand(["(p - 1) / m"]))
    }

    @Test func nearMissesShowACharacterDiffAndEarnHalfCredit() {
        let result = AnswerGrader.grade("docker logs --folow web", accepted: ["docker logs --follow web"], isCommand: true)
        #expect(result.outcome == .partly)
        #expect(result.credit == 0.5)
        #expect(result.diff == "docker logs --fo[+l]low web")
        #expect(AnswerGrader.characterDiff(from: "gradeints", to: "gradients") == "grad[e→i][i→e]nts")
        #expect(AnswerGrader.characterDiff(from: "kitten", to: "sitting") == "[k→s]itt[e→i]n[+g]")
    }

    @Test func suggestedGrades() {
        #expect(AnswerGrader.suggestedGrade(.right).value == 5)
        #expect(AnswerGrader.suggestedGrade(.partly).value == 3)
        #expect(AnswerGrader.suggestedGrade(.wrong).value == 1)
    }

    @Test func editDistance() {
        #expect(AnswerGrader.editDistance(Array("kitten"), Array("sitting")) == 3)
        #expect(AnswerGrader.editDistance(Array(""), Array("abc")) == 3)
        #expect(AnswerGrader.editDistance(Array("abc"), Array("")) == 3)
        #expect(AnswerGrader.editDistance(Array("abcdef"), Array("uvwxyz"), limit: 2) == 3)
    }
}

@Suite struct SeededGeneratorTests {
    @Test func seededShufflesRepeatAndAreUniform() {
        var a = SeededGenerator(seed: 7, salt: "deck/card")
        var b = SeededGenerator(seed: 7, salt: "deck/card")
        #expect(a.permutation(of: 6) == b.permutation(of: 6))
        var counts = [Int](repeating: 0, count: 4)
        var generator = SeededGenerator(seed: 1)
        for _ in 0..<40_000 { counts[generator.permutation(of: 4)[0]] += 1 }
        // Each element should lead about a quarter of the time (an unbiased shuffle).
        #expect(counts.allSatisfy { abs($0 - 10_000) < 600 })
        var unit = SeededGenerator(seed: 3)
        #expect((0..<1000).map { _ in unit.unitInterval() }.allSatisfy { $0 > 0 && $0 <= 1 })
    }
}
