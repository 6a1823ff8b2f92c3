import Foundation
import RecallKit
import Testing

/// The real binary through a pipe, with `RECALL_NOW`: the "Done means" of issue 10.
@Suite(.serialized) struct SessionEndToEndTests {
    var binary: URL {
        if let path = ProcessInfo.processInfo.environment["RECALL_BINARY"] { return URL(fileURLWithPath: path) }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appending(path: "recall")
    }

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    func run(_ executable: URL, _ arguments: [String], stdin: String, environment: [String: String]) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment.merging(["TZ": "UTC", "PATH": "/usr/bin:/bin"]) { a, _ in a }
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        // Read both streams at once so that neither pipe fills while the other is read.
        nonisolated(unsafe) var errorData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errorData = errors.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: data, as: UTF8.self),
            stderr: String(decoding: errorData, as: UTF8.self))
    }

    func recall(_ arguments: [String], stdin: String = "", _ sandbox: Sandbox, now: String, extra: [String: String] = [:]) throws -> Output {
        try run(binary, arguments, stdin: stdin, environment: sandbox.environment.merging(["RECALL_NOW": now].merging(extra) { a, _ in a }) { _, b in b })
    }

    /// Every answer of the database, with its card.
    func answers(_ db: RecallDatabase) throws -> [(card: StoredCard, log: ReviewLogRecord)] {
        try db.cards().flatMap { card in try db.history(cardID: card.card.qualifiedID).map { (card, $0) } }
    }

    @Test func tenDaysOfNewCardsSpanEveryDeckNoTopicStarvesAndNoSiblingsShareADay() throws {
        let sandbox = try Sandbox(decks: [:])
        let start = StudyDay("2026-11-29")!
        for day in 0..<10 {
            let date = start.adding(days: day)
            // Reveal and grade 5, for every card of the day; end of input ends the session.
            let run = try recall(["review"], stdin: String(repeating: "\n5\n", count: 120), sandbox, now: "\(date)T09:00:00Z")
            #expect(run.status == 0, "\(run.stderr)")
        }
        let db = try sandbox.database()
        let all = try answers(db)
        let introduced = all.filter { $0.log.kind == .new }
        #expect(introduced.count == 200, "20 new cards a day")
        let perDeck = Dictionary(grouping: introduced, by: \.card.card.deckID).mapValues(\.count)
        let decks = Set(try db.decks().map(\.deck.id))
        #expect(Set(perDeck.keys) == decks, "every deck got new cards: \(perDeck)")
        let counts = perDeck.values
        #expect((counts.max() ?? 0) - (counts.min() ?? 0) <= 1, "within one card of each other: \(perDeck)")

        // No topic starves: within a deck, no topic is left at 0 while another got 2 or more.
        let cards = try db.cards()
        for deck in decks {
            // A topic is a tag not on every card of the deck (the deck's own tags), as `recall map` counts them.
            let deckCards = cards.filter { $0.card.deckID == deck }
            let everywhere: Set<String> = Set(deckCards.first?.card.tags ?? []).filter { tag in deckCards.allSatisfy { $0.card.tags.contains(tag) } }
            func topic(_ card: StoredCard) -> String { card.card.tags.first { !everywhere.contains($0) } ?? "" }
            var perTopic: [String: Int] = [:]
            for card in deckCards { perTopic[topic(card), default: 0] += 0 }
            for answer in introduced where answer.card.card.deckID == deck { perTopic[topic(answer.card), default: 0] += 1 }
            let most = perTopic.values.max() ?? 0
            let starved = perTopic.filter { $0.value == 0 }.keys.sorted()
            #expect(most < 2 || starved.isEmpty, "\(deck): \(starved) got nothing while a topic got \(most)")
        }

        // No two cards of one note (cloze siblings), nor cards linked by Related:, on the same study day.
        let byDay = Dictionary(grouping: all, by: \.log.studyDay)
        for (day, answers) in byDay {
            var cardsByNote: [String: Set<String>] = [:]
            for answer in answers {
                cardsByNote["\(answer.card.card.deckID)/\(answer.card.card.noteID)", default: []].insert(answer.card.card.qualifiedID)
            }
            for (note, ids) in cardsByNote {
                #expect(ids.count == 1, "\(day): siblings \(ids.sorted()) of \(note)")
            }
            for answer in answers {
                for related in answer.card.card.related where related != "\(answer.card.card.deckID)/\(answer.card.card.noteID)" {
                    #expect(cardsByNote[related] == nil, "\(day): \(answer.card.card.qualifiedID) and its related \(related)")
                }
            }
        }
    }

    @Test func noCardComesTwiceInARowWhileOthersWait() throws {
        let sandbox = try Sandbox()
        // Fail everything, again and again: the re-drill must alternate while two or more cards wait.
        let run = try recall(
            ["review", "--no-bundled"], stdin: String(repeating: "\n1\n", count: 14), sandbox, now: "2026-11-29T09:00:00Z",
            extra: ["COLUMNS": "200"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var asked: [String] = []
        for (index, line) in lines.enumerated() where line.hasPrefix("[") && line.contains("] sample · ") && index + 1 < lines.count {
            asked.append(lines[index + 1])
        }
        #expect(asked.count >= 10)
        let onlyOneLeft = run.stdout.contains("is left to re-drill, and you just answered it")
        for (a, b) in zip(asked, asked.dropFirst()) {
            #expect(a != b || onlyOneLeft, "the same card twice in a row: \(a)")
        }
    }

    @Test func undoOfASuspendASkipAndAGradeInSequence() throws {
        let sandbox = try Sandbox()
        // zero.c1 graded 5; bubble skipped at its grade prompt; awq suspended; then three undos at logs' answer prompt.
        let run = try recall(["review", "--no-bundled"], stdin: "\n5\n\ns\n\n!\n:u\n:u\n:u\nq\n", sandbox, now: "2026-11-29T09:00:00Z")
        #expect(run.status == 0, "\(run.stderr)")
        let undone = run.stdout.split(separator: "\n").filter { $0.hasPrefix("Undone:") }
        #expect(
            undone == [
                "Undone: sample/awq is no longer suspended.",
                "Undone: the skip of sample/bubble; it is no longer buried.",
                "Undone: grade 5 for sample/zero.c1; its state is restored.",
            ])
        let db = try sandbox.database()
        #expect(try db.card(id: "sample/awq")?.isSuspended == false)
        #expect(try db.card(id: "sample/bubble")?.record.buriedUntil == nil)
        #expect(try db.history(cardID: "sample/zero.c1").isEmpty)
        #expect(try db.card(id: "sample/zero.c1")?.schedule == .new)
        #expect(try db.reviewCount() == 0)
        #expect(try db.queueCandidates(today: StudyDay("2026-11-29")!).count == 4, "all four cards can be asked again")
    }

    @Test func eachAnswerIsStampedWhenGivenWithTheClockRunning() throws {
        for clock in ["1.5s", "run"] {
            let sandbox = try Sandbox()
            let run = try recall(
                ["review", "--no-bundled"], stdin: "\n5\n\n4\n\n5\n\n5\n", sandbox, now: "2026-11-29T09:00:00Z", extra: ["RECALL_CLOCK": clock])
            #expect(run.status == 0, "\(run.stderr)")
            let logs = try answers(try sandbox.database()).map(\.log).sorted { ($0.id ?? 0) < ($1.id ?? 0) }
            #expect(logs.count == 4)
            let zone = TimeZone(identifier: "UTC")!
            let times = logs.compactMap { Moment.parse($0.reviewedAt, timeZone: zone)?.instant }
            #expect(times.count == 4)
            let start = try #require(Moment.parse("2026-11-29T09:00:00Z", timeZone: zone)).instant
            #expect(times.allSatisfy { $0 >= start })
            if clock == "run" {
                #expect(zip(times, times.dropFirst()).allSatisfy { $0 <= $1 }, "\(logs.map(\.reviewedAt))")
            } else {
                // Distinct and increasing: two clock reads an answer (shown, answered), 1.5 s apart.
                #expect(zip(times, times.dropFirst()).allSatisfy { $0 < $1 }, "\(logs.map(\.reviewedAt))")
                #expect(Set(logs.map(\.reviewedAt)).count == 4)
                #expect(logs.allSatisfy { $0.durationMs > 0 })
            }
        }
    }

    @Test func interviewJSONIsTheOnlyThingOnStandardOutput() throws {
        let sandbox = try Sandbox(decks: [:])
        let run = try recall(
            ["interview", "--count", "5", "--seed", "11", "--json"], stdin: "a\nb\n\nw\nx\n\n\n", sandbox,
            now: "2026-11-29T09:00:00Z")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("Question 1/5"), "the transcript goes to standard error")
        let tool = try self.run(URL(fileURLWithPath: "/usr/bin/python3"), ["-m", "json.tool"], stdin: run.stdout, environment: [:])
        #expect(tool.status == 0, "python3 -m json.tool: \(tool.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(report["version"] as? Int == 2)
        let missed = try #require(report["missed"] as? [[String: Any]])
        #expect(missed.allSatisfy { $0["question"] is String && $0["answer"] is String && $0["reference"] is String })
    }

    @Test func reviewMissedDrillsExactlyTheMissedCards() throws {
        let sandbox = try Sandbox(decks: [:])
        // Eight questions, answered with junk or skipped: some right by chance (a choice letter), most missed.
        let interview = try recall(
            ["interview", "--count", "8", "--seed", "5"], stdin: "a\nnope\n\nb\nw\nnope\n\nw\nc\nw\n\n\n", sandbox,
            now: "2026-11-29T09:00:00Z")
        #expect(interview.status == 0, "\(interview.stderr)")
        let db = try sandbox.database()
        let attempts = try db.interviewAttempts()
        let missed = attempts.filter { InterviewScoring.isMissed($0.outcome, late: $0.late) }.map(\.cardID)
        #expect(!missed.isEmpty)
        #expect(interview.stdout.contains("recall review --missed 1"))
        let drill = try recall(["review", "--missed"], stdin: String(repeating: "\n5\n", count: 20), sandbox, now: "2026-11-29T10:00:00Z")
        #expect(drill.status == 0, "\(drill.stderr)")
        let drilled = try answers(db).map(\.card.card.qualifiedID)
        #expect(drilled.sorted() == missed.sorted(), "exactly the missed cards, each once")
        #expect(try recall(["review", "--missed", "9"], sandbox, now: "2026-11-29T10:00:00Z").stderr.contains("no interview 9"))
    }
}
