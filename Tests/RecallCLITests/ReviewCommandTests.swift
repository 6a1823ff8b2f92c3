import Foundation
import RecallKit
import Testing

@Suite struct ReviewCommandTests {
    @Test func aSessionRecordsEachAnswerAndRedrillsCardsBelowFour() throws {
        let sandbox = try Sandbox()
        // New cards come round-robin in deck order: zero (cloze), bubble, awq, logs.
        let run = sandbox.run(
            ["review"],
            input: [
                "parameters", "",  // cloze typed right: suggested 5, accepted
                "", "3",  // basic revealed, graded 3 → re-drill later
                "", "2",  // choice revealed, graded 2
                "docker logs --follow web", "",  // typed alternative: 5
                "", "4",  // re-drill bubble: cleared
                "", "5",  // re-drill awq: cleared
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

    @Test func fullWidthInputAndQuitAreTheSameAtEveryPrompt() throws {
        let sandbox = try Sandbox()
        // ５ grades; ｑ at an answer prompt quits (it is not taken as an answer).
        let run = sandbox.run(["review"], input: ["", "５", "ｑ"])
        #expect(run.status == 0)
        #expect(run.output.contains("Session: 1 answer (1 right, 0 wrong)"))
        #expect(try sandbox.database().history(cardID: "sample/zero.c1").map(\.grade.value) == [5])
        let colon = sandbox.run(["review"], input: ["", ":q"])
        #expect(colon.output.contains("Session: 0 answers"))
    }

    @Test func theGradePromptCarriesTheScaleAndThePreviewIsInWords() throws {
        let sandbox = try Sandbox()
        let run = sandbox.run(["review", "--limit", "1"], input: ["nonsense", "o", "u", ""])
        #expect(run.output.contains("Next interval: again 1d · pass 1d"))
        #expect(run.output.contains("Grade [1] (0-2 wrong · 3 hard · 4 good · 5 easy · o overrule · ? more): o"))
        #expect(run.output.contains("Overruled: counted as right; Enter records 5."))
        #expect(run.output.contains("Undone: the overrule; the automatic verdict stands."))
        #expect(try sandbox.database().history(cardID: "sample/zero.c1").map(\.grade.value) == [1])
    }

    @Test func cardDrillsJustTheNamedCardsDueOrNot() throws {
        let sandbox = try Sandbox()
        sandbox.run(["grade", "sample/logs", "5"])
        let run = sandbox.run(["review", "--card", "sample/logs", "--card", "sample/bub"], input: ["", "5", "", "4"])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("0 due, 1 new") == false)
        #expect(run.output.contains("[1/2] sample · typed"))
        #expect(run.output.contains("[2/2] sample · basic, new"))
        let db = try sandbox.database()
        #expect(try db.history(cardID: "sample/logs").count == 2)
        #expect(try db.history(cardID: "sample/bubble").count == 1)
        #expect(try db.history(cardID: "sample/awq").isEmpty)
        #expect(sandbox.run(["review", "--card", "nope/x"]).errors.contains("no card is named 'nope/x'"))
        #expect(sandbox.run(["review", "--missed"]).errors.contains("no mock interview yet"))
    }

    @Test func aBundledCardIsCopiedToBeEditedAndTheCopyKeepsItsHistory() throws {
        let sandbox = try Sandbox(decks: [:])
        sandbox.run(["grade", "inference/prefill", "4"], bundled: true)
        let edit = sandbox.run(["review", "--card", "inference/prefill"], input: [":e", "q"], bundled: true)
        #expect(edit.output.contains("is in a deck bundled with Recall, which cannot"))
        #expect(edit.output.contains("'recall decks --copy inference'"))
        let copy = sandbox.run(["decks", "--copy", "inference"], bundled: true)
        #expect(copy.status == 0, "\(copy.errors)")
        #expect(FileManager.default.fileExists(atPath: sandbox.deckFolder.appending(path: "inference.md").path))
        let decks = sandbox.run(["decks", "--json"], bundled: true)
        #expect(decks.output.contains(sandbox.deckFolder.appending(path: "inference.md").path))
        #expect(try sandbox.database().history(cardID: "inference/prefill-vs-decode-bound").count == 1)
        let again = sandbox.run(["review", "--card", "inference/prefill"], input: [":e", "q"], bundled: true)
        #expect(again.output.contains("inference.md:"), "now a file of yours: its path and line")
        #expect(sandbox.run(["decks", "--copy", "inference"], bundled: true).errors.contains("already exists"))
        #expect(sandbox.run(["decks", "--copy", "nope"], bundled: true).errors.contains("no bundled deck 'nope'"))
    }

    @Test func reviewAndCheckReportInJSONOnStandardOutputOnly() throws {
        let sandbox = try Sandbox()
        let run = sandbox.run(["review", "--limit", "2", "--json"], input: ["", "5", "", "2"])
        #expect(run.errors.contains("[1/2] sample"), "the session goes to standard error")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        #expect(summary["answers"] as? Int == 2)
        #expect(summary["failed"] as? Int == 1)
        #expect(summary["version"] as? Int == 1)
        let check = sandbox.run(["check", "--json"])
        let result = try #require(try JSONSerialization.jsonObject(with: Data(check.output.utf8)) as? [String: Any])
        #expect(result["cards"] as? Int == 4)
    }
}

/// docs/recall.1 is generated from the commands (Scripts/generate-manual.sh): it must name every
/// command and every option of review and interview, or it has not been regenerated.
@Suite struct ManualPageTests {
    @Test func theManPageNamesEveryCommandAndTheSessionOptions() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let page = try String(contentsOf: root.appending(path: "docs/recall.1"), encoding: .utf8)
        for command in [
            "review", "interview", "due", "show", "grade", "list", "decks", "suspend", "unsuspend", "config", "check",
            "export", "import", "stats", "map",
        ] {
            #expect(page.contains(command), "\(command)")
        }
        for option in ["missed", "card", "copy", "redrill-gap", "json"] {
            #expect(page.contains(option), "\(option): run Scripts/generate-manual.sh")
        }
    }
}
