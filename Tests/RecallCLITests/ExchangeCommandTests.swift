import Foundation
import GRDB
import RecallKit
import Testing
import ZIPFoundation

/// `recall export` and `recall import`: round trips, and bad input that must change nothing.
@Suite struct ExchangeCommandTests {
    /// A sandbox with some history: answers on two days (one a re-drill), a suspended card, a setting.
    func reviewedSandbox() throws -> Sandbox {
        let sandbox = try Sandbox()
        sandbox.run(["grade", "sample/bubble", "4"])
        sandbox.run(["grade", "sample/zero.c1", "2"])
        sandbox.run(["grade", "sample/zero.c1", "5"])
        sandbox.now = "2026-11-30T21:30:00Z"
        sandbox.run(["grade", "sample/bubble", "5"])
        sandbox.run(["suspend", "sample/awq"])
        sandbox.run(["config", "set", "new-per-day", "7"])
        return sandbox
    }

    func file(_ sandbox: Sandbox, _ name: String) -> String { sandbox.root.appending(path: name).path }

    // MARK: - JSON backup

    @Test func jsonBackupRestoresEverythingAndExportsIdentically() throws {
        let source = try reviewedSandbox()
        // Two interviews, one of them recording its answers as reviews.
        source.run(["interview", "--count", "2", "--seed", "4"], input: ["", ""])
        source.run(["interview", "--count", "2", "--seed", "5", "--reschedule"], input: ["", ""])
        let backupPath = file(source, "backup.json")
        let export = source.run(["export", "-o", backupPath])
        #expect(export.status == 0)
        #expect(export.output == "Wrote \(backupPath): 1 deck(s), 4 card(s), 6 review(s).\n")
        let original = try Data(contentsOf: URL(fileURLWithPath: backupPath))

        let target = try Sandbox(decks: [:])
        target.now = source.now
        let restore = target.run(["import", backupPath])
        #expect(restore.status == 0, "\(restore.errors)")
        #expect(restore.output.contains("Restored 1 deck(s), 4 card(s), 6 review(s), 2 interview(s) with 4 attempt(s)"))
        #expect(FileManager.default.fileExists(atPath: target.deckFolder.appending(path: "sample.md").path))
        let again = target.run(["export", "--format", "json"])
        #expect(again.output == String(decoding: original, as: UTF8.self))

        // What the user sees agrees too.
        #expect(target.run(["show", "sample/bubble", "--json"]).output == source.run(["show", "sample/bubble", "--json"]).output)
        #expect(target.run(["config", "get", "new-per-day"]).output == "7\n")
        #expect(target.run(["due"]).output == source.run(["due"]).output)
        let json = try #require(try JSONSerialization.jsonObject(with: original) as? [String: Any])
        #expect(json["format"] as? String == "recall-backup")
        #expect(json["version"] as? Int == 1)
        let interviews = try #require(json["interviews"] as? [[String: Any]])
        #expect(interviews.map { ($0["attempts"] as? [Any])?.count } == [2, 2])
        #expect(target.run(["interview", "--history"]).output == source.run(["interview", "--history"]).output)
        let rescheduled = try target.database().interviewAttempts().filter { $0.reviewLogID != nil }
        #expect(rescheduled.count == 2)
    }

