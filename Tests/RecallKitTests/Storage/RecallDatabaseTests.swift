import Foundation
import Testing

@testable import RecallKit

/// A deck file with cards `ids` (basic cards whose question and answer can be varied).
func deckFile(_ deckID: String = "d", ids: [String], answer: String = "an answer", path: String? = nil) -> DeckFile {
    var text = "---\nid: \(deckID)\ntitle: Deck \(deckID)\nsection: Section\n---\n"
    for id in ids { text += "\n## \(id)\nQ: Question \(id)?\nA: \(answer)\nSource: test\n" }
    return DeckFile(path: path ?? "\(deckID).md", bytes: Array(text.utf8))
}

let november29 = StudyDay("2026-11-29")!
let moment = Moment(instant: Date(timeIntervalSince1970: 1_796_000_000), timeZone: TimeZone(identifier: "UTC")!)

func grade(_ value: Int) -> Grade { Grade(value) ?? Grade(0)! }

@Suite struct RecallDatabaseTests {
    @Test func historySurvivesAnEditOfTheCardText() throws {
        let db = try RecallDatabase.inMemory()
        try db.synchronize(DeckLoader.load([deckFile(ids: ["a", "b"])]))
        try db.recordAnswer(cardID: "d/a", grade: grade(5), at: moment, today: november29, durationMs: 1200)
        try db.synchronize(DeckLoader.load([deckFile(ids: ["a", "b"], answer: "an edited answer")]))
        let card = try #require(try db.card(id: "d/a"))
        #expect(card.card.answerText == "an edited answer")
        #expect(card.schedule.sm2.repetitions == 1)
        #expect(card.schedule.dueDay == StudyDay("2026-11-30"))
        #expect(try db.history(cardID: "d/a").count == 1)
    }

    @Test func removingACardRetiresItAndPuttingItBackRestoresIt() throws {
        let db = try RecallDatabase.inMemory()
        try db.synchronize(DeckLoader.load([deckFile(ids: ["a", "b"])]))
        try db.recordAnswer(cardID: "d/b", grade: grade(4), at: moment, today: november29, durationMs: 0)
        let report = try db.synchronize(DeckLoader.load([deckFile(ids: ["a"])]))
        #expect(report.cardsRetired == 1)
        #expect(try db.cards().map(\.card.qualifiedID) == ["d/a"])
        #expect(try db.queueCandidates(today: november29.adding(days: 5)).map(\.cardID) == ["d/a"])
        #expect(try db.history(cardID: "d/b").count == 1)
        try db.synchronize(DeckLoader.load([deckFile(ids: ["a", "b"])]))
        #expect(try db.card(id: "d/b")?.schedule.sm2.repetitions == 1)
        #expect(try db.cards().count == 2)
    }

    @Test func aDeckFileThatGoesAwayRetiresItsDeckButABrokenOneChangesNothing() throws {
        let db = try RecallDatabase.inMemory()
        try db.synchronize(DeckLoader.load([deckFile("x", ids: ["a"]), deckFile("y", ids: ["b"])]))
        let broken = DeckFile(path: "y.md", bytes: Array("---\nid: y\n".utf8))
        let result = DeckLoader.load([deckFile("x", ids: ["a"]), broken])
        #expect(result.brokenPaths == ["y.md"])
        try db.synchronize(result)
        #expect(try db.cards().map(\.card.qualifiedID) == ["x/a", "y/b"])
        try db.synchronize(DeckLoader.load([deckFile("x", ids: ["a"])]))
        #expect(try db.decks().map(\.deck.id) == ["x"])
        #expect(try db.cards().map(\.card.qualifiedID) == ["x/a"])
    }

    @Test func loadingIsIdempotent() throws {
        let db = try RecallDatabase.inMemory()
        let files = [deckFile(ids: ["a", "b"])]
        let first = try db.synchronize(DeckLoader.load(files))
        #expect(first.cardsAdded == 2)
        let known = try db.deckFingerprints()
        let second = DeckLoader.load(files) { known[$0] == $1 }
        #expect(second.unchangedPaths == ["d.md"])
        let report = try db.synchronize(second)
        #expect(report == RecallDatabase.SyncReport())
        #expect(try db.cards().count == 2)
    }

