import Foundation
import GRDB
import RecallKit
import Testing

/// The malformed-input corpus (Tests/Malformed/) and the faults of issue 12:
/// no crash, an exit status below 128, a message naming the file, and nothing
/// changed by a refused import.
@Suite struct HostileInputTests {
    /// Tests/Malformed/, found from this file so that no test resources are needed.
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "Malformed")

    static func corpusFiles(_ folder: String) -> [String] {
        let url = corpus.appending(path: folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.sorted().map { url.appending(path: $0).path }
    }

    /// Runs `recall import PATH` and checks that it was refused with `message`,
    /// naming the file, and that the decks folder and the database are as before.
    func expectRefusedImport(_ sandbox: Sandbox, _ path: String, _ message: String, arguments: [String] = [],
                             sourceLocation: SourceLocation = #_sourceLocation) throws {
        let decksBefore = try FileManager.default.contentsOfDirectory(atPath: sandbox.deckFolder.path).sorted()
        let stateBefore = sandbox.run(["export", "--format", "json"]).output
        let run = sandbox.run(["import", path] + arguments)
        #expect(run.status == 1, "\(run.errors)", sourceLocation: sourceLocation)
        #expect(run.errors.contains(message), "\(run.errors)", sourceLocation: sourceLocation)
        #expect(run.errors.contains(URL(fileURLWithPath: path).lastPathComponent), "\(run.errors)", sourceLocation: sourceLocation)
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.deckFolder.path).sorted() == decksBefore,
                sourceLocation: sourceLocation)
        #expect(sandbox.run(["export", "--format", "json"]).output == stateBefore, sourceLocation: sourceLocation)
    }

    /// Sets columns of a card straight in the database, as damage or an older Recall would leave them.
    func damage(_ sandbox: Sandbox, _ sql: String) throws {
        let queue = try DatabaseQueue(path: sandbox.databasePath)
        try queue.write { db in try db.execute(sql: sql) }
        try queue.close()
    }

    // MARK: - 1. Intervals capped, stored days read defensively

    @Test func perfectAnswersEveryDayStopAtTheIntervalCapAndEveryCommandStillWorks() throws {
        let sandbox = try Sandbox()
        var day = try #require(StudyDay("2026-01-01"))
        var last = ""
        for _ in 0..<20 {
            sandbox.now = "\(day)T09:00:00Z"
            let run = sandbox.run(["grade", "sample/bubble", "5"])
            #expect(run.status == 0, "\(run.errors)")
            last = run.output
            day = day.adding(days: 1)
        }
        // 36,500 days after the last answer's day (2026-01-20).
        #expect(last.contains("interval 36500d, due 2125-12-27"), "\(last)")
        for command in [["show", "sample/bubble"], ["list"], ["export", "--format", "json"], ["stats"], ["map"]] {
            let run = sandbox.run(command)
            #expect(run.status == 0, "\(command): \(run.errors)")
        }
    }

    @Test func aDueDayPastYear9999WrittenByAnOlderRecallIsReadAndTheCardCanBeGradedAgain() throws {
        let sandbox = try Sandbox()
        sandbox.run(["grade", "sample/bubble", "5"])
        try damage(sandbox, "UPDATE card SET due_day = '24777-03-20', interval_days = 8000000, easiness = 1e308, repetitions = 5 WHERE id = 'sample/bubble'")
        for command in [["show", "sample/bubble"], ["list"], ["export", "--format", "json"], ["stats"], ["map"]] {
            let run = sandbox.run(command)
            #expect(run.status == 0, "\(command): \(run.errors)")
        }
        sandbox.now = "2026-12-05T09:00:00Z"
        let graded = sandbox.run(["grade", "sample/bubble", "5"])
        #expect(graded.status == 0, "\(graded.errors)")
        #expect(graded.output.contains("interval 36500d"), "\(graded.output)")
        // The backup of a damaged database is one this Recall restores.
        let backup = sandbox.root.appending(path: "backup.json").path
        #expect(sandbox.run(["export", "-o", backup]).status == 0)
        let target = try Sandbox()
        let restored = target.run(["import", backup, "--db", target.root.appending(path: "new.sqlite").path])
        #expect(restored.status == 0, "\(restored.errors)")
    }

    // MARK: - 2. Absurd values in a backup are refused, naming the field

    @Test(arguments: [
        ("interval-2e62.json", ".decks[0].cards[0].state.intervalDays: 4611686018427387904 is not in 0…36500"),
        ("easiness-1e308.json", ".decks[0].cards[0].state.easiness: 1e+308 is not in 1.3…100"),
        ("easiness-negative.json", ".decks[0].cards[0].state.easiness: -5.0 is not in 1.3…100"),
        ("repetitions-intmax.json", ".decks[0].cards[0].state.repetitions: 9223372036854775807 is not in 0…1000000"),
        ("due-year-24777.json", ".decks[0].cards[0].state.due: 24777-03-20 is not between 0001-01-01 and 9999-12-31"),
        ("day-starts-at-99.json", ".settings.day-starts-at: 99 is not allowed"),
        ("review-new-interval-negative.json", ".reviewLog[0].new.intervalDays: -18 is not in 0…36500"),
    ])
    func aBackupWithAnAbsurdValueIsRefusedNamingTheField(file: String, message: String) throws {
        let sandbox = try Sandbox()
        let path = Self.corpus.appending(path: "backups/\(file)").path
        try expectRefusedImport(sandbox, path, message)
    }

    @Test func configSetAndABackupShareOneRuleForSettings() throws {
        let sandbox = try Sandbox()
        let refused = sandbox.run(["config", "set", "day-starts-at", "99"])
        #expect(refused.status == 1)
        #expect(refused.errors.contains("'99' is not a valid value for day-starts-at"))
        // A value put in the database by hand is not believed either.
        try damage(sandbox, "INSERT INTO setting (key, value) VALUES ('day-starts-at', '99')")
        let shown = sandbox.run(["config", "get", "day-starts-at"])
        #expect(shown.output.contains("4"), "\(shown.output)")
    }
}