    @Test func theSchedulerAndDeadlineSettingsSurviveABackup() throws {
        let source = try reviewedSandbox()
        for (key, value) in [
            ("scheduler", "fsrs"), ("desired-retention", "0.85"), ("interview-date", "2026-12-20"),
            ("interview-scope", "deck=sample, tag=zero"),
        ] {
            #expect(source.run(["config", "set", key, value]).status == 0, "\(key)")
        }
        let backupPath = file(source, "backup.json")
        #expect(source.run(["export", "-o", backupPath]).status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: backupPath))) as? [String: Any])
        #expect((json["scheduling"] as? [String: String])?["scheduler"] == "fsrs")

        let target = try Sandbox(decks: [:])
        target.now = source.now
        let restore = target.run(["import", backupPath])
        #expect(restore.status == 0, "\(restore.errors)")
        for key in ["scheduler", "desired-retention", "interview-date", "interview-scope", "new-per-day"] {
            #expect(target.run(["config", "get", key]).output == source.run(["config", "get", key]).output, "\(key)")
        }
        #expect(target.run(["due", "--json"]).output == source.run(["due", "--json"]).output)

        // A value config set refuses is refused in a backup too, named by its path; nothing is restored.
        var text = try String(contentsOfFile: backupPath, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"scheduler\" : \"fsrs\"", with: "\"scheduler\" : \"sm3\"")
        try text.write(toFile: backupPath, atomically: true, encoding: .utf8)
        let bad = try Sandbox(decks: [:])
        let refused = bad.run(["import", backupPath])
        #expect(refused.status == 1)
        #expect(refused.errors.contains(".scheduling.scheduler: 'sm3' is not a scheduler (sm2 or fsrs)"), "\(refused.errors)")
        #expect(bad.run(["config", "get", "scheduler"]).output == "sm2\n")
    }

    @Test func aRestoredCardThatTheDeckFileNoLongerHasComesBackRetiredWithItsHistory() throws {
        let source = try reviewedSandbox()
        let backupPath = file(source, "backup.json")
        source.run(["export", "-o", backupPath])
        let withoutBubble = sampleDeckText.replacingOccurrences(
            of: """
                ## bubble
                Q: What is the GPipe bubble fraction?
                A: (p-1)/(m+p-1)
                Source: Huang et al. (2019), arXiv:1811.06965

                """, with: "")
        let target = try Sandbox(decks: ["sample.md": withoutBubble])
        target.now = source.now
        #expect(target.run(["import", backupPath]).status == 0)
        #expect(!target.run(["list"]).output.contains("sample/bubble"))
        #expect(target.run(["list"]).output.contains("3 card(s)"))
        #expect(try target.database().history(cardID: "sample/bubble").map(\.grade.value) == [4, 5])
        #expect(try target.database().card(id: "sample/bubble")?.record.retired == true)
    }

    @Test func restoringIntoADatabaseWithAnswersIsRefusedAndChangesNothing() throws {
        let source = try reviewedSandbox()
        let backupPath = file(source, "backup.json")
        source.run(["export", "-o", backupPath])
        let before = source.run(["export", "--format", "json"]).output
        let run = source.run(["import", backupPath])
        #expect(run.status == 1)
        #expect(run.errors.contains("already holds 4 answer(s)"))
        #expect(source.run(["export", "--format", "json"]).output == before)
    }

