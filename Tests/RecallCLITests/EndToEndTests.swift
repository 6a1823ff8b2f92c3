import Foundation
import RecallKit
import Testing

/// The real binary, driven through a pipe as a script would drive it.
@Suite struct EndToEndTests {
    var binary: URL {
        if let path = ProcessInfo.processInfo.environment["RECALL_BINARY"] { return URL(fileURLWithPath: path) }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appending(path: "recall")
    }

    func recall(_ arguments: [String], stdin: String, environment: [String: String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = environment.merging(["TZ": "UTC", "PATH": "/usr/bin:/bin"]) { a, _ in a }
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func aPipedReviewOfTheBundledDecksIsCommittedToTheDatabase() throws {
        #expect(FileManager.default.isExecutableFile(atPath: binary.path), "build the recall binary first: \(binary.path)")
        let sandbox = try Sandbox(decks: [:])
        let environment = sandbox.environment.merging(["RECALL_NOW": "2026-11-29T21:30:00Z"]) { _, b in b }
        let first = try recall(["review", "--limit", "3"], stdin: "\n5\n\n2\n\n4\n\n5\n", environment: environment)
        #expect(first.status == 0, "\(first.output)")
        #expect(first.output.contains("[1/3]"))
        #expect(first.output.contains("Session: 4 answers (3 right, 1 wrong)"))
        #expect(!first.output.contains("\u{1B}["), "no colour through a pipe")

        let db = try sandbox.database()
        let logs = try db.cards().flatMap { try db.history(cardID: $0.card.qualifiedID) }
        #expect(logs.map(\.grade.value).sorted() == [2, 4, 5, 5])
        #expect(logs.allSatisfy { $0.studyDay == StudyDay("2026-11-29") && $0.reviewedAt == "2026-11-29T21:30:00Z" })
        #expect(logs.filter { $0.kind == .redrill }.count == 1)

        // The next morning, before 4:00, is still the same study day; after it, the lapsed card is due.
        let early = try recall(["due", "--json"], stdin: "", environment: sandbox.environment.merging(["RECALL_NOW": "2026-11-30T03:59:00Z"]) { _, b in b })
        #expect(early.output.contains("\"kind\" : \"new\""))
        let later = try recall(["due"], stdin: "", environment: sandbox.environment.merging(["RECALL_NOW": "2026-11-30T09:00:00Z"]) { _, b in b })
        #expect(later.output.contains("2026-11-30: 3 due"))
    }

    @Test func aPipedInterviewGivesTheSameReportByteForByte() throws {
        var outputs: [String] = []
        var reports: [String] = []
        for _ in 0..<2 {
            let sandbox = try Sandbox(decks: [:])
            let report = sandbox.root.appending(path: "report.md").path
            let run = try recall(
                ["interview", "--count", "6", "--seed", "2026", "--time", "45s", "--report", report],
                stdin: "a\nb\nw\ndocker ps -a\n\nr\nc\n", environment: sandbox.environment)
            #expect(run.status == 0, "\(run.output)")
            outputs.append(run.output.replacingOccurrences(of: report, with: "REPORT"))
            reports.append(try String(contentsOfFile: report, encoding: .utf8))
            #expect(try sandbox.database().reviewCount() == 0)
        }
        #expect(outputs[0] == outputs[1])
        #expect(reports[0] == reports[1])
        #expect(outputs[0].contains("Interview report · 2026-11-29 · seed 2026"))
    }

    @Test func helpAndVersion() throws {
        let sandbox = try Sandbox(decks: [:])
        let help = try recall(["--help"], stdin: "", environment: sandbox.environment)
        #expect(help.status == 0)
        for command in ["review", "interview", "due", "show", "grade", "list", "decks", "suspend", "unsuspend", "config", "check"] {
            #expect(help.output.contains("  \(command)"), "\(command) in --help")
        }
    }
}
