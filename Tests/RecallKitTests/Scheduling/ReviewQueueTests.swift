import Testing
@testable import RecallKit

@Suite struct ReviewQueueTests {
    let today = StudyDay("2026-11-29")!

    func candidate(_ id: String, deck: String = "d", position: Int = 0, due: Int? = nil) -> ReviewQueue.Candidate {
        ReviewQueue.Candidate(cardID: id, deckID: deck, position: position, dueDay: due.map { today.adding(days: $0) })
    }

    @Test func dueCardsComeMostOverdueFirstThenNewCards() {
        let queue = ReviewQueue.build([
            candidate("new1", position: 0),
            candidate("dueToday", position: 1, due: 0),
            candidate("late3", position: 2, due: -3),
            candidate("future", position: 3, due: 2),
            candidate("late1", position: 4, due: -1),
        ], today: today, limits: .init(newCards: 20, reviews: 200))
        #expect(queue.map(\.cardID) == ["late3", "late1", "dueToday", "new1"])
        #expect(queue.map(\.kind) == [.review, .review, .review, .new])
    }

    @Test func newCardsAreTakenRoundRobinAcrossDecksUpToTheLimit() {
        let candidates = (0..<3).flatMap { i in ["a", "b"].map { candidate("\($0)\(i)", deck: $0, position: i) } }
        let queue = ReviewQueue.build(candidates.reversed(), today: today, limits: .init(newCards: 5, reviews: 200))
        #expect(queue.map(\.cardID) == ["a0", "b0", "a1", "b1", "a2"])
    }

    @Test func limitsCapReviewsNewCardsAndTheTotal() {
        let candidates = (0..<10).map { candidate("r\($0)", position: $0, due: -$0) } + (0..<10).map { candidate("n\($0)", position: 10 + $0) }
        #expect(ReviewQueue.build(candidates, today: today, limits: .init(newCards: 3, reviews: 4)).map(\.cardID)
                == ["r9", "r8", "r7", "r6", "n0", "n1", "n2"])
        #expect(ReviewQueue.build(candidates, today: today, limits: .init(newCards: 3, reviews: 4, total: 5)).count == 5)
        #expect(ReviewQueue.build(candidates, today: today, limits: .init(newCards: 0, reviews: 0)).isEmpty)
    }
}
