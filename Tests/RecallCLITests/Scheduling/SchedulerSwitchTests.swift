import Foundation
import GRDB
import RecallKit
import Testing

@Suite struct SchedulerSwitchTests {
    /// Every card's schedule columns and the whole review log, as stored.
    static func snapshot(_ sandbox: Sandbox) throws -> (cards: [Row], log: [Row]) {
        let queue = try DatabaseQueue(path: sandbox.databasePath)
        return try queue.read { db in
            (
                try Row.fetchAll(db, sql: "SELECT id, repetitions, easiness, interval_days, due_day, lapses, leech FROM card ORDER BY id"),
                try Row.fetchAll(db, sql: "SELECT * FROM review_log ORDER BY id")
            )
        }
    }

    @Test func switchingToFSRSAndBackLeavesTheLogAndRestoresSM2Exactly() throws {
        let sandbox = try Sandbox()
        // Answers on several days, a lapse and a re-drill among them.
        for (day, card, grade) in [
            ("2026-11-20", "sample/bubble", "4"), ("2026-11-20", "sample/zero.c1", "2"),
            ("2026-11-20", "sample/zero.c1", "4"), ("2026-11-21", "sample/bubble", "5"),
            ("2026-11-21", "sample/zero.c1", "3"), ("2026-11-27", "sample/bubble", "1"),
            ("2026-11-28", "sample/bubble", "4"),
        ] {
            sandbox.now = "\(day)T09:00:00Z"
            #expect(sandbox.run(["grade", card, grade]).status == 0)
        }
        sandbox.now = "2026-11-29T09:00:00Z"
        let before = try Self.snapshot(sandbox)

        let toFSRS = sandbox.run(["config", "set", "scheduler", "fsrs"])
        #expect(toFSRS.output == "scheduler = fsrs (the review log replayed: 2 cards rescheduled)\n")
        let underFSRS = try Self.snapshot(sandbox)
        #expect(underFSRS.log == before.log)
        #expect(underFSRS.cards != before.cards)  // FSRS gives other due days

        #expect(sandbox.run(["config", "set", "scheduler", "sm2"]).status == 0)
        let after = try Self.snapshot(sandbox)
        #expect(after.log == before.log)
        #expect(after.cards == before.cards)
        #expect(sandbox.run(["config", "get", "scheduler"]).output == "sm2\n")
    }

    @Test func underFSRSAReviewIsDueWhenFSRSSays() throws {
        let sandbox = try Sandbox()
        #expect(sandbox.run(["config", "set", "scheduler", "fsrs"]).status == 0)
        sandbox.now = "2026-11-20T09:00:00Z"
        sandbox.run(["grade", "sample/bubble", "4"])  // first answer: learning step (10 minutes), due today
        sandbox.now = "2026-11-20T09:20:00Z"
        sandbox.run(["grade", "sample/bubble", "4"])  // a re-drill for SM-2, but FSRS graduates it
        let card = try #require(try sandbox.database().card(id: "sample/bubble"))
        // S after a same-day "good" from S0 = 2.3065: S · e^(w17 (0 + w18)) · S^(−w19), at least S.
        let w = FSRSWeightsByHand.defaults
        let s = w[2] * max(1, exp(w[17] * w[18]) * pow(w[2], -w[19]))
        let interval = Int(s.rounded(.toNearestOrEven))  // 90% retention: the interval is S
        #expect(interval == 2)
        // Fuzz leaves intervals under 2.5 days alone.
        #expect(card.schedule.dueDay == StudyDay("2026-11-22"))
        // SM-2's own state is still SM-2's after one scheduled answer: interval 1.
        #expect(card.schedule.sm2.intervalDays == 1)
    }

    @Test func badValuesAreRefused() throws {
        let sandbox = try Sandbox()
        #expect(sandbox.run(["config", "set", "scheduler", "anki"]).errors == "error: 'anki' is not a valid value for scheduler: sm2 (the default) or fsrs\n")
        #expect(sandbox.run(["config", "set", "desired-retention", "1.5"]).status == 1)
        #expect(sandbox.run(["config", "set", "desired-retention", "0.85"]).output == "desired-retention = 0.85\n")
        #expect(sandbox.run(["config", "get", "desired-retention"]).output == "0.85\n")
    }
}

@Suite struct DeadlineModeCommandTests {
    @Test func theQueueBringsForwardACardPredictedForgottenOnTheInterviewDay() throws {
        let sandbox = try Sandbox()
        sandbox.now = "2026-11-20T09:00:00Z"
        sandbox.run(["grade", "sample/bubble", "3"])
        sandbox.now = "2026-11-21T09:00:00Z"
        sandbox.run(["grade", "sample/bubble", "3"])
        sandbox.now = "2026-11-27T09:00:00Z"
        sandbox.run(["grade", "sample/bubble", "3"])  // SM-2: 1, 6, then ⌈6 × 2.22⌉ = 14 days: due 2026-12-11
        sandbox.now = "2026-11-29T09:00:00Z"
        let before = sandbox.run(["due", "--json"]).output
        #expect(!before.contains("\"sample/bubble\""))
        // Hard three times with FSRS's defaults (by hand): S 1.29 → 3.25 → 8.77, so on
        // 2026-12-10, 13 days after the last answer, R ≈ 0.871 < 0.9, and SM-2 has it due after.
        #expect(sandbox.run(["config", "set", "interview-date", "2026-12-10"]).status == 0)
        let after = sandbox.run(["due", "--json"]).output
        #expect(after.contains("\"sample/bubble\""), "\(after)")
        #expect(sandbox.run(["config", "set", "interview-date", "off"]).status == 0)
        #expect(!sandbox.run(["due", "--json"]).output.contains("\"sample/bubble\""))
    }
}

