import Testing

@testable import RecallKit

@Suite struct SessionInputTests {
    @Test func linesReadTheSameInBothModes() {
        typealias R = SessionInput.Reading
        let cases: [(line: String, acceptsText: Bool, reading: R)] = [
            ("q", true, .command(.quit)), ("q", false, .command(.quit)), (":q", true, .command(.quit)),
            ("Q", false, .command(.quit)), ("ｑ", true, .command(.quit)), ("：ｑ", false, .command(.quit)),
            (" :q ", true, .command(.quit)), (":quit", true, .command(.quit)),
            ("u", false, .command(.undo)), ("u", true, .text("u")), (":u", true, .command(.undo)),
            ("s", false, .command(.skip)), ("!", false, .command(.suspend)), (":!", true, .command(.suspend)),
            ("o", false, .command(.overrule)), (":o", true, .command(.overrule)), ("o", true, .text("o")),
            ("e", false, .command(.edit)), ("?", false, .command(.help)), (":?", true, .command(.help)),
            ("  docker ps -a ", true, .text("docker ps -a")), ("５", false, .text("５")), ("", false, .text("")),
        ]
        for (line, acceptsText, reading) in cases {
            #expect(SessionInput.read(line, acceptsText: acceptsText) == reading, "'\(line)'")
        }
    }

    @Test func gradesInAnyWidth() {
        #expect(SessionInput.grade("5") == Grade(5))
        #expect(SessionInput.grade("５") == Grade(5))
        #expect(SessionInput.grade(" ３ ") == Grade(3))
        #expect(SessionInput.grade("6") == nil)
        #expect(SessionInput.grade("five") == nil)
    }

    @Test func lettersInAnyWidth() {
        #expect(Letters.parse("ｂ", count: 3) == [1])
        #expect(Letters.parse("A, C", count: 3) == [0, 2])
        #expect(Letters.parse("d", count: 3) == nil)
    }
}

@Suite struct IntervalPreviewTests {
    @Test func gradesThatAgreeAreGroupedAndDaysAreWords() {
        let today = StudyDay("2026-11-29")!
        #expect(IntervalPreview(.new, today: today).line == "again 1d · pass 1d")
        let second = CardSchedule(sm2: SM2State(repetitions: 1, easiness: 2.5, intervalDays: 1), dueDay: today)
        #expect(IntervalPreview(second, today: today).line == "again 1d · pass 6d")
        let later = CardSchedule(sm2: SM2State(repetitions: 4, easiness: 2.5, intervalDays: 40), dueDay: today)
        #expect(IntervalPreview(later, today: today).line == "again 1d · pass 3.3mo")
        #expect([1, 30, 31, 61, 365, 400, 730].map(IntervalPreview.words) == ["1d", "30d", "1mo", "2mo", "1y", "1.1y", "2y"])
    }
}

@Suite struct CardFilterTests {
    let today = StudyDay("2026-11-29")!

    @Test func optionsNarrowTogetherAndValuesWithinOneWiden() {
        let card = CardFilter.Subject(
            cardID: "rag/hnsw", deckID: "rag", section: "Retrieval-augmented generation",
            sectionZh: "检索增强生成", tags: ["HNSW", "vector-index"], dueDay: today.adding(days: -1),
            easiness: 2.5, lapses: 0)
        let cases: [(CardFilter, Bool)] = [
            (CardFilter(), true),
            (CardFilter(deckIDs: ["rag"]), true),
            (CardFilter(deckIDs: ["other", "rag"]), true),
            (CardFilter(deckIDs: ["other"]), false),
            (CardFilter(sections: ["retrieval-AUGMENTED generation"]), true),
            (CardFilter(sections: ["检索增强生成"]), true),
            (CardFilter(sections: ["Inference"]), false),
            (CardFilter(tags: ["hnsw"]), true),
            (CardFilter(tags: ["bm25", "Vector-Index"]), true),
            (CardFilter(tags: ["bm25"]), false),
            (CardFilter(deckIDs: ["rag"], tags: ["bm25"]), false),
            (CardFilter(dueOnly: true), true),
            (CardFilter(weakOnly: true), false),
            (CardFilter(cardIDs: ["rag/hnsw"]), true),
            (CardFilter(cardIDs: ["rag/other"]), false),
        ]
        for (filter, admits) in cases {
            #expect(filter.admits(card, today: today) == admits, "\(filter)")
        }
        var weak = card
        weak.lapses = 1
        #expect(CardFilter(weakOnly: true).admits(weak, today: today))
        weak.lapses = 0
        weak.easiness = 2.2
        #expect(CardFilter(weakOnly: true).admits(weak, today: today))
        var notDue = card
        notDue.dueDay = today.adding(days: 1)
        #expect(!CardFilter(dueOnly: true).admits(notDue, today: today))
    }
}