    @Test func aBackupFromANewerRecallOrNotABackupIsRefused() throws {
        let sandbox = try Sandbox()
        let newer = file(sandbox, "newer.json")
        try Data(#"{"format": "recall-backup", "version": 9, "decks": []}"#.utf8).write(to: URL(fileURLWithPath: newer))
        let run = sandbox.run(["import", newer])
        #expect(run.status == 1)
        #expect(run.errors.contains("\(newer): backup version 9 is not one this Recall reads"))
        let other = file(sandbox, "other.json")
        try Data(#"{"name": "x"}"#.utf8).write(to: URL(fileURLWithPath: other))
        #expect(sandbox.run(["import", other]).errors.contains("the JSON's format is 'missing', not 'recall-backup'"))
        let damaged = file(sandbox, "damaged.json")
        try Data(#"{"format": "recall-backup", "version": 1, "decks": []}"#.utf8).write(to: URL(fileURLWithPath: damaged))
        #expect(sandbox.run(["import", damaged]).errors.contains("\(damaged): the backup is damaged (no 'settings' at the top level)"))
        let zipNamedJSON = file(sandbox, "backup.json.zip")
        try makeZip(zipNamedJSON, entries: [("x", Data("x".utf8))])
        let disguised = file(sandbox, "disguised.json")
        try FileManager.default.moveItem(atPath: zipNamedJSON, toPath: disguised)
        let wrong = sandbox.run(["import", disguised])
        #expect(wrong.errors.contains("\(disguised) is not a Recall JSON backup: it looks like a zip archive"))
        #expect(try sandbox.database().reviewCount() == 0)
    }

    // MARK: - Anki package, Recall to Recall

    @Test func anAnkiPackageOfRecallsOwnExportImportsWithItsSchedule() throws {
        let source = try reviewedSandbox()
        let package = file(source, "sample.apkg")
        let export = source.run(["export", "-o", package])
        #expect(export.output == "Wrote \(package): 4 card(s) from 1 deck(s), 4 review(s).\n")

        let target = try Sandbox(decks: [:])
        target.now = source.now
        let run = target.run(["import", package, "--deck-id", "again"])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("Imported 4 card(s) into deck 'again'"))
        let database = try target.database()
        let bubble = try #require(try database.card(id: "again/bubble"))
        let original = try #require(try source.database().card(id: "sample/bubble"))
        #expect(bubble.schedule.sm2.intervalDays == original.schedule.sm2.intervalDays)
        #expect(bubble.schedule.sm2.easiness == original.schedule.sm2.easiness)
        #expect(bubble.schedule.dueDay == original.schedule.dueDay)
        #expect(bubble.schedule.sm2.repetitions == original.schedule.sm2.repetitions)
        #expect(try database.card(id: "again/awq")?.isSuspended == true)
        #expect(try database.history(cardID: "again/bubble").map(\.grade.value) == [4, 5])
        // The answer on zero.c1 that came second on its day is a re-drill, as Recall logged it.
        #expect(try database.history(cardID: "again/zero.c1").map(\.kind) == [.new, .redrill])
        let typed = try #require(try database.card(id: "again/logs"))
        #expect(
            typed.card.content
                == .typed(
                    question: "Follow the logs of the container web.", answer: "docker logs -f web",
                    alternatives: ["docker logs --follow web"]))
        #expect(typed.card.explanation == "-f streams new output.")
        #expect(target.run(["check", target.deckFolder.appending(path: "again.md").path]).status == 0)
    }

    // MARK: - Anki package, bad input

    func expectRefused(_ sandbox: Sandbox, _ path: String, _ message: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let decksBefore = try FileManager.default.contentsOfDirectory(atPath: sandbox.deckFolder.path).sorted()
        let stateBefore = sandbox.run(["export", "--format", "json"]).output
        let run = sandbox.run(["import", path, "--deck-id", "bad"])
        #expect(run.status == 1, sourceLocation: sourceLocation)
        #expect(run.errors.contains(message), "\(run.errors)", sourceLocation: sourceLocation)
        #expect(run.errors.contains(URL(fileURLWithPath: path).lastPathComponent), sourceLocation: sourceLocation)
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.deckFolder.path).sorted() == decksBefore, sourceLocation: sourceLocation)
        #expect(sandbox.run(["export", "--format", "json"]).output == stateBefore, sourceLocation: sourceLocation)
    }

    @Test func aTruncatedOrCorruptPackageIsRefused() throws {
        let sandbox = try reviewedSandbox()
        let good = file(sandbox, "good.apkg")
        sandbox.run(["export", "-o", good])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: good))
        let truncated = file(sandbox, "truncated.apkg")
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: truncated))
        try expectRefused(sandbox, truncated, "is not a readable zip archive")

        var flipped = bytes
        // Damage the compressed collection in the middle: the CRC no longer matches.
        for index in stride(from: 200, to: min(flipped.count - 200, 1200), by: 7) { flipped[index] ^= 0x5A }
        let corrupt = file(sandbox, "corrupt.apkg")
        try flipped.write(to: URL(fileURLWithPath: corrupt))
        try expectRefused(sandbox, corrupt, "corrupt.apkg is not a readable zip archive ('collection.anki2' cannot be unpacked")
    }

    @Test func entriesWithUnsafePathsAreRefused() throws {
        let sandbox = try Sandbox()
        let dotdot = file(sandbox, "dotdot.apkg")
        try makeZip(dotdot, entries: [("collection.anki2", Data("x".utf8)), ("../../evil.md", Data("x".utf8))])
        try expectRefused(sandbox, dotdot, "unsafe path '../../evil.md'")
        let absolute = file(sandbox, "absolute.apkg")
        try makeZip(absolute, entries: [("/tmp/evil.md", Data("x".utf8))])
        try expectRefused(sandbox, absolute, "unsafe path '/tmp/evil.md'")
        #expect(!FileManager.default.fileExists(atPath: sandbox.root.appending(path: "evil.md").path))
    }

    @Test func aZipBombIsRefused() throws {
        let sandbox = try Sandbox()
        let bomb = file(sandbox, "bomb.apkg")
        try makeZip(bomb, entries: [("collection.anki2", Data(count: 24 << 20))])
        try expectRefused(sandbox, bomb, "possible zip bomb")
    }

    @Test func anUnknownSchemaIsRefused() throws {
        let sandbox = try Sandbox()
        let newer = file(sandbox, "newer.apkg")
        try makeZip(newer, entries: [("collection.anki2", try collection(version: 18))])
        try expectRefused(sandbox, newer, "collection schema version 18 is not one Recall reads")
        let notAnki = file(sandbox, "not-anki.apkg")
        try makeZip(notAnki, entries: [("collection.anki2", try sqlite("CREATE TABLE things (x)"))])
        try expectRefused(sandbox, notAnki, "has no 'col' table")
        let hostile = file(sandbox, "hostile.apkg")
        try makeZip(
            hostile,
            entries: [
                (
                    "collection.anki2",
                    try sqlite(
                        """
                        CREATE TABLE col (id, crt, mod, scm, ver, dty, usn, ls, conf, models, decks, dconf, tags);
                        CREATE TABLE notes (id, guid, mid, mod, usn, tags, flds, sfld, csum, flags, data);
                        CREATE TABLE cards (id, nid, did, ord, mod, usn, type, queue, due, ivl, factor, reps, lapses, left, odue, odid, flags, data);
                        CREATE TABLE revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type);
                        INSERT INTO col VALUES (1, 0, 0, 0, 11, 0, 0, 0, '{}', '{}', '{}', '{}', '{}');
                        INSERT INTO notes VALUES (1, 'g', 'not a number', 0, 0, '', 'a', 'a', 0, 0, '');
                        """)
                )
            ])
        try expectRefused(sandbox, hostile, "its notes.mid holds \"not a number\", not a number")
        let compressed = file(sandbox, "compressed.apkg")
        try makeZip(compressed, entries: [("collection.anki21b", Data([0x28, 0xB5, 0x2F, 0xFD, 1, 2, 3]))])
        try expectRefused(sandbox, compressed, "export again with \"Support older Anki versions\" ticked")
        let text = file(sandbox, "text-inside.apkg")
        try makeZip(text, entries: [("collection.anki2", Data("hello".utf8))])
        try expectRefused(sandbox, text, "its collection.anki2 is not an SQLite database")
    }

    @Test func aFileThatIsNotWhatItsExtensionSaysIsRefused() throws {
        let sandbox = try Sandbox()
        let textAsPackage = file(sandbox, "notes.apkg")
        try Data("Q\tA\n".utf8).write(to: URL(fileURLWithPath: textAsPackage))
        try expectRefused(sandbox, textAsPackage, "is not an Anki package (a zip archive): it looks like text")
        let zipAsText = file(sandbox, "notes.tsv")
        try makeZip(zipAsText, entries: [("a", Data("a".utf8))])
        try expectRefused(sandbox, zipAsText, "is not a TSV or CSV text file: it looks like a zip archive")
    }

    // MARK: - TSV and CSV

    @Test func tsvExportHasAnkiHeadersAndQuotesFieldsThatNeedIt() throws {
        let deck =
            sampleDeckText + """


                ## tricky
                Q: A question with a "quote", a\ttab
                A: Two
                lines
                Tags: odd
                """
        let sandbox = try Sandbox(decks: ["sample.md": deck])
        let tsv = sandbox.run(["export", "--format", "tsv", "--tag", "odd"]).output
        #expect(
            tsv == """
                #separator:tab
                #html:true
                #guid column:1
                #notetype column:2
                #deck column:3
                #tags column:6
                #columns:guid\tnotetype\tdeck\tFront\tBack\ttags\tFront.zh\tBack.zh\tExplanation.zh
                recall:sample/tricky\tBasic\tRecall::Pre-training::Sample deck\t"A question with a &quot;quote&quot;, a\ttab"\tTwo<br>lines\todd\t\t\t

                """)
        let csv = sandbox.run(["export", "--format", "csv", "--deck", "sample"]).output
        #expect(csv.hasPrefix("#separator:comma\n"))
        #expect(
            csv.contains(
                "recall:sample/zero,Cloze,Recall::Pre-training::Sample deck,ZeRO-3 also shards {{c1::parameters}}.,\"Source: Rajbhandari et al. (2020), arXiv:1910.02054\","
            ))
        #expect(csv.contains("recall:sample/logs,Basic (type in the answer),"))
    }

    @Test func tsvRoundTripKeepsTheCards() throws {
        let source = try Sandbox()
        let path = file(source, "sample.tsv")
        #expect(source.run(["export", "-o", path]).status == 0)
        let target = try Sandbox(decks: [:])
        let run = target.run(["import", path])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("Imported 4 card(s) into deck 'anki-sample'"))
        let cards = try target.database().cards(deckID: "anki-sample").map(\.card)
        #expect(cards.map(\.id) == ["zero.c1", "bubble", "awq", "logs"])
        #expect(cards[0].content == .cloze(text: "ZeRO-3 also shards {{parameters}}.", deletion: 1))
        #expect(cards[1].content == .basic(question: "What is the GPipe bubble fraction?", answer: "(p-1)/(m+p-1)"))
        #expect(cards[1].source == "Huang et al. (2019), arXiv:1811.06965")
        #expect(cards[3].content.kind == .typed)
        #expect(cards[3].explanation == nil)  // a typed note's Back holds the answer alone in the text format
    }

    @Test func csvWithoutHeadersImportsQuestionAnswerTags() throws {
        let sandbox = try Sandbox(decks: [:])
        let path = file(sandbox, "plain.csv")
        try Data("What is 2+2?,4,math easy\n\"Name, with comma\",\"Multi\nline\"\n".utf8).write(to: URL(fileURLWithPath: path))
        let run = sandbox.run(["import", path, "--deck-id", "plain", "--title", "Plain", "--section", "Mine"])
        #expect(run.status == 0, "\(run.errors)")
        let cards = try sandbox.database().cards(deckID: "plain").map(\.card)
        #expect(cards.map(\.content) == [.basic(question: "What is 2+2?", answer: "4"), .basic(question: "Name, with comma", answer: "Multi\nline")])
        #expect(cards[0].tags == ["math", "easy"])
        #expect(sandbox.run(["decks"]).output.contains("Mine"))
    }

    @Test func badTextFilesNameTheLine() throws {
        let sandbox = try Sandbox()
        let noAnswer = file(sandbox, "no-answer.tsv")
        try Data("Q1\tA1\nQ2\n".utf8).write(to: URL(fileURLWithPath: noAnswer))
        try expectRefused(sandbox, noAnswer, "no-answer.tsv:2: the row has a question but no answer")
        let unclosed = file(sandbox, "unclosed.csv")
        try Data("a,b\n\"open,c\n".utf8).write(to: URL(fileURLWithPath: unclosed))
        try expectRefused(sandbox, unclosed, "unclosed.csv:2: a quoted field opened here is never closed")
        let latin1 = file(sandbox, "latin1.tsv")
        try Data([0x51, 0x09, 0x41, 0x0A, 0x63, 0x61, 0x66, 0xE9, 0x09, 0x78, 0x0A]).write(to: URL(fileURLWithPath: latin1))
        try expectRefused(sandbox, latin1, "latin1.tsv:2: invalid UTF-8")
    }

    @Test func anImportNeverOverwritesAnExistingDeckFile() throws {
        let sandbox = try Sandbox()
        let path = file(sandbox, "sample.tsv")
        sandbox.run(["export", "-o", path])
        let mine = "---\nid: other\ntitle: Mine\nsection: S\n---\n\n## q\nQ: q?\nA: a\n"
        try sandbox.write(deck: "anki-sample.md", mine)
        let run = sandbox.run(["import", path])
        #expect(run.status == 1)
        #expect(run.errors.contains("anki-sample.md already exists"))
        #expect(try String(contentsOf: sandbox.deckFolder.appending(path: "anki-sample.md"), encoding: .utf8) == mine)
        let taken = sandbox.run(["import", path, "--deck-id", "sample"])
        #expect(taken.errors.contains("a deck with id 'sample' already exists"))
        #expect(!FileManager.default.fileExists(atPath: sandbox.deckFolder.appending(path: "sample.md.tmp").path))
    }

    // MARK: - Markdown

    @Test func studySheetGroupsBySectionAndDeckAndCanKeepOnlyWeakCards() throws {
        let sandbox = try reviewedSandbox()
        let sheet = sandbox.run(["export", "--format", "md"]).output
        #expect(sheet.hasPrefix("# Recall study sheet\n\n2026-11-30 · 4 cards\n\n## Pre-training · 大模型的预训练技术\n\n### Sample deck · 样例\n"))
        #expect(sheet.contains("**2. What is the GPipe bubble fraction?**\n\n(p-1)/(m+p-1)\n\n*Source:* Huang et al. (2019), arXiv:1811.06965\n"))
        #expect(sheet.contains("**1. ZeRO-3 also shards […].**\n\nZeRO-3 also shards **parameters**.\n"))
        #expect(sheet.contains("- [x] Activation magnitude"))
        #expect(sheet.contains("`docker logs -f web` (also: `docker logs --follow web`)"))
        let weak = sandbox.run(["export", "--format", "md", "--weak"]).output
        #expect(weak.contains("1 card, weak only"))
        #expect(weak.contains("ZeRO-3"))
        #expect(!weak.contains("GPipe"))
        sandbox.now = "2026-12-02T09:00:00Z"
        let due = sandbox.run(["export", "--format", "md", "--due"]).output
        #expect(due.contains("ZeRO-3") && !due.contains("GPipe"))
    }

    @Test func exportOptionsAreChecked() throws {
        let sandbox = try Sandbox()
        #expect(sandbox.run(["export", "--format", "apkg"]).errors.contains("give -o FILE.apkg"))
        #expect(sandbox.run(["export", "--format", "json", "--deck", "sample"]).errors.contains("a JSON backup is always complete"))
        #expect(sandbox.run(["export", "--format", "md", "--deck", "nope"]).errors.contains("no deck 'nope'"))
        #expect(sandbox.run(["export", "--format", "md", "--tag", "nope"]).errors.contains("no card matches"))
        #expect(sandbox.run(["export"]).errors.contains("give --format"))
    }
}