@Suite struct DeadlineScopeTests {
    static let otherDeck = """
        ---
        id: other
        title: Other deck
        section: Compression
        ---

        ## prune
        Q: What does magnitude pruning remove?
        A: The weights of smallest magnitude.
        Source: Han et al. (2015), arXiv:1506.02626
        """

    /// Two decks, sample/bubble answered so that deadline mode for 2026-12-10 brings it forward:
    /// three Hard answers leave it due on 2026-12-11 with FSRS's R ≈ 0.871 on 2026-12-10
    /// (the hand calculation of DeadlineModeCommandTests).
    static func sandboxWithACardToBringForward() throws -> Sandbox {
        let sandbox = try Sandbox(decks: ["sample.md": sampleDeckText, "other.md": otherDeck])
        for now in ["2026-11-20", "2026-11-21", "2026-11-27"] {
            sandbox.now = "\(now)T09:00:00Z"
            sandbox.run(["grade", "sample/bubble", "3"])
        }
        sandbox.now = "2026-11-29T09:00:00Z"
        #expect(sandbox.run(["config", "set", "interview-date", "2026-12-10"]).status == 0)
        return sandbox
    }

    @Test func onlyCardsInTheScopeAreBroughtForward() throws {
        let sandbox = try Self.sandboxWithACardToBringForward()
        #expect(sandbox.run(["config", "get", "interview-scope"]).output == "all\n")
        #expect(sandbox.run(["due", "--json"]).output.contains("\"sample/bubble\""))

        #expect(sandbox.run(["config", "set", "interview-scope", "deck=other"]).output == "interview-scope = deck=other\n")
        #expect(!sandbox.run(["due", "--json"]).output.contains("\"sample/bubble\""), "outside the scope")
        #expect(sandbox.run(["config", "set", "interview-scope", "section=大模型的预训练技术"]).status == 0)
        #expect(sandbox.run(["due", "--json"]).output.contains("\"sample/bubble\""), "the section by its Chinese name")
        #expect(sandbox.run(["config", "set", "interview-scope", "section=Compression, tag=pruning"]).status == 0)
        #expect(!sandbox.run(["due", "--json"]).output.contains("\"sample/bubble\""))
        #expect(sandbox.run(["config", "set", "interview-scope", "all"]).output == "interview-scope = all\n")
        #expect(sandbox.run(["due", "--json"]).output.contains("\"sample/bubble\""))

        #expect(sandbox.run(["config", "set", "interview-scope", "deck=nope"]).status == 1)
        #expect(sandbox.run(["config", "set", "interview-scope", "colour=red"]).errors.contains("not a valid value for interview-scope"))
    }
}

extension DeadlineScopeTests {
    @Test func theQueuesOwnFilterNarrowsDeadlineModeToo() throws {
        let sandbox = try Self.sandboxWithACardToBringForward()
        #expect(sandbox.run(["due", "--json", "--section", "Pre-training"]).output.contains("\"sample/bubble\""))
        // A section the card is not in leaves it out, by English or Chinese name, as a deck or tag does.
        #expect(!sandbox.run(["due", "--json", "--section", "Compression"]).output.contains("\"sample/bubble\""))
        #expect(!sandbox.run(["due", "--json", "--deck", "other"]).output.contains("\"sample/bubble\""))
        #expect(!sandbox.run(["due", "--json", "--tag", "pruning"]).output.contains("\"sample/bubble\""))
        #expect(sandbox.run(["due", "--json", "--section", "大模型的预训练技术"]).output.contains("\"sample/bubble\""))
    }
}

@Suite struct FSRSGradeMessageTests {
    @Test func underFSRSGradeNamesFSRSDueDayNotSM2sInterval() throws {
        let sandbox = try Sandbox()
        sandbox.now = "2026-11-29T09:00:00Z"
        #expect(sandbox.run(["config", "set", "scheduler", "fsrs"]).status == 0)
        // FSRS-6's first Good is a learning step (minutes), so the card is due again today, not in a day.
        #expect(sandbox.run(["grade", "sample/bubble", "4"]).output == "sample/bubble: grade 4 → due 2026-11-29 (today) (FSRS-6)\n")
    }
}

@Suite struct FSRSReviewPreviewTests {
    @Test func underFSRSTheRunnerShowsFSRSIntervals() throws {
        let sandbox = try Sandbox()
        #expect(sandbox.run(["config", "set", "scheduler", "fsrs"]).status == 0)
        let run = sandbox.run(["review", "--limit", "1"], input: ["parameters", "", "q"])
        #expect(run.status == 0, "\(run.errors)")
        // A new card: again / hard / good stay in the learning steps (later today),
        // easy graduates at round(S₀(easy) = w3 = 8.2956) = 8 days, fuzzed: delta =
        // 1 + 0.15·4.5 + 0.1·1 = 1.775, range round(6.225) = 6 … round(9.775) = 10,
        // drawn as round(6 + u·5): 6 … 11.
        let line = try #require(run.output.split(separator: "\n").first { $0.contains("Next interval (FSRS): ") })
        #expect(line.contains("0-4: 0d · 5: "), "\(line)")
        let days = Int(line.split(separator: " ").last?.dropLast() ?? "") ?? 0
        #expect((6...11).contains(days), "\(line)")
    }
}
