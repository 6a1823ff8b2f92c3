import Foundation
import GRDB
import RecallCLI
import RecallKit
import Testing

/// Issue 12, item 17: commands that only read work on a database this
/// process cannot write; commands that write are refused in words. The tests
/// run as root, whom file permissions do not stop, so they hand Recall the
/// reason a database is read-only (as a read-only file or mount would) and
/// Recall opens it with `SQLITE_OPEN_READONLY`: any write a command still
/// tried would fail. Scripts/hostile-walk.sh does the same as `nobody` and on
/// a read-only bind mount.
@Suite struct ReadOnlyDatabaseTests {
    static let reason = "opened read-only on purpose by the test"

    /// A data folder with one answer in it, then read-only from here on.
    func readOnlySandbox() throws -> Sandbox {
        let sandbox = try Sandbox()
        #expect(sandbox.run(["grade", "sample/bubble", "4"]).status == 0)
        sandbox.databaseReadOnlyReason = Self.reason
        return sandbox
    }

    func fileState(_ path: String) throws -> (bytes: Data, modified: Date?) {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let modified = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        return (bytes, modified)
    }

    @Test(arguments: [
        (["list"], "sample/bubble  [basic]  due 2026-11-30"),
        (["show", "sample/bubble"], "State: repetitions 1 · easiness 2.50 · interval 1d · due 2026-11-30 (tomorrow)"),
        (["stats"], "Answered 1: 0 reviews, 1 new"),
        (["map"], "Knowledge map"),
        (["export", "--format", "md"], "What is the GPipe bubble fraction?"),
        (["export", "--format", "json"], "\"grade\" : 4"),
        (["decks"], "1 decks, 4 cards"),
        (["due"], "2026-11-29: 0 due, 3 new"),
        (["check"], "1 file(s), 1 deck(s), 4 card(s): 0 error(s)"),
        (["config", "get"], "new-per-day = 20"),
        (["interview", "--history"], "No interviews yet"),
    ])
    func aCommandThatOnlyReadsWorksOnAReadOnlyDatabase(command: [String], expected: String) throws {
        let sandbox = try readOnlySandbox()
        let before = try fileState(sandbox.databasePath)
        let run = sandbox.run(command)
        #expect(run.status == 0, "\(command): \(run.errors)")
        #expect((run.output + run.errors).contains(expected), "\(command): \(run.output) \(run.errors)")
        // Nothing changed on disk, and the decks were as stored, so nothing was said about them.
        #expect(!run.errors.contains("read-only"), "\(command): \(run.errors)")
        let after = try fileState(sandbox.databasePath)
        #expect(after.bytes == before.bytes && after.modified == before.modified, "\(command)")
    }