    @Test func anAnswerWritesTheLogRowAndTheStateTogether() throws {
        let db = try RecallDatabase.inMemory()
        try db.synchronize(DeckLoader.load([deckFile(ids: ["a"])]))
        let recorded = try db.recordAnswer(cardID: "d/a", grade: grade(3), at: moment, today: november29, durationMs: 4321)
        let log = try #require(try db.history(cardID: "d/a").first)
        #expect(log == recorded.log)
        #expect(log.kind == .new && log.grade == grade(3) && log.durationMs == 4321)
        #expect(log.previousIntervalDays == 0 && log.newIntervalDays == 1)
        #expect(log.previousEasiness == 2.5 && abs(log.newEasiness - 2.36) < 1e-12)
        #expect(try db.card(id: "d/a")?.schedule == recorded.schedule)
        #expect(throws: RecallDatabase.CardLookupError.self) {
            try db.recordAnswer(cardID: "d/missing", grade: grade(3), at: moment, today: november29, durationMs: 0)
        }
        #expect(try db.reviewCount() == 1)
    }

    @Test func aSecondAnswerTheSameDayIsARedrillThatLeavesTheScheduleAlone() throws {
        let db = try RecallDatabase.inMemory()
        try db.synchronize(DeckLoader.load([deckFile(ids: ["a", "b"])]))
        try db.recordAnswer(cardID: "d/a", grade: grade(3), at: moment, today: november29, durationMs: 0)
        try db.recordAnswer(cardID: "d/b", grade: grade(5), at: moment, today: november29, durationMs: 0)
        #expect(try db.redrillCardIDs(today: november29) == ["d/a"])
        let before = try db.card(id: "d/a")?.schedule
        let again = try db.recordAnswer(cardID: "d/a", grade: grade(2), at: moment, today: november29, durationMs: 0)
        #expect(again.log.kind == .redrill)
        #expect(try db.card(id: "d/a")?.schedule == before)
        #expect(try db.redrillCardIDs(today: november29) == ["d/a"])
        try db.recordAnswer(cardID: "d/a", grade: grade(4), at: moment, today: november29, durationMs: 0)
        #expect(try db.redrillCardIDs(today: november29).isEmpty)
        #expect(try db.history(cardID: "d/a").map(\.kind) == [.new, .redrill, .redrill])
        #expect(try db.redrillCardIDs(today: november29.adding(days: 1)).isEmpty)
    }

    @Test func undoRestoresTheStateAndRemovesTheLogRow() throws {
        let db = try RecallDatabase.inMemory()
        try db.synchronize(DeckLoader.load([deckFile(ids: ["a"])]))
        let first = try db.recordAnswer(cardID: "d/a", grade: grade(5), at: moment, today: november29, durationMs: 0)
        let next = november29.adding(days: 1)
        let second = try db.recordAnswer(cardID: "d/a", grade: grade(1), at: moment, today: next, durationMs: 0)
        #expect(second.schedule.lapses == 1)
        // Only the card's latest answer can be undone.
        #expect(try db.undo(logID: try #require(first.log.id)) == nil)
        #expect(try db.undo(logID: try #require(second.log.id)) != nil)
        #expect(try db.card(id: "d/a")?.schedule == first.schedule)
        #expect(try db.history(cardID: "d/a").count == 1)
        #expect(try db.undo(logID: try #require(first.log.id)) != nil)
        #expect(try db.card(id: "d/a")?.schedule == .new)
        #expect(try db.history(cardID: "d/a").isEmpty)
    }

    @Test func buriedAndSuspendedCardsAreNotCandidates() throws {
        let db = try RecallDatabase.inMemory()
        try db.synchronize(DeckLoader.load([deckFile(ids: ["a", "b", "c"])]))
        try db.bury(cardID: "d/a", until: november29.adding(days: 1))
        #expect(try db.setSuspended(cardID: "d/b", true))
        #expect(try !db.setSuspended(cardID: "d/b", true))
        #expect(try db.queueCandidates(today: november29).map(\.cardID) == ["d/c"])
        #expect(try db.queueCandidates(today: november29.adding(days: 1)).map(\.cardID).sorted() == ["d/a", "d/c"])
    }

    @Test func cardsAreNamedByAUniquePrefix() throws {
        let db = try RecallDatabase.inMemory()
        try db.synchronize(DeckLoader.load([deckFile(ids: ["zero-one", "zero-two", "bubble"])]))
        #expect(try db.resolveCard("d/bub") == "d/bubble")
        #expect(try db.resolveCard("d/zero-one") == "d/zero-one")
        #expect(throws: RecallDatabase.CardLookupError.self) { try db.resolveCard("d/zero") }
        #expect(throws: RecallDatabase.CardLookupError.self) { try db.resolveCard("nope") }
        #expect(throws: RecallDatabase.CardLookupError.self) { try db.resolveCard("d/%") }
    }

    @Test func settingsPersist() throws {
        let db = try RecallDatabase.inMemory()
        #expect(try db.settings() == Settings())
        try db.set(.newCardsPerDay, to: 5)
        #expect(try db.settings().newCardsPerDay == 5)
        #expect(throws: Settings.ValueError.self) { try Settings.parse("25", for: .dayStartHour) }
    }

    @Test func onDiskDatabaseIsDurableAndRefusesANewerSchema() throws {
        let path = FileManager.default.temporaryDirectory.appending(path: "recall-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let db = try RecallDatabase(path: path)
        #expect(try db.pragma("journal_mode") == "wal")
        #expect(try db.pragma("synchronous") == "2")  // FULL
        try db.synchronize(DeckLoader.load([deckFile(ids: ["a"])]))
        try db.recordAnswer(cardID: "d/a", grade: grade(5), at: moment, today: november29, durationMs: 0)
        // A second connection sees the committed answer at once.
        #expect(try RecallDatabase(path: path).history(cardID: "d/a").count == 1)
        try db.writer.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v999-from-the-future')") }
        #expect(throws: RecallDatabase.OpenError.self) { try RecallDatabase(path: path) }
    }
}
