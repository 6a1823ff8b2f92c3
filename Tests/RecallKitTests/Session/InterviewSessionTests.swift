import Foundation
import Testing

@testable import RecallKit

@Suite struct InterviewSessionTests {
    static let zone = TimeZone(identifier: "UTC")!
    static let text = """
        ---
        id: d
        title: D
        section: S
        ---

        ## term
        Q: Which collective sums gradients across ranks?
        A: all-reduce
        Source: test

        ## essay
        Q: Why does ZeRO-3 save memory?
        A: It partitions parameters, gradients and optimizer states across the data-parallel ranks, so each rank holds only a shard of each.
        Source: test
        """

    func session(_ ids: [String], reschedule: Bool = false) throws -> (InterviewSession, RecallDatabase) {
        let db = try RecallDatabase.inMemory()
        try db.synchronize(DeckLoader.load([DeckFile(path: "d.md", bytes: Array(Self.text.utf8))]))
        let questions = ids.map {
            InterviewDraw.Candidate(
                cardID: "d/\($0)", noteKey: "d/\($0)", deckID: "d", section: "S", kind: .basic, tags: [],
                easiness: 2.5, lapses: 0, dueDay: nil, recentFailures: 0)
        }
        let moment = Moment(instant: Date(timeIntervalSince1970: 1_795_942_800), timeZone: Self.zone)
        let session = try InterviewSession(
            questions: questions, database: db,
            configuration: .init(seed: 1, reschedule: reschedule), filter: "", at: moment)
        return (session, db)
    }

    var now: Moment { Moment(instant: Date(timeIntervalSince1970: 1_795_942_810), timeZone: Self.zone) }

    @Test func anEmptyAnswerIsASkipThatStillShowsTheReference() throws {
        var (session, _) = try session(["essay"])
        _ = try session.start(at: now)
        #expect(session.awaiting == .answer(.open, canOverrule: false))
        let events = try session.handle(.answer(""), at: now)
        #expect(events.first == .skipped)
        #expect(events.contains { if case .reference(_, _, true) = $0 { true } else { false } })
        #expect(session.report?.missed.first?.answer == "")
        #expect(session.report?.attempts.first?.outcome == .wrong)
    }

    @Test func anOpenQuestionShowsTheReferenceThenAsksForTheSelfGrade() throws {
        var (session, _) = try session(["essay"])
        _ = try session.start(at: now)
        let events = try session.handle(.answer("it shards state"), at: now)
        #expect(events.contains { if case .compare("it shards state", _) = $0 { true } else { false } })
        #expect(session.awaiting == .selfGrade)
        _ = try session.handle(.selfGrade(.partly), at: now)
        #expect(session.report?.attempts.first?.outcome == .partly)
        #expect(session.report?.attempts.first?.automatic == false)
    }

    @Test func anAutomaticVerdictCanBeOverruledAtTheNextPromptAndTheReportSaysSo() throws {
        var (session, db) = try session(["term", "essay"], reschedule: true)
        _ = try session.start(at: now)
        _ = try session.handle(.answer("allreduce ring"), at: now)
        #expect(session.awaiting == .answer(.open, canOverrule: true))
        let events = try session.handle(.overrule, at: now)
        #expect(events == [.overruled(position: 1, cardID: "d/term", now: .right)])
        #expect(session.awaiting == .answer(.open, canOverrule: false))
        #expect(try session.handle(.overrule, at: now) == [.cannotOverrule], "once")
        _ = try session.handle(.quit, at: now)
        let report = try #require(session.report)
        #expect(report.attempts.first?.overruled == true)
        #expect(report.attempts.first?.outcome == .right)
        #expect(report.aborted)
        #expect(report.text.contains("right (overruled)"))
        // The stored attempt and its review follow the overrule: graded 5 now, not 1.
        let attempt = try #require(try db.interviewAttempts().first)
        #expect(attempt.outcome == .right && attempt.credit == 1)
        #expect(try db.history(cardID: "d/term").map(\.grade.value) == [5])
    }

    @Test func afterTheLastAutomaticVerdictAClosingPromptAllowsTheOverrule() throws {
        var (session, _) = try session(["term"])
        _ = try session.start(at: now)
        _ = try session.handle(.answer("all-reduce"), at: now)
        #expect(session.awaiting == .closing)
        _ = try session.handle(.overrule, at: now)
        #expect(session.awaiting == .finished)
        #expect(session.report?.attempts.first?.outcome == .wrong)
        #expect(session.report?.missed.map(\.cardID) == ["d/term"])
        #expect(session.report?.studyNext.first?.command == "recall review --missed 1")
    }
}
