import Foundation
import RecallKit
import Testing

@Suite struct InterviewCommandTests {
    /// Empty answers are wrong whatever the kind of card drawn: a skipped choice, a skipped open question, an empty typed answer.
    let fourWrongAnswers = ["", "", "", ""]

    @Test func theSameSeedAndAnswersGiveTheSameReportByteForByte() throws {
        let input = ["b", "parameters", "docker logs --follow web", "(p-1)/(m+p-1)", "r"]
        let first = try Sandbox()
        let second = try Sandbox()
        let a = first.run(["interview", "--count", "4", "--seed", "7", "--report", first.root.appending(path: "r.md").path], input: input)
        let b = second.run(["interview", "--count", "4", "--seed", "7", "--report", second.root.appending(path: "r.md").path], input: input)
        #expect(a.status == 0, "\(a.errors)")
        #expect(a.output.replacingOccurrences(of: first.root.path, with: "") == b.output.replacingOccurrences(of: second.root.path, with: ""))
        let reportA = try String(contentsOf: first.root.appending(path: "r.md"), encoding: .utf8)
        let reportB = try String(contentsOf: second.root.appending(path: "r.md"), encoding: .utf8)
        #expect(reportA == reportB)
        #expect(reportA.hasPrefix("# Interview report, 2026-11-29"))
        #expect(reportA.contains("## By section"))
        #expect(a.output.contains("Interview report · 2026-11-29 · seed 7"))
        // A different seed draws another order.
        let third = try Sandbox()
        let c = third.run(["interview", "--count", "4", "--seed", "8"], input: input)
        #expect(c.output != a.output)
    }

    @Test func theScheduleIsUntouchedUnlessRescheduleIsAsked() throws {
        let sandbox = try Sandbox()
        sandbox.run(["grade", "sample/bubble", "4"])
        let before = try sandbox.database().cards().map(\.schedule)
        let run = sandbox.run(["interview", "--count", "4", "--seed", "3"], input: fourWrongAnswers)
        #expect(run.status == 0, "\(run.errors)")
        let db = try sandbox.database()
        #expect(try db.cards().map(\.schedule) == before)
        #expect(try db.reviewCount() == 1)
        let attempts = try db.interviewAttempts()
        #expect(attempts.count == 4)
        #expect(attempts.allSatisfy { $0.outcome == .wrong && $0.reviewLogID == nil })

        sandbox.now = "2026-12-05T09:00:00Z"
        let rescheduled = sandbox.run(["interview", "--count", "4", "--seed", "3", "--reschedule"], input: fourWrongAnswers)
        #expect(rescheduled.status == 0)
        #expect(try db.reviewCount() == 5)
        #expect(try db.cards().allSatisfy { $0.schedule.lapses >= 1 })
        #expect(try db.interviewAttempts().filter { $0.reviewLogID != nil }.count == 4)
    }

    @Test func aLateAnswerIsRecordedAndEarnsHalfCredit() throws {
        let sandbox = try Sandbox()
        let clock = SteppingClock(step: 50)
        let run = sandbox.run(["interview", "--deck", "sample", "--tag", "nope", "--count", "1"], input: [])
        #expect(run.errors.contains("no cards match"))
        // Only the typed card: the clock reads 50 s apart at the question and at the answer... and 100 s over a re-prompt.
        try sandbox.write(deck: "sample.md", sampleDeckText)
        let late = sandbox.run(
            ["interview", "--count", "1", "--time", "30s", "--seed", "1", "--json"],
            input: ["parameters", "docker logs -f web", "b", "(p-1)/(m+p-1)", "r"], clock: clock.read)
        #expect(late.status == 0, "\(late.errors)")
        #expect(late.errors.contains("⏱ Late: 50s against a 30s limit, so half credit."), "with --json the transcript goes to standard error")
        #expect(try JSONSerialization.jsonObject(with: Data(late.output.utf8)) is [String: Any], "and standard output is only the JSON")
        let attempt = try #require(try sandbox.database().interviewAttempts().first)
        #expect(attempt.late)
        #expect(attempt.durationMs == 50_000)
        #expect(attempt.credit == attempt.outcome.fullCredit / 2)
    }

