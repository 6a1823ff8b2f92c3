import Testing

@testable import RecallKit

@Suite struct InterviewDrawTests {
    let today = StudyDay("2026-11-29")!

    func card(_ id: String, note: String? = nil, easiness: Double = 2.5, lapses: Int = 0, due: Int? = 5, failures: Int = 0) -> InterviewDraw.Candidate {
        InterviewDraw.Candidate(
            cardID: "d/\(id)", noteKey: "d/\(note ?? id)", deckID: "d", section: "S", kind: .basic, tags: [],
            easiness: easiness, lapses: lapses, dueDay: due.map { today.adding(days: $0) }, recentFailures: failures)
    }

    @Test func weightsFavourWeakOverdueAndUnseenCards() {
        let strong = InterviewDraw.weight(card("a"), today: today)
        #expect(strong == 1)
        #expect(InterviewDraw.weight(card("b", due: nil), today: today) == 3)
        #expect(InterviewDraw.weight(card("c", due: -10), today: today) == 2)
        #expect(InterviewDraw.weight(card("d", due: -100), today: today) == 4)
        #expect(abs(InterviewDraw.weight(card("e", easiness: 1.3), today: today) - 5.8) < 1e-9)
        #expect(InterviewDraw.weight(card("f", lapses: 2, failures: 1), today: today) == 4)
    }

    @Test func aWeakCardIsDrawnFarMoreOftenThanAStrongOne() {
        let cards = [card("weak", easiness: 1.3, lapses: 4, failures: 2)] + (0..<9).map { card("strong\($0)") }
        var weakDrawn = 0
        for seed in 0..<400 {
            if InterviewDraw.draw(cards, count: 1, today: today, seed: UInt64(seed)).first?.cardID == "d/weak" { weakDrawn += 1 }
        }
        // Weight 12.8 against 9 × 1: drawn first about 59% of the time; uniform would be 10%.
        #expect(weakDrawn > 180 && weakDrawn < 290)
    }

    @Test func theDrawIsRepeatableAndTakesOneCardPerNote() {
        let cards = [card("z.c1", note: "z"), card("z.c2", note: "z"), card("y"), card("x")]
        let first = InterviewDraw.draw(cards, count: 3, today: today, seed: 42)
        #expect(first == InterviewDraw.draw(cards.reversed(), count: 3, today: today, seed: 42))
        #expect(first.count == 3)
        #expect(Set(first.map(\.noteKey)).count == 3)
        #expect(InterviewDraw.draw(cards, count: 10, today: today, seed: 1).count == 3)
    }
}

extension InterviewDrawTests {
    @Test func relatedNotesAreNeverDrawnIntoOneInterview() {
        // a names b; c is named by nobody and names nobody. Either direction keeps a pair apart.
        var a = card("a")
        var b = card("b")
        var c = card("c")
        a.related = ["d/b"]
        for seed in 0..<200 {
            let drawn = Set(InterviewDraw.draw([a, b, c], count: 3, today: today, seed: UInt64(seed)).map(\.cardID))
            #expect(drawn.count == 2 && drawn.contains("d/c"), "seed \(seed): \(drawn)")
        }
        var aFirst = 0
        for seed in 0..<200 where InterviewDraw.draw([a, b], count: 2, today: today, seed: UInt64(seed)).map(\.cardID) == ["d/a"] { aFirst += 1 }
        // Equal weights: whichever of the pair comes first is drawn, the other never joins it.
        #expect(aFirst > 60 && aFirst < 140)
        b.related = ["d/a"]
        a.related = []
        #expect(InterviewDraw.draw([a, b], count: 2, today: today, seed: 7).count == 1)
    }
}

@Suite struct InterviewScoringTests {
    @Test func creditAndTheLateRule() {
        #expect(InterviewScoring.credit(.right, late: false) == 1)
        #expect(InterviewScoring.credit(.partly, late: false) == 0.5)
        #expect(InterviewScoring.credit(.wrong, late: false) == 0)
        #expect(InterviewScoring.credit(.right, late: true) == 0.5)
        #expect(InterviewScoring.credit(.partly, late: true) == 0.25)
        #expect(InterviewScoring.reviewGrade(.right, late: false).value == 5)
        #expect(InterviewScoring.reviewGrade(.right, late: true).value == 4)
        #expect(InterviewScoring.reviewGrade(.partly, late: false).value == 3)
        #expect(InterviewScoring.reviewGrade(.wrong, late: false).value == 1)
    }

    @Test func theReportGroupsBySectionDeckAndKind() {
        func attempt(_ position: Int, _ deck: String, _ section: String, _ kind: CardKind, _ outcome: AnswerGrader.Outcome, late: Bool = false)
            -> InterviewAttempt
        {
            InterviewAttempt(
                position: position, cardID: "\(deck)/c\(position)", deckID: deck, section: section, kind: kind,
                question: "Q\(position)", answer: "A\(position)", outcome: outcome, late: late,
                credit: InterviewScoring.credit(outcome, late: late), durationMs: 1000 * position, reference: "R\(position)")
        }
        let report = InterviewReport(
            date: StudyDay("2026-11-29")!, seed: 9, questionsAsked: 5, timeLimitSeconds: 60, interviewID: 3,
            attempts: [
                attempt(1, "a", "Inference", .typed, .right),
                attempt(2, "a", "Inference", .choice, .wrong),
                attempt(3, "b", "Compression", .typed, .partly),
                attempt(4, "b", "Compression", .basic, .right, late: true),
            ])
        #expect(report.overall.percent == 50)
        #expect(report.bySection.map { "\($0.name) \($0.percent)" } == ["Compression 50", "Inference 50"])
        #expect(report.byKind.map { "\($0.name) \($0.percent)" } == ["basic 50", "choice 0", "typed 75"])
        #expect(report.missed.map(\.cardID) == ["a/c2", "b/c3", "b/c4"])
        #expect(report.missed.map { "\($0.question) \($0.answer) \($0.reference)" } == ["Q2 A2 R2", "Q3 A3 R3", "Q4 A4 R4"])
        #expect(report.aborted, "4 of 5 answered")
        #expect(report.averageSeconds == 2.5)
        #expect(
            report.studyNext.map(\.command) == [
                "recall review --missed 3", "recall review --deck a --deck b", "recall interview --section \"Compression\"",
            ])
        #expect(report.text.contains("     You:       A2\n     Reference: R2"))
        #expect(report.markdown.contains("- **Your answer:** A2\n- **Reference:** R2"))
        #expect(report.text.contains("Score: 50% (2 right, 1 partly, 1 wrong, 1 late) over 4 of 5 questions"))
        #expect(report.markdown.contains("| Inference | 50% | 1 | 0 | 1 | 0 |"))
    }
}
