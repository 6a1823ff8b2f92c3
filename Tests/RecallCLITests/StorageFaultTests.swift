import Foundation
import GRDB
import RecallKit
import Testing

/// Faults around the database (issue 12: 6, 7, 11, 17): files that are not a
/// database, first start under concurrency, locks held by others, SQLite errors in words.
@Suite struct StorageFaultTests {
    var binary: URL {
        if let path = ProcessInfo.processInfo.environment["RECALL_BINARY"] { return URL(fileURLWithPath: path) }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appending(path: "recall")
    }

    // MARK: - 11. A file that is not a database is refused, never replaced

    @Test(arguments: [
        ("zero-bytes.sqlite", "the file is empty (0 bytes)"),
        ("text.sqlite", "it does not start like an SQLite database (it looks like text)"),
    ])
    func aFileThatIsNotADatabaseIsRefusedAndLeftAsItWas(file: String, reason: String) throws {
        let sandbox = try Sandbox()
        let source = HostileInputTests.corpus.appending(path: "databases/\(file)")
        try FileManager.default.createDirectory(
            at: URL(fileURLWithPath: sandbox.databasePath).deletingLastPathComponent(),
            withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: source.path, toPath: sandbox.databasePath)
        let before = try Data(contentsOf: URL(fileURLWithPath: sandbox.databasePath))
        for command in [["list"], ["grade", "sample/bubble", "4"], ["review"]] {
            let run = sandbox.run(command)
            #expect(run.status == 1, "\(command)")
            #expect(run.errors.contains("\(sandbox.databasePath) is not a Recall database: \(reason). Nothing was changed."), "\(run.errors)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: sandbox.databasePath)) == before)
    }

    @Test func aTruncatedDatabaseIsReportedAsDamagedInWords() throws {
        let sandbox = try Sandbox()
        try FileManager.default.createDirectory(
            at: URL(fileURLWithPath: sandbox.databasePath).deletingLastPathComponent(),
            withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: HostileInputTests.corpus.appending(path: "databases/truncated-header.sqlite").path,
            toPath: sandbox.databasePath)
        let run = sandbox.run(["list"])
        #expect(run.status == 1)
        #expect(run.errors.contains("is damaged") || run.errors.contains("cannot open the database"), "\(run.errors)")
        #expect(!run.errors.contains("SQLite error"), "\(run.errors)")
    }

    // MARK: - 7. First start is safe under concurrency

    @Test func processesStartedTogetherOnAnEmptyDataFolderAllSucceed() throws {
        #expect(FileManager.default.isExecutableFile(atPath: binary.path), "build the recall binary first: \(binary.path)")
        for _ in 0..<3 {
            let sandbox = try Sandbox(decks: [:])
            var processes: [(Process, Pipe)] = []
            for _ in 0..<8 {
                let process = Process()
                process.executableURL = binary
                process.arguments = ["list", "--no-bundled"]
                process.environment = sandbox.environment.merging(["TZ": "UTC"]) { a, _ in a }
                let errors = Pipe()
                process.standardOutput = FileHandle.nullDevice
                process.standardError = errors
                processes.append((process, errors))
            }
            for (process, _) in processes { try process.run() }
            for (process, errors) in processes {
                let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                #expect(process.terminationStatus == 0, "\(message)")
            }
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: sandbox.root.appending(path: "home").path)
                .filter { $0.contains(".new-") }
            #expect(leftovers.isEmpty, "\(leftovers)")
        }
    }

    // MARK: - 6. A lock held by another process is waited for

    @Test func aWriteWaitsForALockHeldByAnotherConnectionAndSaysSo() throws {
        let sandbox = try Sandbox()
        sandbox.run(["list"])
        let holder = try DatabaseQueue(path: sandbox.databasePath)
        let locked = DispatchSemaphore(value: 0)
        let released = DispatchSemaphore(value: 0)
        // Hold the write lock for 6.5 s: longer than the 5 s that used to end a review.
        DispatchQueue.global().async {
            try? holder.writeWithoutTransaction { db in
                try db.execute(sql: "BEGIN IMMEDIATE")
                locked.signal()
                usleep(6_500_000)
                try db.execute(sql: "COMMIT")
            }
            released.signal()
        }
        locked.wait()
        let run = sandbox.run(["grade", "sample/bubble", "4"])
        released.wait()
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.errors.contains("waiting for another process to finish writing to the database (1 s so far)"), "\(run.errors)")
        #expect(try sandbox.database().history(cardID: "sample/bubble").count == 1)
    }

    // MARK: - 17. SQLite errors in words

    @Test func storageErrorsAreSentencesNotSQLiteCodes() throws {
        let full = DatabaseError(resultCode: .SQLITE_FULL, message: "database or disk is full")
        let text = StorageFault.sentence(forDatabaseError: full, path: "/data/recall.sqlite")
        #expect(
            text.hasPrefix(
                "the disk is full, so the database /data/recall.sqlite could not save this change; every answer acknowledged before this one is kept."))
        for code in [ResultCode.SQLITE_IOERR, .SQLITE_READONLY, .SQLITE_BUSY, .SQLITE_CORRUPT, .SQLITE_CONSTRAINT, .SQLITE_CANTOPEN] {
            let sentence = StorageFault.sentence(forDatabaseError: DatabaseError(resultCode: code, message: "x"), path: nil)
            #expect(!sentence.contains("SQLite error"), "\(code)")
            #expect(sentence.contains("nothing was changed") || sentence.contains("kept"), "\(code): \(sentence)")
        }
    }

    @Test func aReadOnlyDatabaseRefusesWritesInWords() throws {
        let sandbox = try Sandbox()
        sandbox.run(["grade", "sample/bubble", "4"])
        let queue = try DatabaseQueue(path: sandbox.databasePath)
        try queue.write { db in try db.execute(sql: "CREATE TRIGGER no_writes BEFORE INSERT ON review_log BEGIN SELECT RAISE(ABORT, 'read-only'); END") }
        try queue.close()
        let run = sandbox.run(["grade", "sample/zero.c1", "4"])
        #expect(run.status == 1)
        #expect(run.errors.contains("the change breaks a rule of the database"), "\(run.errors)")
        #expect(!run.errors.contains("SQLite error"), "\(run.errors)")
    }

    @Test func aStorageFaultDuringAReviewKeepsTheAnswersBeforeItAndEndsWithTheSummary() throws {
        let sandbox = try Sandbox()
        sandbox.run(["list"])
        // From the second answer on, the database refuses every write (as a full disk would).
        let queue = try DatabaseQueue(path: sandbox.databasePath)
        try queue.write { db in
            try db.execute(
                sql: """
                    CREATE TRIGGER refuse_second BEFORE INSERT ON review_log WHEN (SELECT COUNT(*) FROM review_log) >= 1
                    BEGIN SELECT RAISE(ABORT, 'simulated fault'); END
                    """)
        }
        try queue.close()
        let run = sandbox.run(["review"], input: ["", "5", "", "5", "", "5"])
        #expect(run.status == 1)
        #expect(run.output.contains("Session: 1 answer"), "\(run.output)")
        #expect(run.errors.contains("error: the change breaks a rule of the database (simulated fault)"), "\(run.errors)")
        #expect(!run.errors.contains("SQLite error"), "\(run.errors)")
        #expect(try sandbox.database().reviewCount() == 1)
    }
}
