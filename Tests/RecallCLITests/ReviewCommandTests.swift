import Foundation
import RecallKit
import Testing

@Suite struct ReviewCommandTests {
    @Test func aSessionRecordsEachAnswerAndRedrillsCardsBelowFour() throws {
        let sandbox = try Sandbox()
        // New cards come round-robin in deck order: zero (cloze), bubble, awq, logs.
        let run = sandbox.run(["review"], input: [
            "parameters", "",            // cloze typed right: suggested 5, accepted
            "", "3",                     // basic revealed, graded 3 → re-drill later
            "", "2",                     // choice revealed, graded 2
            "docker logs --follow web", "", // typed alternative: 5
            "", "4",                     // re-drill bubble: cleared
            "", "5",                     // re-drill awq: cleared
        ])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("[1/4] sample · cloze, new"))
        #expect(run.output.contains("ZeRO-3 also shards [...]."))
        #expect(run.output.contains("[6/6] sample · choice, re-drill"))
        #expect(run.output.contains("Session: 6 answers (5 right, 1 wrong)"))
        #expect(run.output.contains("Next card due: 2026-11-30 (tomorrow)."))

        let db = try sandbox.database()
        #expect(try db.history(cardID: "sample/bubble").map(\.kind) == [.new, .redrill])
        #expect(try db.history(cardID: "sample/awq").map(\.grade.value) == [2, 5])
        #expect(try db.card(id: "sample/awq")?.schedule.lapses == 1)
        #expect(try db.card(id: "sample/logs")?.schedule.sm2.repetitions == 1)
        #expect(try db.reviewCount() == 6)
        // Everything is done today.
        let again = sandbox.run(["review"])
        #expect(again.output.contains("Nothing is due today (2026-11-29)."))
        #expect(again.output.contains("Next card due: 2026-11-30 (tomorrow)."))
    }

    @Test func undoRestoresThePreviousAnswerAndAsksTheCardAgain() throws {
        let sandbox = try Sandbox()
        let run = sandbox.run(["review", "--limit", "2"], input: ["", "5", "", "u", "", "1", "", "q"])
        #expect(run.status == 0)
        #expect(run.output.contains("Undone: grade 5 for sample/zero.c1; its state is restored."))
        let db = try sandbox.database()
        #expect(try db.history(cardID: "sample/zero.c1").map(\.grade.value) == [1])
        #expect(try db.history(cardID: "sample/bubble").isEmpty)
    }

    @Test func skipSuspendAndEditLocation() throws {
        let sandbox = try Sandbox()
        let run = sandbox.run(["review"], input: ["", "e", "s", "", "!", "", "q"])
        #expect(run.output.contains("sample.md:9"))
        #expect(run.output.contains("Skipped: buried until tomorrow."))
        #expect(run.output.contains("Suspended."))
        let db = try sandbox.database()
        #expect(try db.card(id: "sample/bubble")?.isSuspended == true)
        #expect(try db.queueCandidates(today: StudyDay("2026-11-29")!).map(\.cardID).sorted() == ["sample/awq", "sample/logs"])
    }

    @Test func endOfInputEndsCleanlyWithASummary() throws {
        let sandbox = try Sandbox()
        let run = sandbox.run(["review"], input: ["", "4", ""])
        #expect(run.status == 0)
        #expect(run.output.contains("Session: 1 answer (1 right, 0 wrong)"))
        #expect(try sandbox.database().reviewCount() == 1)
    }

    @Test func aWrongChoiceAndAWrongGradeAreExplained() throws {
        let sandbox = try Sandbox()
        let run = sandbox.run(["review", "--tag", "nope"])
        #expect(run.output.contains("Nothing is due today"))
        let choice = sandbox.run(["review", "--limit", "3"], input: ["", "1", "", "1", "z", "", "7", "q"])
        #expect(choice.output.contains("Type the letter of your choice, a to c."))
        #expect(choice.output.contains("'7' is not a grade or a command."))
    }

    @Test func queueFiltersAndLimits() throws {
        let sandbox = try Sandbox()
        let due = sandbox.run(["due", "--new", "2"])
        #expect(due.output.contains("2026-11-29: 0 due, 2 new, 0 to re-drill"))
        let unknown = sandbox.run(["review", "--deck", "missing"])
        #expect(unknown.status == 1)
        #expect(unknown.errors.contains("no deck 'missing'"))
        sandbox.run(["config", "set", "new-per-day", "1"])
        #expect(sandbox.run(["due"]).output.contains("0 due, 1 new"))
    }
}
