import Testing

@testable import RecallKit

@Suite struct ReviewQueueTests {
    /// Day 21000 is a multiple of 2, 3, 5 and 7, so every rotation starts at its first deck or topic.
    let today = StudyDay(daysSinceEpoch: 21_000)

    func candidate(
        _ id: String, deck: String = "d", position: Int = 0, due: Int? = nil, tags: [String] = [],
        note: String? = nil, related: [String] = []
    ) -> ReviewQueue.Candidate {
        ReviewQueue.Candidate(
            cardID: id, deckID: deck, position: position, dueDay: due.map { today.adding(days: $0) }, tags: tags,
            noteKey: note.map { "\(deck)/\($0)" }, related: related)
    }

    @Test func dueCardsComeMostOverdueFirstThenNewCards() {
        let queue = ReviewQueue.build(
            [
                candidate("new1", position: 0),
                candidate("dueToday", position: 1, due: 0),
                candidate("late3", position: 2, due: -3),
                candidate("future", position: 3, due: 2),
                candidate("late1", position: 4, due: -1),
            ], today: today, limits: .init(newCards: 20, reviews: 200))
        #expect(queue.map(\.cardID) == ["late3", "late1", "dueToday", "new1"])
        #expect(queue.map(\.kind) == [.review, .review, .review, .new])
    }

    @Test func newCardsAreTakenRoundRobinAcrossDecksStartingFromADeckThatRotatesWithTheDay() {
        let candidates = (0..<3).flatMap { i in ["a", "b", "c"].map { candidate("\($0)\(i)", deck: $0, position: i) } }
        let cases: [(day: Int, expected: [String])] = [
            (0, ["a0", "b0", "c0", "a1"]),
            (1, ["b0", "c0", "a0", "b1"]),
            (2, ["c0", "a0", "b0", "c1"]),
            (3, ["a0", "b0", "c0", "a1"]),
        ]
        for (day, expected) in cases {
            let queue = ReviewQueue.build(candidates.reversed(), today: today.adding(days: day), limits: .init(newCards: 4, reviews: 200))
            #expect(queue.map(\.cardID) == expected, "day +\(day)")
        }
    }

    @Test func insideADeckNewCardsInterleaveAcrossTopicsInFileOrder() {
        // File order: three `x` cards, then two `y`, then one `z` (a topic is a card's first tag).
        let deck = [("x1", "x"), ("x2", "x"), ("x3", "x"), ("y1", "y"), ("y2", "y"), ("z1", "z")].enumerated().map { index, card in
            candidate(card.0, position: index, tags: [card.1, "shared"])
        }
        #expect(
            ReviewQueue.build(deck, today: today, limits: .init(newCards: 6, reviews: 0)).map(\.cardID)
                == ["x1", "y1", "z1", "x2", "y2", "x3"])
        // Topics introduced lately wait their turn: x and y had cards these last days, so z comes first, then x, y.
        let recent = [ReviewQueue.RecentCard(deckID: "d", tags: ["x", "shared"]), ReviewQueue.RecentCard(deckID: "d", tags: ["y", "shared"])]
        #expect(
            ReviewQueue.build(deck, today: today, limits: .init(newCards: 3, reviews: 0), recentlyIntroduced: recent).map(\.cardID)
                == ["z1", "x1", "y1"])
        let moreY = recent + [ReviewQueue.RecentCard(deckID: "d", tags: ["y", "shared"])]
        #expect(
            ReviewQueue.build(deck, today: today, limits: .init(newCards: 3, reviews: 0), recentlyIntroduced: moreY).map(\.cardID)
                == ["z1", "x1", "y1"])
        let moreX = recent + [ReviewQueue.RecentCard(deckID: "d", tags: ["x", "shared"]), ReviewQueue.RecentCard(deckID: "other", tags: ["z"])]
        #expect(
            ReviewQueue.build(deck, today: today, limits: .init(newCards: 2, reviews: 0), recentlyIntroduced: moreX).map(\.cardID)
                == ["z1", "y1"])
    }

    @Test func siblingsAreNotQueuedOnTheSameDay() {
        let candidates = [
            candidate("a/n.c1", deck: "a", position: 0, note: "n"),
            candidate("a/n.c2", deck: "a", position: 1, note: "n"),
            candidate("a/m", deck: "a", position: 2, note: "m", related: ["b/k"]),
            candidate("b/k", deck: "b", position: 0, note: "k"),
            candidate("b/j", deck: "b", position: 1, note: "j"),
        ]
        let limits = ReviewQueue.Limits(newCards: 10, reviews: 10)
        // Deck a starts (day 21000): n.c1; b: k; a: n.c2 is n's sibling, m is related to k: a has nothing left; b: j.
        #expect(ReviewQueue.build(candidates, today: today, limits: limits).map(\.cardID) == ["a/n.c1", "b/k", "b/j"])
        // A note answered earlier today keeps its siblings away.
        let answered = ReviewQueue.Siblings(answeredToday: [.init(noteKey: "a/n")])
        #expect(ReviewQueue.build(candidates, today: today, limits: limits, siblings: answered).map(\.cardID) == ["a/m", "b/j"])
        // The setting turns it off.
        #expect(ReviewQueue.build(candidates, today: today, limits: limits, siblings: .init(keepApart: false)).count == 5)
        // Reviews keep siblings apart too: the more overdue one is asked.
        let due = [candidate("a/n.c1", deck: "a", due: -1, note: "n"), candidate("a/n.c2", deck: "a", position: 1, due: -4, note: "n")]
        #expect(ReviewQueue.build(due, today: today, limits: limits).map(\.cardID) == ["a/n.c2"])
    }

    @Test func limitsCapReviewsNewCardsAndTheTotal() {
        let candidates = (0..<10).map { candidate("r\($0)", position: $0, due: -$0) } + (0..<10).map { candidate("n\($0)", position: 10 + $0) }
        #expect(
            ReviewQueue.build(candidates, today: today, limits: .init(newCards: 3, reviews: 4)).map(\.cardID)
                == ["r9", "r8", "r7", "r6", "n0", "n1", "n2"])
        #expect(ReviewQueue.build(candidates, today: today, limits: .init(newCards: 3, reviews: 4, total: 5)).count == 5)
        #expect(ReviewQueue.build(candidates, today: today, limits: .init(newCards: 0, reviews: 0)).isEmpty)
    }
}