// MARK: - Fixtures

func makeZip(_ path: String, entries: [(String, Data)]) throws {
    try? FileManager.default.removeItem(atPath: path)
    let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
    for (name, data) in entries {
        try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }
}

/// The bytes of an SQLite database made by `sql`.
func sqlite(_ sql: String) throws -> Data {
    let url = FileManager.default.temporaryDirectory.appending(path: "fixture-\(UUID().uuidString).sqlite")
    defer { try? FileManager.default.removeItem(at: url) }
    let queue = try DatabaseQueue(path: url.path)
    try queue.write { db in try db.execute(sql: sql) }
    try queue.close()
    return try Data(contentsOf: url)
}

/// An Anki-shaped collection with the given schema version and nothing in it.
func collection(version: Int) throws -> Data {
    try sqlite(
        """
        CREATE TABLE col (id, crt, mod, scm, ver, dty, usn, ls, conf, models, decks, dconf, tags);
        CREATE TABLE notes (id, guid, mid, mod, usn, tags, flds, sfld, csum, flags, data);
        CREATE TABLE cards (id, nid, did, ord, mod, usn, type, queue, due, ivl, factor, reps, lapses, left, odue, odid, flags, data);
        CREATE TABLE revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type);
        INSERT INTO col VALUES (1, 0, 0, 0, \(version), 0, 0, 0, '{}', '{}', '{}', '{}', '{}');
        """)
}
