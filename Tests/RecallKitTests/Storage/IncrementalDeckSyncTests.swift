import Foundation
import GRDB
import Testing

@testable import RecallKit

/// The incremental re-sync through the database: the cards a database holds
/// after syncing an edited file block by block are the cards a fresh
/// database holds after syncing the same file whole; and a broken file is
/// remembered, so that an unchanged one is not parsed again.
@Suite struct IncrementalDeckSyncTests {
    /// Loads files as a command does: with the database's block indexes and broken files.
    static func sync(_ db: RecallDatabase, _ files: [DeckFile], untouched: [String] = []) throws -> (DeckLoader.Result, RecallDatabase.SyncReport) {
        let known = try db.deckFingerprints()
        let loaded = DeckLoader.load(
            files, untouchedPaths: untouched, isUnchanged: { known[$0] == $1 },
            previousIndex: { try? db.deckBlockIndex(path: $0) }, knownBroken: try db.brokenDeckFiles())
        return (loaded, try db.synchronize(loaded))
    }

    /// The live cards as rows: everything the deck file decides, schedule aside.
    static func liveCards(_ db: RecallDatabase) throws -> [String] {
        try db.writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, deck_id, note_id, kind, content, tags, line, position FROM card WHERE retired = 0 ORDER BY deck_id, position
                    """
            ).map { row in (0..<8).map { "\(row[$0] as DatabaseValue)" }.joined(separator: "|") }
        }
    }

    @Test(arguments: 0..<24) func randomEditsLeaveTheRowsAFullSyncWrites(seed: Int) throws {
        var rng = SeededGenerator(seed: UInt64(seed) + 100)
        var notes: [String] = []
        for ordinal in 0..<Int.random(in: 2..<25, using: &rng) {
            notes.append(IncrementalParseTests.note("n\(ordinal)", kind: Int.random(in: 0..<9, using: &rng), tag: ordinal))
        }
        let db = try RecallDatabase.inMemory()
        _ = try Self.sync(db, [DeckFile(path: "inc.md", bytes: IncrementalParseTests.text(notes))])
        let answered = try #require(try db.cards().last?.card.qualifiedID)
        try db.recordAnswer(cardID: answered, grade: grade(5), at: moment, today: november29, durationMs: 1)
        var serial = 0
        var incrementalSyncs = 0
        for _ in 0..<10 {
            var edited = notes
            for _ in 0..<Int.random(in: 1...3, using: &rng) { IncrementalParseTests.edit(&edited, &rng, serial: &serial) }
            let file = DeckFile(path: "inc.md", bytes: IncrementalParseTests.text(edited))
            let (loaded, _) = try Self.sync(db, [file])
            guard loaded.brokenPaths.isEmpty else { continue }
            if loaded.decks.first?.patch != nil { incrementalSyncs += 1 }
            notes = edited
            let fresh = try RecallDatabase.inMemory()
            try fresh.synchronize(DeckLoader.load([file]))
            #expect(try Self.liveCards(db) == Self.liveCards(fresh))
        }
        #expect(incrementalSyncs > 0, "the header never changes, so good edits sync incrementally")
        #expect(try db.history(cardID: answered).count == 1, "history is kept through the moves")
    }

    @Test func editingOneCardOfABigDeckParsesOneNoteAndWritesOneRow() throws {
        let db = try RecallDatabase.inMemory()
        let ids = (0..<2_000).map { "c\($0)" }
        let original = deckFile(ids: ids)
        let (first, _) = try Self.sync(db, [original])
        #expect(first.notesParsed == 2_000)
        // One more line in c7's answer: c7 is rewritten, the 1,992 cards below move one line down.
        let text = String(decoding: original.bytes, as: UTF8.self)
            .replacingOccurrences(of: "## c7\nQ: Question c7?\nA: an answer", with: "## c7\nQ: Question c7?\nA: an answer\n  on two lines")
        let (loaded, report) = try Self.sync(db, [DeckFile(path: "d.md", bytes: Array(text.utf8))])
        #expect(loaded.notesParsed == 1)
        #expect(report.cardsWritten == 1 && report.cardsAdded == 0 && report.cardsRetired == 0)
        #expect(report.cardsMoved == 1_992)
        let c9Line = (text.components(separatedBy: "\n").firstIndex(of: "## c9") ?? -1) + 1
        #expect(try db.card(id: "d/c9")?.card.line == c9Line)
        let fresh = try RecallDatabase.inMemory()
        try fresh.synchronize(DeckLoader.load([DeckFile(path: "d.md", bytes: Array(text.utf8))]))
        #expect(try Self.liveCards(db) == Self.liveCards(fresh))
    }

    @Test func anImportedDeckKeepsItsBlockIndexSoItsFirstEditIsIncremental() throws {
        let db = try RecallDatabase.inMemory()
        let cards = (0..<300).map {
            Card(deckID: "imp", id: "q-\($0)", noteID: "q-\($0)", content: .basic(question: "Question \($0)?", answer: "Answer \($0)"))
        }
        let draft = try DeckFileDraft(Deck(id: "imp", title: "Imported", section: "S", cards: cards), path: "imp.md")
        try db.importDeck(draft.loaded, states: [:], reviews: [], writeFile: {}, removeFile: {})
        #expect(try db.deckBlockIndex(path: "imp.md") == draft.loaded.blockIndex && draft.loaded.blockIndex != nil)
        let edited = draft.text.replacingOccurrences(of: "A: Answer 150\n", with: "A: Answer 150, edited\n")
        #expect(edited != draft.text)
        let (loaded, report) = try Self.sync(db, [DeckFile(path: "imp.md", bytes: Array(edited.utf8))])
        #expect(loaded.notesParsed == 1 && report.cardsWritten == 1)
    }

    @Test func aRestoreDropsTheBlockIndex() throws {
        let db = try RecallDatabase.inMemory()
        _ = try Self.sync(db, [deckFile(ids: ["a", "b"])])
        #expect(try db.deckBlockIndex(path: "d.md") != nil)
        let backup = try Backup(db.exchangeSnapshot())
        try db.restore(backup, written: [], writeFiles: {}, removeFiles: {})
        #expect(try db.deckBlockIndex(path: "d.md") == nil, "the next sync of d.md is whole")
    }

    @Test func rememberedDiagnosticsSurviveTheirEncoding() {
        let diagnostics = [
            DeckDiagnostic(.error, file: "décks/a b.md", line: 12, column: 4, "invalid card id 'Bad Heading 1'", hint: "use lower-case"),
            DeckDiagnostic(.warning, file: "x.md", line: 1, column: 1, "control character \u{7} 问题"),
        ]
        let encoded = BrokenDeckFile.encode(diagnostics)
        #expect(BrokenDeckFile.decode(encoded) == diagnostics)
        #expect(BrokenDeckFile.decode(Array(encoded.dropLast())) == nil)
        #expect(BrokenDeckFile.decode(encoded + [0]) == nil)
        #expect(BrokenDeckFile.decode([]) == nil)
    }

    static let brokenText = "---\nid: d\ntitle: T\nsection: S\n---\n\n## a\nQ: Fine?\nA: yes\nSource: s\n\n## b\nQ: Broken?\nWhy:\n"

    @Test func anUnchangedBrokenFileIsNotParsedAgainAndReportsTheSameErrors() throws {
        let db = try RecallDatabase.inMemory()
        let stamp = DeckFileStamp(size: Int64(Self.brokenText.utf8.count), modifiedNs: 1)
        let file = DeckFile(path: "d.md", bytes: Array(Self.brokenText.utf8), stamp: stamp)
        let (first, _) = try Self.sync(db, [file])
        let errors = first.diagnostics.filter { $0.severity == .error }
        #expect(!errors.isEmpty && first.notesParsed == 2 && first.brokenPaths == ["d.md"])
        // As a command finds it: same size and time, so the path is not even read.
        #expect(try db.brokenDeckFiles()["d.md"]?.stamp == stamp)
        let (second, _) = try Self.sync(db, [], untouched: ["d.md"])
        #expect(second.notesParsed == 0)
        #expect(second.diagnostics.filter { $0.severity == .error } == errors)
        #expect(second.brokenPaths == ["d.md"] && second.unchangedPaths.isEmpty && second.brokenDeckIDs == ["d"])
        // Touched (a new time) but the same bytes: read and hashed, not parsed; the new time is remembered.
        let touched = DeckFileStamp(size: stamp.size, modifiedNs: 2)
        let (third, _) = try Self.sync(db, [DeckFile(path: "d.md", bytes: file.bytes, stamp: touched)])
        #expect(third.notesParsed == 0 && third.diagnostics.filter { $0.severity == .error } == errors)
        #expect(try db.brokenDeckFiles()["d.md"]?.stamp == touched)
        // Fixed: parsed, loaded, and no longer remembered as broken.
        let fixed = Self.brokenText.replacingOccurrences(of: "Why:\n", with: "A: now\n")
        let (fourth, _) = try Self.sync(db, [DeckFile(path: "d.md", bytes: Array(fixed.utf8), stamp: DeckFileStamp(size: 1, modifiedNs: 3))])
        #expect(fourth.brokenPaths.isEmpty && fourth.notesParsed == 2)
        #expect(try db.brokenDeckFiles().isEmpty)
        #expect(try db.card(id: "d/b")?.card.answerText == "now")
        // Broken again, then deleted: forgotten.
        _ = try Self.sync(db, [file])
        #expect(try db.brokenDeckFiles().keys.sorted() == ["d.md"])
        _ = try Self.sync(db, [])
        #expect(try db.brokenDeckFiles().isEmpty)
    }
}
