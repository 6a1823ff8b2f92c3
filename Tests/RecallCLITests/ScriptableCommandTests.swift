import Foundation
import RecallKit
import Testing

@Suite struct ScriptableCommandTests {
    @Test func gradeThenShowJSONReportsStateAndHistory() throws {
        let sandbox = try Sandbox()
        let graded = sandbox.run(["grade", "sample/bub", "4"])
        #expect(graded.status == 0)
        #expect(graded.output == "sample/bubble: grade 4 → interval 1d, due 2026-11-30 (tomorrow), EF 2.50\n")
        let show = sandbox.run(["show", "sample/bubble", "--json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(show.output.utf8)) as? [String: Any])
        let card = try #require(json["card"] as? [String: Any])
        let state = try #require(card["state"] as? [String: Any])
        #expect(state["repetitions"] as? Int == 1)
        #expect(state["easiness"] as? Double == 2.5)
        #expect(state["intervalDays"] as? Int == 1)
        #expect(state["due"] as? String == "2026-11-30")
        #expect(state["lapses"] as? Int == 0)
        #expect(state["suspended"] as? Bool == false)
        #expect(state["leech"] as? Bool == false)
        let history = try #require(json["history"] as? [[String: Any]])
        #expect(history.count == 1)
        #expect(history[0]["date"] as? String == "2026-11-29")
        #expect(history[0]["grade"] as? Int == 4)
    }

    @Test func gradeRejectsBadInputWithoutTouchingTheDatabase() throws {
        let sandbox = try Sandbox()
        #expect(sandbox.run(["grade", "sample/bubble", "6"]).status != 0)
        let ambiguous = sandbox.run(["grade", "sample/", "3"])
        #expect(ambiguous.status == 1)
        #expect(ambiguous.errors.contains("names 4 cards"))
        #expect(sandbox.run(["grade", "nothing", "3"]).errors.contains("no card is named 'nothing'"))
        #expect(try sandbox.database().reviewCount() == 0)
    }

    @Test func leechIsTaggedOnTheEighthLapse() throws {
        let sandbox = try Sandbox()
        var output = ""
        for day in 1...8 {
            sandbox.now = "2026-12-\(String(format: "%02d", day))T09:00:00Z"
            output += sandbox.run(["grade", "sample/logs", "0"]).output
        }
        #expect(output.contains("sample/logs has lapsed 8 times and is now tagged leech."))
        #expect(sandbox.run(["list", "--tag", "leech"]).output.contains("sample/logs"))
    }

    @Test func suspendAndUnsuspend() throws {
        let sandbox = try Sandbox()
        #expect(sandbox.run(["suspend", "sample/awq"]).output == "sample/awq is now suspended.\n")
        #expect(sandbox.run(["suspend", "sample/awq"]).output == "sample/awq was already suspended.\n")
        #expect(!sandbox.run(["due"]).output.contains("sample/awq"))
        #expect(sandbox.run(["unsuspend", "sample/awq"]).output == "sample/awq is now not suspended.\n")
    }

    @Test func decksListsTitlesInBothLanguages() throws {
        let sandbox = try Sandbox()
        let run = sandbox.run(["decks"])
        #expect(run.output.contains("Pre-training · 大模型的预训练技术"))
        #expect(run.output.contains("sample"))
        #expect(run.output.contains("4 cards  Sample deck · 样例"))
    }

    @Test func configGetAndSetValidates() throws {
        let sandbox = try Sandbox()
        #expect(sandbox.run(["config", "get", "day-starts-at"]).output == "4\n")
        #expect(sandbox.run(["config", "set", "day-starts-at", "25"]).status == 1)
        #expect(sandbox.run(["config", "set", "colour", "1"]).errors.contains("unknown setting 'colour'"))
        #expect(sandbox.run(["config", "set", "reviews-per-day", "50"]).status == 0)
        #expect(
            sandbox.run(["config", "get"]).output
                == "new-per-day = 20\nreviews-per-day = 50\nday-starts-at = 4\nredrill-gap = 4\nredrill-gap-minutes = 10\nsiblings-apart = 1\nlanguage = en\nscheduler = sm2\ndesired-retention = 0.9\ninterview-date = off\ninterview-scope = all\n"
        )
    }

    @Test func aBrokenDeckIsReportedAndChangesNothing() throws {
        let sandbox = try Sandbox()
        sandbox.run(["grade", "sample/bubble", "5"])
        try sandbox.write(deck: "sample.md", sampleDeckText.replacingOccurrences(of: "## awq", with: "## awq\nstray"))
        let run = sandbox.run(["list"])
        #expect(run.errors.contains("sample.md:19:1: error: text outside a field"))
        #expect(run.output.contains("4 card(s)"))
        #expect(try sandbox.database().card(id: "sample/bubble")?.schedule.sm2.repetitions == 1)
        let check = sandbox.run(["check", sandbox.deckFolder.path])
        #expect(check.status == 1)
        #expect(check.output.contains("1 error(s)"))
    }

    @Test func badRecallNowIsAClearError() throws {
        let sandbox = try Sandbox()
        sandbox.now = "tomorrow"
        let run = sandbox.run(["due"])
        #expect(run.status == 1)
        #expect(run.errors.contains("RECALL_NOW='tomorrow' is not an ISO 8601 date"))
    }
}

@Suite struct GlobalOptionTests {
    @Test func sharedOptionsMayComeBeforeTheCommand() throws {
        let sandbox = try Sandbox()
        let path = sandbox.root.appending(path: "other.sqlite").path
        let before = sandbox.run(["--db", path, "--decks", sandbox.deckFolder.path, "grade", "sample/bubble", "4"])
        #expect(before.status == 0, "\(before.errors)")
        #expect(try RecallDatabase(path: path).reviewCount() == 1)
        #expect(try sandbox.database().reviewCount() == 0)
        #expect(sandbox.run(["--db=\(path)", "show", "sample/bubble"]).output.contains("repetitions 1"))
    }
}
