import Testing

@testable import RecallKit

/// Whatever is typed, the grader returns a verdict: no trap on odd input.
@Suite struct GraderRobustnessTests {
    static let oddAnswers = [
        "", " ", "'", "\"", "\\", "(", ")", "=", "==", "-", "--", "---", "- -", "-=", "--=", "=x", "x=", "a=b=c", "f(", "f)", "f(()",
        "f(a,,b)", "f(=1)", "[", "]", "[1,", "$(", "$(x", "`", "``", "`x", "1,", ",1", "1,2,3,", "1.", ".", "..", "1..2", "1e400",
        "-1e400", "9999999999999999999999", "0x10", "½", "²", "ᵀ", "√", "√√", "×", "·", "≈", "~", "~~", "≈≈ 1", "about", "about about",
        "1 2 3 4 5 6 7 8", "1, 2", "(1)", "(", "1 (", ") 1", "5,", "5, ", "5 ,", ",000", "1,0000", "CMD [", "CMD [\"a\"", "RUN",
        "run --mount", "RUN --mount=", "ENV", "ENV =", "kubectl", "kubectl -n", "tar -", "tar -f", "kill -", "kill -s", "docker run",
        "docker run -p", "nvidia-smi -l", "vllm serve -tp", "torchrun --", "2>&1", ">", ">>", "|", "||", "&&", ";", "& &", "a | | b",
        "ｄｏｃｋｅｒ　ｐｓ", "张量并行", "张量 并行。", "（", "Ctrl-", "ctrl+", "4·", "·4", "B·", "x^", "^", "**", "a**", "—", "−", "−−1",
        String(repeating: "(", count: 200), String(repeating: "a ", count: 500), String(repeating: "-x ", count: 300), "\u{0}", "\u{7}",
    ]

    @Test func everyBundledCardGradesOddInputWithoutTrapping() throws {
        // Every tenth bundled card (in id order), to keep the debug build's run short; all kinds are among them.
        let all = try GradingCorpusTests.bundledCards().sorted { $0.key < $1.key }.map(\.value)
        let cards = stride(from: 0, to: all.count, by: 10).map { all[$0] }
        #expect(Set(cards.map(\.kind)) == Set(CardKind.allCases))
        var graded = 0
        for card in cards {
            for answer in Self.oddAnswers {
                if let verdict = AnswerGrader.grade(answer, for: card) {
                    #expect(verdict.credit >= 0 && verdict.credit <= 1)
                    graded += 1
                }
            }
        }
        #expect(graded > 0)
    }

    @Test func oddReferencesDoNotTrapEither() {
        for reference in Self.oddAnswers {
            for kind in AnswerGrader.AnswerKind.allCases {
                for answer in ["1", "x", "-x", "f(x)", reference] {
                    _ = AnswerGrader.grade(answer, accepted: [reference], as: kind)
                }
            }
        }
    }
}
