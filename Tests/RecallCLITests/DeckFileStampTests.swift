import Foundation
import RecallKit
import Testing

/// A deck file is read only when its size or modification time changed since the last read.
@Suite struct DeckFileStampTests {
    let fixed = Date(timeIntervalSince1970: 1_790_000_000)

    func setModified(_ sandbox: Sandbox, _ date: Date) throws {
        try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: sandbox.deckFolder.appending(path: "s.md").path)
    }

    func deck(_ answer: String) -> String {
        "---\nid: s\ntitle: S\nsection: X\n---\n\n## a\nQ: Question?\nA: \(answer)\nSource: test\n"
    }

    @Test func aFileWithTheSameSizeAndTimeIsNotReadAndATouchedOneIs() throws {
        let sandbox = try Sandbox(decks: ["s.md": deck("first")])
        try setModified(sandbox, fixed)
        #expect(sandbox.run(["show", "s/a"]).output.contains("first"))
        // Same size, same modification time: taken as unchanged, not read (the edit is not seen).
        try sandbox.write(deck: "s.md", deck("other"))
        try setModified(sandbox, fixed)
        #expect(sandbox.run(["show", "s/a"]).output.contains("first"))
        // A new modification time: read, hashed, parsed.
        try setModified(sandbox, fixed.addingTimeInterval(1))
        #expect(sandbox.run(["show", "s/a"]).output.contains("other"))
        // Touched without a change: read and hashed once, then its new time is remembered.
        try setModified(sandbox, fixed.addingTimeInterval(2))
        #expect(sandbox.run(["show", "s/a"]).output.contains("other"))
        let stamps = try sandbox.database().deckFileStamps()
        #expect(stamps.values.map(\.modifiedNs) == [Int64(fixed.timeIntervalSince1970 + 2) * 1_000_000_000])
    }
}
