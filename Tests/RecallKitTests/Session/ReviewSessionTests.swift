import Foundation
import Testing

@testable import RecallKit

/// Drives a ``ReviewSession`` over an in-memory database, a moment per command.
struct SessionDriver {
    var session: ReviewSession
    let db: RecallDatabase
    var seconds: Double = 0
    let step: Double
    /// The cards shown, in order, and every event.
    var shown: [String] = []
    var events: [ReviewSession.Event] = []

    static let zone = TimeZone(identifier: "UTC")!
    /// 2026-11-29 09:00 UTC.
    static let start = Date(timeIntervalSince1970: 1_795_942_800)

    init(
        cards: [String], gapCards: Int = 2, gapMinutes: Int = 10, step: Double = 2, redrill: [String] = [],
        db existing: RecallDatabase? = nil, start: Date = SessionDriver.start
    ) throws {
        db = try existing ?? RecallDatabase.inMemory()
        if existing == nil { try db.synchronize(DeckLoader.load([deckFile(ids: cards)])) }
        self.step = step
        let moment = Moment(instant: start, timeZone: Self.zone)
        let configuration = ReviewSession.Configuration(redrillGapCards: gapCards, redrillGapMinutes: gapMinutes)
        session = ReviewSession(
            queue: cards.map { ReviewQueue.Entry(cardID: "d/\($0)", kind: .new) }, redrill: redrill,
            database: db, configuration: configuration, at: moment)
        baseline = start
        note(try session.start(at: moment))
    }

    var baseline: Date
    var now: Moment { Moment(instant: baseline.addingTimeInterval(seconds), timeZone: Self.zone) }

    mutating func note(_ new: [ReviewSession.Event]) {
        for event in new {
            if case .question(let card) = event { shown.append(card.card.id) }
        }
        events += new
    }

    @discardableResult
    mutating func send(_ command: ReviewSession.Command, after delay: Double? = nil) throws -> [ReviewSession.Event] {
        seconds += delay ?? step
        let new = try session.handle(command, at: now)
        note(new)
        return new
    }

    /// Reveals and grades the current card.
    mutating func grade(_ value: Int, after delay: Double? = nil) throws {
        try send(.answer(""))
        try send(.grade(Grade(value) ?? .wrong), after: delay)
    }
}

@Suite struct ReviewSessionTests {
    @Test func transitions() throws {
        // (commands from the first card's answer prompt, the state after them)
        typealias C = ReviewSession.Command
        let cases: [(commands: [C], awaiting: ReviewSession.Awaiting)] = [
            ([], .answer(.typed(required: false))),
            ([.answer("")], .grade(suggestion: nil, canOverrule: false)),
            ([.answer("an answer")], .grade(suggestion: .perfect, canOverrule: true)),
            ([.answer("nonsense")], .grade(suggestion: .wrong, canOverrule: true)),
            ([.answer("nonsense"), .overrule], .grade(suggestion: .perfect, canOverrule: true)),
            ([.answer("an answer"), .overrule], .grade(suggestion: .wrong, canOverrule: true)),
            ([.answer("nonsense"), .overrule, .undo], .grade(suggestion: .wrong, canOverrule: true)),
            ([.answer(""), .overrule], .grade(suggestion: nil, canOverrule: false)),
            ([.answer(""), .acceptSuggestion], .grade(suggestion: nil, canOverrule: false)),
            ([.answer(""), .answer("x")], .grade(suggestion: nil, canOverrule: false)),
            ([.grade(.perfect)], .grade(suggestion: nil, canOverrule: false)),
            ([.answer(""), .grade(.perfect)], .answer(.typed(required: false))),
            ([.answer("an answer"), .acceptSuggestion], .answer(.typed(required: false))),
            ([.skip], .answer(.typed(required: false))),
            ([.suspend], .answer(.typed(required: false))),
            ([.undo], .answer(.typed(required: false))),
            ([.quit], .finished),
            ([.answer(""), .quit], .finished),
            ([.quit, .skip], .finished),
        ]
        for (commands, awaiting) in cases {
            var driver = try SessionDriver(cards: ["a", "b", "c"])
            for command in commands { try driver.send(command) }
            #expect(driver.session.awaiting == awaiting, "\(commands)")
        }
    }