    @Test func aReadCommandShowsWhatWasLastSyncedAndSaysOnceThatTheDecksChanged() throws {
        let sandbox = try readOnlySandbox()
        try sandbox.write(deck: "sample.md", sampleDeckText + "\n\n## added\nQ: A card added after the last sync?\nA: Yes.\nSource: test\n")
        let run = sandbox.run(["list"])
        #expect(run.status == 0, "\(run.errors)")
        #expect(!run.output.contains("sample/added"), "\(run.output)")
        #expect(run.output.contains("sample/bubble"), "\(run.output)")
        let lines = run.errors.split(separator: "\n")
        #expect(
            lines == [
                "recall: the database \(sandbox.databasePath) is read-only, so the deck files, which changed since, were not synced into it: shown as last synced"
            ],
            "\(run.errors)")
        // Writable again: the next command syncs, and the card is there.
        sandbox.databaseReadOnlyReason = nil
        #expect(sandbox.run(["list"]).output.contains("sample/added"))
    }

    @Test func aRemovedDeckFileIsAChangeAndAMovedDataFolderIsNot() throws {
        let sandbox = try readOnlySandbox()
        try FileManager.default.removeItem(at: sandbox.deckFolder.appending(path: "sample.md"))
        let removed = sandbox.run(["decks"])
        #expect(removed.status == 0 && removed.output.contains("1 decks, 4 cards"), "\(removed.output) \(removed.errors)")
        #expect(removed.errors.contains("shown as last synced"), "\(removed.errors)")

        let moved = try readOnlySandbox()
        let elsewhere = moved.root.appending(path: "elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: moved.deckFolder.appending(path: "sample.md"), to: elsewhere.appending(path: "sample.md"))
        let run = moved.run(["list", "--decks", elsewhere.path])
        #expect(run.status == 0, "\(run.errors)")
        #expect(!run.errors.contains("shown as last synced"), "\(run.errors)")
    }

    @Test(arguments: [
        (["review"], "review"),
        (["grade", "sample/bubble", "5"], "grade"),
        (["config", "set", "new-per-day", "5"], "config set"),
        (["suspend", "sample/bubble"], "suspend"),
        (["interview", "--count", "1", "--seed", "1"], "interview"),
        (["optimize", "--reset"], "optimize --reset"),
    ])
    func aCommandThatWritesIsRefusedNamingTheFileAndWhatToDo(command: [String], name: String) throws {
        let sandbox = try readOnlySandbox()
        let before = try fileState(sandbox.databasePath)
        let run = sandbox.run(command, input: ["", "5", "", ""])
        #expect(run.status == 1)
        #expect(
            run.errors == "error: the database \(sandbox.databasePath) is read-only (\(Self.reason)), so 'recall \(name)' cannot save anything; "
                + "nothing was changed. Commands that only read (list, show, due, stats, map, export, decks, check) still work; to write, make the file "
                + "and its folder writable, or copy the database to a writable place and pass --db COPY\n", "\(run.errors)")
        // Refused before anything was asked: no card was shown.
        #expect(run.output.isEmpty, "\(run.output)")
        #expect(try fileState(sandbox.databasePath).bytes == before.bytes)
    }

    @Test func importIsRefusedAndLeavesTheDecksFolderAsItWas() throws {
        let sandbox = try readOnlySandbox()
        let tsv = sandbox.root.appending(path: "cards.tsv")
        try Data("What is a KV cache?\tKeys and values of past tokens.\n".utf8).write(to: tsv)
        let decksBefore = try FileManager.default.contentsOfDirectory(atPath: sandbox.deckFolder.path).sorted()
        let run = sandbox.run(["import", tsv.path, "--deck-id", "kv"])
        #expect(run.status == 1)
        #expect(run.errors.contains("the database \(sandbox.databasePath) is read-only"), "\(run.errors)")
        #expect(run.errors.contains("'recall import' cannot save anything; nothing was changed"), "\(run.errors)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.deckFolder.path).sorted() == decksBefore)
    }

    @Test func aDatabaseOpenedReadOnlyRefusesEveryWriteInWords() throws {
        let sandbox = try Sandbox()
        sandbox.run(["list"])
        let database = try RecallDatabase(readOnlyAt: sandbox.databasePath)
        #expect(database.isReadOnly)
        #expect(try database.cards().count == 4)
        #expect {
            _ = try database.recordAnswer(
                cardID: "sample/bubble", grade: try #require(Grade(4)), at: try #require(Moment.parse("2026-11-29T09:00:00Z", timeZone: .gmt)),
                today: try #require(StudyDay("2026-11-29")), durationMs: 0)
        } throws: { error in
            StorageFault.sentence(for: error, path: nil)?.hasPrefix("the database is read-only, so this change was not saved; nothing was changed") == true
        }
        #expect(try sandbox.database().reviewCount() == 0)
    }

    @Test func aMissingDatabaseIsNotCreatedReadOnly() throws {
        let sandbox = try Sandbox()
        #expect {
            _ = try RecallDatabase(readOnlyAt: sandbox.databasePath)
        } throws: { error in
            "\(error)".contains("cannot open the database \(sandbox.databasePath)")
        }
        #expect(!FileManager.default.fileExists(atPath: sandbox.databasePath))
    }

    /// The immutable fallback (a WAL database whose folder cannot be written) names the file as a URI.
    @Test func theImmutableNameOfAPathWithURICharactersOpensThatFile() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "recall-ro-\(UUID().uuidString)/a?b#c%d e")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let path = folder.appending(path: "recall.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "CREATE TABLE t(x); INSERT INTO t VALUES (42)") }
        try queue.close()
        var configuration = Configuration()
        configuration.readonly = true
        let immutable = try DatabaseQueue(path: RecallDatabase.immutableURI(path), configuration: configuration)
        #expect(try immutable.read { db in try Int.fetchOne(db, sql: "SELECT x FROM t") } == 42)
    }
}
