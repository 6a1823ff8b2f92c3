import Foundation
import RecallCLI
import RecallKit
import Testing

/// A data folder, a deck folder and a fixed "now", for running commands as a user would.
final class Sandbox {
    let root: URL
    var now = "2026-11-29T09:00:00Z"
    /// More environment for every run (e.g. `LANG`, `NO_COLOR`).
    var extraEnvironment: [String: String] = [:]
    /// When set, every run treats the database as one it cannot write, for this reason (as a
    /// read-only file or file system would; the tests run as root, whom permissions do not stop).
    var databaseReadOnlyReason: String?

    init(decks: [String: String] = ["sample.md": sampleDeckText]) throws {
        root = FileManager.default.temporaryDirectory.appending(path: "recall-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: deckFolder, withIntermediateDirectories: true)
        for (name, text) in decks { try write(deck: name, text) }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    var deckFolder: URL { root.appending(path: "home/decks") }
    var databasePath: String { root.appending(path: "home/recall.sqlite").path }

    func write(deck name: String, _ text: String) throws {
        try Data(text.utf8).write(to: deckFolder.appending(path: name))
    }

    var environment: [String: String] {
        ["RECALL_HOME": root.appending(path: "home").path, "RECALL_NOW": now].merging(extraEnvironment) { _, extra in extra }
    }

    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    /// Runs `recall ARGUMENTS --no-bundled` in-process, typing `input` line by line.
    @discardableResult
    func run(
        _ arguments: [String], input: [String] = [], bundled: Bool = false, clock: (() -> Date)? = nil,
        terminal: Bool = false
    ) -> Run {
        let console = ScriptedConsole(input: input, isTerminal: terminal)
        var environment = environment
        // A test that brings its own clock wants it to run, so RECALL_NOW (which stops it) is left out.
        if clock != nil { environment["RECALL_NOW"] = nil }
        let readOnlyReason = databaseReadOnlyReason
        let context = RecallContext(
            console: console, environment: environment, clock: clock ?? { Date(timeIntervalSince1970: 0) },
            timeZone: TimeZone(identifier: "UTC")!, bundledDeckFiles: bundled ? RecallContext.live().bundledDeckFiles : [],
            databaseReadOnlyReason: { path in readOnlyReason ?? RecallDatabase.readOnlyReason(path: path) })
        let status = RecallCommand.run(arguments, in: context)
        return Run(status: status, output: console.output, errors: console.errors)
    }

    func database() throws -> RecallDatabase { try RecallDatabase(path: databasePath) }
}

let sampleDeckText = """
    ---
    id: sample
    title: Sample deck
    title_zh: 样例
    section: Pre-training
    section_zh: 大模型的预训练技术
    ---

    ## zero
    C: ZeRO-3 also shards {{parameters}}.
    Source: Rajbhandari et al. (2020), arXiv:1910.02054

    ## bubble
    Q: What is the GPipe bubble fraction?
    A: (p-1)/(m+p-1)
    Source: Huang et al. (2019), arXiv:1811.06965

    ## awq
    M: Which signal finds AWQ's salient channels?
    - [ ] Weight magnitude
    - [x] Activation magnitude
    - [ ] Hessian diagonal
    Source: Lin et al. (2024), arXiv:2306.00978

    ## logs
    T: Follow the logs of the container web.
    A: docker logs -f web
    Alt: docker logs --follow web
    Why: -f streams new output.
    Source: Docker docs, docker container logs
    """

/// A clock that moves on by `step` seconds each time it is read, from 2026-11-29 09:00 UTC.
final class SteppingClock: @unchecked Sendable {
    private var now = Date(timeIntervalSince1970: 1_795_942_800)
    let step: TimeInterval

    init(step: TimeInterval) { self.step = step }

    func read() -> Date {
        defer { now += step }
        return now
    }
}