    @Test func aFailedCardComesBackAfterTheGapNotStraightAway() throws {
        var driver = try SessionDriver(cards: ["a", "b", "c", "d", "e"], gapCards: 2)
        try driver.grade(1)  // a fails: back after two other cards
        try driver.grade(5)  // b
        try driver.grade(5)  // c
        try driver.grade(5)  // a again, cleared
        try driver.grade(5)  // d
        try driver.grade(5)  // e
        #expect(driver.shown == ["a", "b", "c", "a", "d", "e"])
        #expect(driver.session.awaiting == .finished)
        #expect(try driver.db.history(cardID: "d/a").map(\.kind) == [.new, .redrill])
    }

    @Test func minutesPassedAlsoEndTheGap() throws {
        var driver = try SessionDriver(cards: ["a", "b", "c", "d"], gapCards: 100, gapMinutes: 1)
        try driver.grade(1)  // a at 4 s
        try driver.grade(5, after: 30)  // b at 36 s: a still waits
        try driver.grade(5, after: 30)  // c at 68 s: a's minute has passed
        #expect(driver.shown == ["a", "b", "c", "a"])
    }

    @Test func noCardTwiceInARowWhileAnotherWaitsAndTheLastCardAsksToGoOn() throws {
        var driver = try SessionDriver(cards: ["a", "b"], gapCards: 4)
        try driver.grade(1)  // a
        try driver.grade(2)  // b: both wait, gaps not passed
        try driver.grade(3)  // a (not b twice): 3 still needs a re-drill
        try driver.grade(5)  // b, cleared
        try driver.grade(3)  // a, as b was just asked: still below 4
        #expect(driver.shown == ["a", "b", "a", "b", "a"])
        // a is the only card left and was just asked.
        #expect(driver.session.awaiting == .goOn(cardID: "d/a"))
        #expect(driver.events.last == .onlyCardLeft(cardID: "d/a"))
        try driver.send(.goOn)
        #expect(driver.shown.last == "a")
        try driver.grade(4)
        #expect(driver.session.awaiting == .finished)
        #expect(driver.session.summary.answers == 6)
    }

    @Test func undoIsAStackOverGradesSkipsAndSuspensionsEachRestoredExactly() throws {
        var driver = try SessionDriver(cards: ["a", "b", "c", "d"])
        try driver.grade(5)  // a graded
        try driver.send(.skip)  // b skipped
        try driver.send(.suspend)  // c suspended
        #expect(driver.shown == ["a", "b", "c", "d"])
        #expect(try driver.db.card(id: "d/c")?.isSuspended == true)
        #expect(try driver.db.card(id: "d/b")?.record.buriedUntil == StudyDay("2026-11-30"))

        try driver.send(.undo)
        #expect(driver.events.contains(.undone(.suspend(cardID: "d/c"))))
        #expect(try driver.db.card(id: "d/c")?.isSuspended == false)
        #expect(driver.shown.last == "c")
        try driver.send(.undo)
        #expect(try driver.db.card(id: "d/b")?.record.buriedUntil == nil)
        #expect(driver.shown.last == "b")
        try driver.send(.undo)
        #expect(try driver.db.history(cardID: "d/a").isEmpty)
        #expect(try driver.db.card(id: "d/a")?.schedule == .new)
        #expect(driver.shown.last == "a")
        #expect(driver.session.summary == ReviewSession.Summary())
        try driver.send(.undo)
        #expect(driver.events.last == .nothingToUndo)
        // The session goes on from a as if nothing had happened.
        try driver.grade(5)
        try driver.grade(5)
        try driver.grade(5)
        try driver.grade(5)
        #expect(Array(driver.shown.suffix(4)) == ["a", "b", "c", "d"])
    }

