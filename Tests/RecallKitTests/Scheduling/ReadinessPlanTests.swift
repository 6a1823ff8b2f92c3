import Foundation
import Testing

@testable import RecallKit

@Suite struct ReadinessPlanTests {
    // FSRS-6's default weights, written out so the expected values below are
    // computed from the published formulas, not by the code under test.
    let w = [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ]

    func r(_ t: Double, _ s: Double) -> Double {
        let factor = pow(0.9, 1 / -w[20]) - 1
        return pow(1 + factor * t / s, -w[20])
    }

    @Test func oneSeenAndOneNewCardOverThreeDaysByHand() throws {
        let today = StudyDay(daysSinceEpoch: 20_000)
        let s0 = w[2]  // first answer "good": 2.3065 days
        let d0 = w[4] - exp(w[5] * 2) + 1
        let seen = CardMemory(memory: FSRSMemory(stability: s0, difficulty: d0), lastDay: today)
        let plan = try ReadinessPlan.make([seen, nil], today: today, until: today.adding(days: 3), parameters: .defaults, desiredRetention: 0.9)

        // At 90% the interval is S itself, rounded: 2 days, so both cards are
        // reviewed (recalled) on day 2 after 2 elapsed days.
        let recall = r(2, s0)
        let s1 = s0 * (1 + exp(w[8]) * (11 - d0) * pow(s0, -w[9]) * (exp((1 - recall) * w[10]) - 1))

        #expect(plan.cards == 2 && plan.seen == 1)
        #expect(abs(plan.recallToday - 0.5) < 1e-12)
        #expect(plan.newCardsPerDay == 1)
        #expect(abs(plan.recallOnDateDueOnly - r(1, s1) / 2) < 1e-9)
        #expect(abs(plan.recallOnDateWithPlan - r(1, s1)) < 1e-9)
        #expect(plan.days.map(\.newCards) == [1, 0, 0])
        #expect(plan.days.map(\.reviews) == [0, 0, 2])
        #expect(abs(plan.days[0].predictedRecall - 1) < 1e-12)
        #expect(abs(plan.days[1].predictedRecall - r(1, s0)) < 1e-9)
        #expect(abs(plan.days[2].predictedRecall - 1) < 1e-12)
    }

    @Test func aDateNotAfterTodayIsRefused() {
        let today = StudyDay(daysSinceEpoch: 20_000)
        #expect(throws: ReadinessPlan.Failure.dateNotAfterToday(until: today, today: today)) {
            try ReadinessPlan.make([nil], today: today, until: today, parameters: .defaults, desiredRetention: 0.9)
        }
    }

    @Test func memoryFromAHistoryCountsStudyDays() throws {
        let day = StudyDay(daysSinceEpoch: 20_000)
        let t0 = Date(timeIntervalSince1970: 1_728_000_000)
        let good = try #require(Grade(4))
        let memory = try #require(
            CardMemory(answers: [(good, day, t0), (good, day.adding(days: 3), t0.addingTimeInterval(3 * 86_400))], parameters: .defaults))
        let d0 = w[4] - exp(w[5] * 2) + 1
        let s1 = w[2] * (1 + exp(w[8]) * (11 - d0) * pow(w[2], -w[9]) * (exp((1 - r(3, w[2])) * w[10]) - 1))
        #expect(abs(memory.memory.stability - s1) < 1e-9)
        #expect(memory.lastDay == day.adding(days: 3))
        #expect(abs(memory.retrievability(on: day.adding(days: 10), parameters: .defaults) - r(7, s1)) < 1e-9)
    }
}

@Suite struct DeadlineModeTests {
    let w = [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ]

    func r(_ t: Double, _ s: Double) -> Double { pow(1 + (pow(0.9, 1 / -w[20]) - 1) * t / s, -w[20]) }

    @Test func bringsForwardExactlyTheCardsTheRuleNames() {
        let today = StudyDay(daysSinceEpoch: 20_000)
        let interview = today.adding(days: 10)
        func card(_ id: String, stability: Double, last: Int, due: Int?) -> DeadlineMode.Card {
            DeadlineMode.Card(
                id: id, memory: CardMemory(memory: FSRSMemory(stability: stability, difficulty: 5), lastDay: today.adding(days: last)),
                dueDay: due.map { today.adding(days: $0) })
        }
        let cards = [
            card("weak-late", stability: 8, last: -2, due: 12),  // due after the interview; R(12, 8) < 0.9: forward
            card("strong-late", stability: 400, last: -2, due: 30),  // due after, but R(12, 400) ≈ 0.996: stays
            card("due-before", stability: 3, last: -2, due: 5),  // a review comes before the interview: stays
            card("due-today", stability: 1, last: -2, due: 0),  // already due: in the queue anyway
            card("weaker-late", stability: 5, last: -1, due: 11),  // R(11, 5) < R(12, 8): first
        ]
        #expect(r(12, 8) < 0.9 && r(12, 400) > 0.9 && r(11, 5) < r(12, 8))
        let ids = DeadlineMode.broughtForward(cards, today: today, interview: interview, target: 0.9, parameters: .defaults)
        #expect(ids == ["weaker-late", "weak-late"])
        #expect(DeadlineMode.broughtForward(cards, today: interview, interview: interview, target: 0.9, parameters: .defaults).isEmpty)
    }

    @Test func newCardsComeAtThePaceThePlanNeeds() {
        let today = StudyDay(daysSinceEpoch: 20_000)
        #expect(DeadlineMode.newCardsPerDay(unseen: 280, today: today, interview: today.adding(days: 14), dailyLimit: 20) == 20)
        #expect(DeadlineMode.newCardsPerDay(unseen: 1_290, today: today, interview: today.adding(days: 14), dailyLimit: 20) == 93)
    }
}