    @Test func choicesPartialCreditAndQuitting() throws {
        let sandbox = try Sandbox()
        let run = sandbox.run(["interview", "--count", "4", "--seed", "5"], input: [":q"])
        #expect(run.status == 0)
        #expect(run.output.contains("over 0 of 4 questions"))
        #expect(try sandbox.database().interviewAttempts().isEmpty)
    }

    @Test func historyShowsScoresPerSection() throws {
        let sandbox = try Sandbox()
        #expect(sandbox.run(["interview", "--history"]).output == "No interviews yet: 'recall interview' starts one.\n")
        sandbox.run(["interview", "--count", "2", "--seed", "5"], input: fourWrongAnswers)
        let history = sandbox.run(["interview", "--history"])
        #expect(history.output.hasPrefix("#1  2026-11-29"))
        #expect(history.output.contains("  0%  2/2 answered  Pre-training 0%"))
        let json = sandbox.run(["interview", "--history", "--json"])
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]])
        #expect(entries.count == 1)
        #expect(entries[0]["questions"] as? Int == 2)
    }

    @Test func anAbortedInterviewIsMarkedInTheHistory() throws {
        let sandbox = try Sandbox()
        sandbox.run(["interview", "--count", "3", "--seed", "5"], input: ["", "q"])
        let history = sandbox.run(["interview", "--history"])
        #expect(history.output.contains("aborted after 1/3"), "\(history.output)")
        let json = sandbox.run(["interview", "--history", "--json"])
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]])
        #expect(entries.first?["aborted"] as? Bool == true)
    }

    @Test func anOverruledVerdictIsKeptInTheHistoryAndTheBackup() throws {
        let typedOnly = sampleDeckText.components(separatedBy: "## zero")[0] + "## logs" + sampleDeckText.components(separatedBy: "## logs")[1]
        let sandbox = try Sandbox(decks: ["sample.md": typedOnly])
        // "docker logs web" does not follow: wrong; at the closing prompt :o makes it right, Enter gives the report.
        let run = sandbox.run(["interview", "--count", "1", "--seed", "1"], input: ["docker logs web", ":o", ""])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("Overruled: question 1 (sample/logs) now counts as right."), "\(run.output)")
        #expect(sandbox.run(["interview", "--history"]).output.contains("1/1 answered, 1 overruled"))
        let history = sandbox.run(["interview", "--history", "--json"]).output
        #expect(history.contains("\"overruled\" : 1") || history.contains("\"overruled\": 1"), "\(history)")

        let backup = sandbox.root.appending(path: "backup.json").path
        #expect(sandbox.run(["export", "-o", backup]).status == 0)
        #expect(try String(contentsOfFile: backup, encoding: .utf8).contains("\"overruled\""))
        let restored = try Sandbox(decks: ["sample.md": typedOnly])
        let restore = restored.run(["import", backup])
        #expect(restore.status == 0, "\(restore.errors)")
        #expect(restored.run(["interview", "--history"]).output.contains("1 overruled"))
        #expect(try restored.database().interviewAttempts().map(\.overruled) == [true])
    }

    @Test func theMissedCardsExportAsAStudySheet() throws {
        let sandbox = try Sandbox()
        sandbox.run(["interview", "--count", "4", "--seed", "3"], input: fourWrongAnswers)
        let missed = try sandbox.database().interviewAttempts().filter { InterviewScoring.isMissed($0.outcome, late: $0.late) }
        let sheet = sandbox.run(["export", "--format", "md", "--missed"])
        #expect(sheet.status == 0, "\(sheet.errors)")
        #expect(sheet.output.contains("\(missed.count) cards, missed only"), "\(sheet.output)")
        #expect(sandbox.run(["export", "--format", "tsv", "--missed"]).errors.contains("--missed apply to the md study sheet"))
    }

    @Test func badOptionsAreClearErrors() throws {
        let sandbox = try Sandbox()
        #expect(sandbox.run(["interview", "--time", "soon"]).errors.contains("--time takes a duration"))
        #expect(sandbox.run(["interview", "--count", "0"]).status != 0)
        #expect(sandbox.run(["interview", "--deck", "nope"]).errors.contains("no deck 'nope'"))
    }
}

extension AnswerGrader.Outcome {
    var fullCredit: Double { InterviewScoring.credit(self, late: false) }
}