    @Test func undoRemembersTheLastThirtyActions() throws {
        let ids = (0..<40).map { "c\($0)" }
        var driver = try SessionDriver(cards: ids)
        for _ in 0..<35 { try driver.send(.skip) }
        for _ in 0..<ReviewSession.undoDepth { try driver.send(.undo) }
        #expect(driver.shown.last == "c5")
        try driver.send(.undo)
        #expect(driver.events.last == .nothingToUndo)
        #expect(try driver.db.card(id: "d/c4")?.record.buriedUntil == StudyDay("2026-11-30"), "beyond the stack: stays skipped")
    }

    @Test func eachAnswerIsStampedWhenGivenAndFiledUnderItsOwnStudyDay() throws {
        // 03:59:56 local (UTC): the study day is still 2026-11-28 until 04:00.
        let start = Date(timeIntervalSince1970: 1_795_924_796)
        var driver = try SessionDriver(cards: ["a", "b", "c"], start: start)
        try driver.grade(5, after: 1.5)  // 03:59:59.5 … (reveal at +2 s, grade 1.5 s later)
        try driver.grade(5, after: 1.5)
        try driver.grade(5, after: 1.5)
        let logs = try ["a", "b", "c"].flatMap { try driver.db.history(cardID: "d/\($0)") }
        #expect(logs.map(\.reviewedAt) == ["2026-11-29T03:59:59.500Z", "2026-11-29T04:00:03Z", "2026-11-29T04:00:06.500Z"])
        #expect(logs.map(\.studyDay) == [StudyDay("2026-11-28")!, StudyDay("2026-11-29")!, StudyDay("2026-11-29")!])
        #expect(logs.map(\.durationMs) == [3500, 3500, 3500])
    }

    @Test func reDrillsLeftFromEarlierTodayAreAskedAndCardsGoneAreSkipped() throws {
        let db = try RecallDatabase.inMemory()
        try db.synchronize(DeckLoader.load([deckFile(ids: ["a", "b"])]))
        let earlier = Moment(instant: SessionDriver.start.addingTimeInterval(-600), timeZone: SessionDriver.zone)
        try db.recordAnswer(cardID: "d/a", grade: grade(2), at: earlier, today: november29, durationMs: 0)
        var driver = try SessionDriver(cards: ["b"], redrill: ["d/a", "d/gone"], db: db)
        #expect(driver.events.first == .opening(today: november29, due: 0, new: 1, redrill: 2))
        #expect(driver.shown == ["a"], "a's gap passed long ago")
        try driver.grade(4)
        try driver.grade(5)
        #expect(driver.shown == ["a", "b"])
        #expect(driver.session.awaiting == .finished)
    }

    @Test func choicesAreScoredTheSameWayAsInTheInterview() throws {
        let db = try RecallDatabase.inMemory()
        let text = "---\nid: d\ntitle: D\nsection: S\n---\n\n## m\nM: Pick the primes.\n- [x] 2\n- [x] 3\n- [ ] 4\nSource: test\n"
        try db.synchronize(DeckLoader.load([DeckFile(path: "d.md", bytes: Array(text.utf8))]))
        var driver = try SessionDriver(cards: ["m"], db: db)
        guard case .question(let shown) = driver.events.last, let options = shown.choices else {
            Issue.record("no choice shown")
            return
        }
        let letter = { (text: String) in Letters.letter(options.firstIndex(of: text) ?? 0) }
        try driver.send(.answer(letter("2")))
        #expect(driver.events.contains { if case .choiceVerdict(.partly, _) = $0 { true } else { false } })
        #expect(driver.session.awaiting == .grade(suggestion: .hard, canOverrule: true))
    }
}
