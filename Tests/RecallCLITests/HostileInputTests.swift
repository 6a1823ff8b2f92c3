import Foundation
import GRDB
import RecallCLI
import RecallKit
import Testing
import ZIPFoundation

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
    func expectRefusedImport(
        _ sandbox: Sandbox, _ path: String, _ message: String, arguments: [String] = [],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let decksBefore = try FileManager.default.contentsOfDirectory(atPath: sandbox.deckFolder.path).sorted()
        let stateBefore = sandbox.run(["export", "--format", "json"]).output
        let run = sandbox.run(["import", path] + arguments)
        #expect(run.status == 1, "\(run.errors)", sourceLocation: sourceLocation)
        #expect(run.errors.contains(message), "\(run.errors)", sourceLocation: sourceLocation)
        #expect(run.errors.contains(URL(fileURLWithPath: path).lastPathComponent), "\(run.errors)", sourceLocation: sourceLocation)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: sandbox.deckFolder.path).sorted() == decksBefore,
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

    /// Year 24777 as a day number (8,330,000 days after 1970) and as the text an older layout held.
    @Test(arguments: ["8330000", "'24777-03-20'"])
    func aDueDayPastYear9999WrittenByAnOlderRecallIsReadAndTheCardCanBeGradedAgain(dueDay: String) throws {
        let sandbox = try Sandbox()
        sandbox.run(["grade", "sample/bubble", "5"])
        try damage(sandbox, "UPDATE card SET due_day = \(dueDay), interval_days = 8000000, easiness = 1e308, repetitions = 5 WHERE id = 'sample/bubble'")
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

    // MARK: - 4. A closed pipe ends the command quietly

    var binary: URL {
        if let path = ProcessInfo.processInfo.environment["RECALL_BINARY"] { return URL(fileURLWithPath: path) }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appending(path: "recall")
    }

    /// Runs `script` under bash with SIGPIPE ignored (as systemd starts services); returns its stdout and stderr.
    func bashIgnoringSIGPIPE(_ script: String, environment: [String: String]) throws -> (output: String, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", "trap '' PIPE; " + script]
        process.environment = environment.merging(["TZ": "UTC", "PATH": "/usr/bin:/bin", "RECALL": binary.path]) { a, _ in a }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: data, as: UTF8.self), String(decoding: errorData, as: UTF8.self))
    }

    @Test func writingToAClosedPipeEndsListAndReviewQuietly() throws {
        #expect(FileManager.default.isExecutableFile(atPath: binary.path), "build the recall binary first: \(binary.path)")
        let sandbox = try Sandbox(decks: [:])
        // The bundled decks list to far more than a pipe holds, so `head` closes it while recall still writes.
        let list = try bashIgnoringSIGPIPE(
            #""$RECALL" list | head -c 100 >/dev/null; echo "status ${PIPESTATUS[0]}""#,
            environment: sandbox.environment)
        #expect(list.output == "status 0\n", "\(list.output) \(list.errors)")
        #expect(list.errors.isEmpty, "\(list.errors)")
        let answers = String(repeating: "\n5\n", count: 200)
        let review = try bashIgnoringSIGPIPE(
            #"printf '\#(answers.replacingOccurrences(of: "\n", with: "\\n"))' | "$RECALL" review | head -c 10 >/dev/null; echo "status ${PIPESTATUS[1]}""#,
            environment: sandbox.environment)
        #expect(review.output == "status 0\n", "\(review.output) \(review.errors)")
        #expect(review.errors.isEmpty, "\(review.errors)")
    }

    // MARK: - 13. Control characters never reach the terminal

    static let escapeDeck = """
        ---
        id: esc
        title: Escapes \u{1B}]0;pwned\u{07}here
        section: Hostile
        ---

        ## clear
        Q: What does \u{1B}[2J\u{1B}[31mthis\u{9B}1m do?
        A: \u{1B}]8;;http://evil.example\u{1B}\\a link\u{1B}]8;;\u{1B}\\ and \u{202E}txt.exe
        Source: test
        """

    @Test func escapeSequencesInCardsArePrintedAsPicturesByEveryCommand() throws {
        let sandbox = try Sandbox(decks: ["esc.md": Self.escapeDeck])
        let commands: [[String]] = [
            ["show", "esc/clear"], ["list"], ["decks"], ["map"], ["export", "--format", "md"],
            ["review", "--limit", "1"], ["interview", "--count", "1", "--seed", "1"],
        ]
        for command in commands {
            for terminal in [false, true] {
                let run = sandbox.run(command, input: ["", "5", "", ""], terminal: terminal)
                #expect(run.status == 0, "\(command): \(run.errors)")
                let all = run.output + run.errors
                #expect(!all.unicodeScalars.contains { $0 == "\u{9B}" || $0 == "\u{07}" || $0 == "\u{202E}" }, "\(command)")
                // The only escapes left are the colours Recall writes itself, on a terminal.
                let escapes = all.components(separatedBy: "\u{1B}").dropFirst()
                #expect(
                    escapes.allSatisfy { $0.hasPrefix("[0m") || $0.hasPrefix("[1m") || $0.hasPrefix("[2m") || $0.hasPrefix("[3") },
                    "\(command): \(all.debugDescription)")
                #expect(!all.contains("\u{1B}[2J") && !all.contains("\u{1B}]"), "\(command)")
            }
        }
        let shown = sandbox.run(["show", "esc/clear"]).output
        #expect(shown.contains("What does ␛[2J␛[31mthis�1m do?"), "\(shown)")
    }

    /// Each SGR code of Recall's own palette, one that combines two, and a forged style mark.
    static let palette = "\u{1B}[0m\u{1B}[1m\u{1B}[2m\u{1B}[31m\u{1B}[32m\u{1B}[33m\u{1B}[36m\u{1B}[1;31m"
    static let palettePictured = "␛[0m␛[1m␛[2m␛[31m␛[32m␛[33m␛[36m␛[1;31m"
    static let forgedMark = noncharacters([0xFDD0] + Array(repeating: 0xFDE0, count: 16) + [0xFDD2])
    /// Swift has no literal for a noncharacter.
    static func noncharacters(_ values: [UInt32]) -> String {
        String(String.UnicodeScalarView(values.compactMap(Unicode.Scalar.init)))
    }
    static let paletteDeck = """
        ---
        id: palette
        title: T\(palette)
        section: S\(palette)
        ---

        ## codes
        Q: Q\(palette) osc \u{1B}]0;title\u{07} csi \u{1B}[?1049h c1 \u{9B}31m \u{9D}8;;x\u{9C} mark \(forgedMark)end
        A: A\(palette)
        Source: test
        """

    /// Recall's own SGR sequences, exactly as ``Style`` has the console write them.
    static let ownSequences = ["0", "1", "2", "31", "32", "33", "36"].map { "\u{1B}[\($0)m" }

    @Test func recallsOwnColourCodesInCardTextArePicturesToo() throws {
        let sandbox = try Sandbox(decks: ["palette.md": Self.paletteDeck])
        let commands: [(command: [String], shows: String)] = [
            (["review", "--limit", "1"], "Q" + Self.palettePictured + " osc ␛]0;title␇ csi ␛[?1049h c1 �31m �8;;x� mark"),
            (["show", "palette/codes"], "A: A" + Self.palettePictured),
            (["list"], "Q" + Self.palettePictured),
            (["map"], "S␛[0m␛[1m"),
            (["decks"], "T" + Self.palettePictured),
            (["interview", "--count", "1", "--seed", "1"], "Q" + Self.palettePictured),
            (["export", "--format", "md"], "A" + Self.palettePictured),
        ]
        for (command, shows) in commands {
            let run = sandbox.run(command, input: ["", "5", "", ""], terminal: true)
            #expect(run.status == 0, "\(command): \(run.errors)")
            let all = run.output + run.errors
            #expect(all.contains(shows), "\(command): \(all.debugDescription)")
            // Every escape left is one of Recall's own sequences, whole.
            var rest = all[...]
            while let escape = rest.firstIndex(of: "\u{1B}") {
                let tail = rest[escape...]
                #expect(Self.ownSequences.contains { tail.hasPrefix($0) }, "\(command): \(String(tail.prefix(12)).debugDescription)")
                rest = rest[rest.index(after: escape)...]
            }
            #expect(
                !all.unicodeScalars.contains { (0x80...0x9F).contains($0.value) || $0 == "\u{07}" || (0xFDD0...0xFDEF).contains($0.value) },
                "\(command)")
        }
        // Recall still styles its own text on a terminal: the card id in bold, the prompt in bold.
        #expect(sandbox.run(["show", "palette/codes"], terminal: true).output.hasPrefix("\u{1B}[1mpalette/codes\u{1B}[0m"))
        // And writes no escape at all anywhere else.
        let piped = sandbox.run(["show", "palette/codes"])
        #expect(!piped.output.contains("\u{1B}"), "\(piped.output.debugDescription)")
        #expect(piped.output.contains("A: A" + Self.palettePictured))
    }

    @Test func checkReportsControlCharactersWithTheirLineAndColumn() throws {
        let sandbox = try Sandbox(decks: ["esc.md": Self.escapeDeck])
        let run = sandbox.run(["check", sandbox.deckFolder.appending(path: "esc.md").path])
        let all = run.output + run.errors
        #expect(all.contains("esc.md:3:16: warning: control character U+001B"), "\(all)")
        #expect(all.contains("esc.md:8:14: warning: control character U+001B"), "\(all)")
        #expect(all.contains("esc.md:9:4: warning: control character U+001B"), "\(all)")
    }

    @Test func importersDropControlCharactersAndSaySo() throws {
        let sandbox = try Sandbox()
        let path = Self.corpus.appending(path: "text/escapes.tsv").path
        let run = sandbox.run(["import", path, "--deck-id", "escapes"])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.errors.contains("removed 4 control character(s)"), "\(run.errors)")
        let written = try String(contentsOf: sandbox.deckFolder.appending(path: "escapes.md"), encoding: .utf8)
        #expect(!written.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) })
        #expect(written.contains("Q: What does [2Jthis do?"), "\(written)")
    }

    // MARK: - 14. CRLF and a byte-order mark

    @Test(arguments: ["crlf.md", "bom.md", "bom-crlf.md"])
    func deckFilesWithCRLFOrAByteOrderMarkLoad(file: String) throws {
        let sandbox = try Sandbox(decks: [:])
        let source = Self.corpus.appending(path: "decks/\(file)")
        try FileManager.default.copyItem(at: source, to: sandbox.deckFolder.appending(path: file))
        let check = sandbox.run(["check", sandbox.deckFolder.appending(path: file).path])
        #expect(check.status == 0, "\(check.output) \(check.errors)")
        let list = sandbox.run(["list"])
        #expect(list.output.contains("endings/kv  [basic]"), "\(list.output) \(list.errors)")
        #expect(list.output.contains("What does a KV cache hold?\n"), "\(list.output)")
        let shown = sandbox.run(["show", "endings/kv"]).output
        #expect(shown.contains("A: Keys and values of past tokens.\n"), "\(shown.debugDescription)")
    }

    // MARK: - 5. Unreadable entries in the decks folder

    @Test func unreadableEntriesInTheDecksFolderAreReportedAndTheRestLoads() throws {
        let sandbox = try Sandbox()
        let folder = sandbox.deckFolder
        let fm = FileManager.default
        try fm.createDirectory(at: folder.appending(path: "notes.md"), withIntermediateDirectories: false)
        try fm.createSymbolicLink(atPath: folder.appending(path: "dangling.md").path, withDestinationPath: "/nonexistent/x.md")
        try fm.createSymbolicLink(atPath: folder.appending(path: "loop-a.md").path, withDestinationPath: folder.appending(path: "loop-b.md").path)
        try fm.createSymbolicLink(atPath: folder.appending(path: "loop-b.md").path, withDestinationPath: folder.appending(path: "loop-a.md").path)
        try fm.createSymbolicLink(atPath: folder.appending(path: "zero.md").path, withDestinationPath: "/dev/zero")
        #expect(mkfifo(folder.appending(path: "fifo.md").path, 0o644) == 0)
        let run = sandbox.run(["list"])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("sample/bubble"))
        for (name, reason) in [
            ("notes.md", "it is a folder"), ("dangling.md", "it is a symbolic link to nothing"),
            ("loop-a.md", "it is a symbolic link loop"), ("zero.md", "it is a device"),
            ("fifo.md", "it is a named pipe (FIFO)"),
        ] {
            #expect(run.errors.contains("skipped \(folder.appending(path: name).path): \(reason)"), "\(name): \(run.errors)")
        }
        let check = sandbox.run(["check"])
        #expect(check.status == 1)
        #expect(check.output.contains("6 error(s)"), "\(check.output)")
    }

    @Test func aDeckWhoseFileBecameUnreadableKeepsItsCardsAndHistory() throws {
        let sandbox = try Sandbox()
        sandbox.run(["grade", "sample/bubble", "4"])
        let file = sandbox.deckFolder.appending(path: "sample.md")
        try FileManager.default.removeItem(at: file)
        try FileManager.default.createSymbolicLink(atPath: file.path, withDestinationPath: "/nonexistent/sample.md")
        let run = sandbox.run(["list"])
        #expect(run.output.contains("sample/bubble"), "\(run.output) \(run.errors)")
        #expect(try sandbox.database().history(cardID: "sample/bubble").count == 1)
    }

    // MARK: - 15. Zip CRCs are checked

    @Test func anApkgWhoseEntryFailsItsCRCIsRefused() throws {
        let source = try Sandbox()
        source.run(["grade", "sample/bubble", "4"])
        let good = source.root.appending(path: "good.apkg")
        #expect(source.run(["export", "-o", good.path]).status == 0)
        // Re-pack its entries uncompressed, so that a flipped byte reaches the CRC check rather than the inflater.
        let archive = try Archive(url: good, accessMode: .read)
        var entries: [(String, Data)] = []
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            entries.append((entry.path, data))
        }
        let damaged = source.root.appending(path: "damaged.apkg")
        let stored = try Archive(url: damaged, accessMode: .create)
        for (name, data) in entries {
            try stored.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .none) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        var bytes = try Data(contentsOf: damaged)
        let header = try #require(bytes.range(of: Data("SQLite format 3".utf8)))
        bytes[header.lowerBound + 3000] ^= 0x5A
        try bytes.write(to: damaged)
        let target = try Sandbox()
        try expectRefusedImport(target, damaged.path, "fails its CRC-32 check", arguments: ["--deck-id", "crc"])
    }

    // MARK: - 12. Undo after another process answered the card

    /// A scripted console that runs `hook` just before handing out the line `u`.
    final class HookedConsole: Console {
        var input: [String]
        var output = "", errors = ""
        let hook: () -> Void
        init(input: [String], hook: @escaping () -> Void) {
            self.input = input
            self.hook = hook
        }
        func readLine(echoingToErrors: Bool) -> String? {
            guard !input.isEmpty else { return nil }
            let line = input.removeFirst()
            if line == "u" { hook() }
            return line
        }
        func write(_ text: String) { output += text }
        func writeError(_ text: String) { errors += text }
        var isTerminal: Bool { false }
    }

    @Test func undoSaysSoWhenAnotherProcessAnsweredTheCardMeanwhile() throws {
        let sandbox = try Sandbox()
        let console = HookedConsole(input: ["", "5", "", "u", "", "q"]) {
            // Another recall answers the card the review just graded (the first one, sample/zero.c1).
            sandbox.run(["grade", "sample/zero.c1", "2"])
        }
        let context = RecallContext(
            console: console, environment: sandbox.environment, clock: { Date(timeIntervalSince1970: 0) },
            timeZone: TimeZone(identifier: "UTC") ?? .current, bundledDeckFiles: [])
        #expect(RecallCommand.run(["review", "--limit", "2"], in: context) == 0)
        #expect(console.output.contains("Cannot undo the answer to sample/zero.c1: it was answered again since."), "\(console.output)")
        #expect(try sandbox.database().history(cardID: "sample/zero.c1").map(\.grade.value) == [5, 2])
    }

    // MARK: - 8. Two deck files with one id

    @Test func twoUserFilesWithOneDeckIdAreAnErrorAndTheDeckStaysOnEveryRun() throws {
        let sandbox = try Sandbox()
        sandbox.run(["grade", "sample/bubble", "4"])
        try sandbox.write(deck: "copy.md", sampleDeckText.replacingOccurrences(of: "title: Sample deck", with: "title: A copy"))
        for _ in 0..<3 {
            let run = sandbox.run(["decks"])
            #expect(
                run.errors.contains("copy.md:1:1: error: deck id 'sample' is also used by \(sandbox.deckFolder.appending(path: "sample.md").path)"),
                "\(run.errors)")
            #expect(run.errors.contains("sample.md:1:1: error: deck id 'sample' is also used by"), "\(run.errors)")
            #expect(run.output.contains("Sample deck") && !run.output.contains("A copy"), "\(run.output)")
            let card = try #require(try sandbox.database().card(id: "sample/bubble"))
            #expect(!card.record.retired)
            #expect(try sandbox.database().history(cardID: "sample/bubble").count == 1)
        }
    }

    // MARK: - 9. Limits that bound what one note costs

    @Test(arguments: [
        ("cloze-27-deletions.md", ":8:1: error: cloze card 'many' has 27 deletions, more than a note may have (26)"),
        ("choices-27.md", ":8:1: error: multiple-choice card 'many' has 27 choices, more than the 26 letters that name them"),
        ("field-4001.md", ":9:3: error: 'A:' has 4001 characters, more than a field may have (4000)"),
    ])
    func notesPastTheStorageLimitsAreErrorsNamingFileAndLine(file: String, message: String) throws {
        let sandbox = try Sandbox(decks: [:])
        let path = Self.corpus.appending(path: "decks/\(file)").path
        let run = sandbox.run(["check", path])
        #expect(run.status == 1)
        #expect(run.errors.contains(path + message), "\(run.errors)")
    }

    // MARK: - 10. Deck identity does not depend on where the folder is

    @Test func movingTheDataFolderWhileADeckHasAnErrorKeepsThatDeck() throws {
        let sandbox = try Sandbox()
        sandbox.run(["grade", "sample/bubble", "4"])
        // Move the whole data folder, then break the deck file in its new place.
        let moved = sandbox.root.appending(path: "moved")
        try FileManager.default.moveItem(at: sandbox.root.appending(path: "home"), to: moved)
        let file = moved.appending(path: "decks/sample.md")
        try Data((sampleDeckText + "\n## broken\nQ:\n").utf8).write(to: file)
        sandbox.extraEnvironment["RECALL_HOME"] = moved.path
        let run = sandbox.run(["list"])
        #expect(run.errors.contains("were not loaded; nothing about them changed"), "\(run.errors)")
        #expect(run.output.contains("sample/bubble"), "\(run.output)")
        let database = try RecallDatabase(path: moved.appending(path: "recall.sqlite").path)
        #expect(try database.history(cardID: "sample/bubble").count == 1)
        #expect(try database.card(id: "sample/bubble")?.record.retired == false)
    }
}
