import ArgumentParser
import Foundation
import RecallKit

/// Where the database and the decks are: shared by every command.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The database file (default: recall.sqlite in the data folder).", valueName: "path"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("A folder of your own deck files, instead of decks/ in the data folder (repeatable).", valueName: "dir"))
    var decks: [String] = []

    @Flag(name: .long, help: "Leave out the decks bundled with Recall.")
    var noBundled = false

    func databasePath(_ context: RecallContext) throws -> String {
        if let db { return db }
        let home = context.dataHome
        do {
            try FileManager.default.createDirectory(at: home.appending(path: "decks"), withIntermediateDirectories: true)
        } catch {
            throw CLIError("cannot create the data folder \(home.path): \(error.localizedDescription)")
        }
        return home.appending(path: "recall.sqlite").path
    }

    func deckFolders(_ context: RecallContext) -> [URL] {
        decks.isEmpty ? [context.dataHome.appending(path: "decks")] : decks.map { URL(fileURLWithPath: $0) }
    }

    /// The bundled deck files (unless `--no-bundled`) and every `*.md` file of the deck folders.
    func deckFiles(_ context: RecallContext) throws -> [DeckFile] {
        try deckFiles(context, skipping: [:]).files
    }

    /// As ``deckFiles(_:)``, but a file whose size and modification time are
    /// those in `known` (by path) is not read: its path comes back in
    /// `unchanged` instead. Start-up then costs a `stat` per unchanged file.
    func deckFiles(_ context: RecallContext, skipping known: [String: DeckFileStamp]) throws -> (files: [DeckFile], unchanged: [String]) {
        var files: [DeckFile] = []
        var unchanged: [String] = []
        var userFiles: [DeckFile] = []
        var userNames: Set<String> = []
        for folder in deckFolders(context) {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) else {
                if !decks.isEmpty { throw CLIError("deck folder \(folder.path) does not exist") }
                continue
            }
            for url in try isDirectory.boolValue ? DeckFiles.list(folder) : [folder] {
                userNames.insert(url.lastPathComponent)
                let stamp = DeckFiles.stamp(url)
                if let stamp, known[url.path] == stamp {
                    unchanged.append(url.path)
                } else {
                    userFiles.append(try DeckFiles.read(url, stamp: stamp))
                }
            }
        }
        // A file of yours named like a bundled deck (`recall decks --copy` makes one) replaces it.
        if !noBundled {
            files += context.bundledDeckFiles.filter { !userNames.contains($0.name) }
                .map { DeckFile(path: BundledDeckPath.prefix + $0.name, bytes: $0.bytes) }
        }
        files += userFiles
        return (files, unchanged)
    }
}

enum DeckFiles {
    /// The deck files of a folder: `*.md` except README.md, sorted by name.
    static func list(_ folder: URL) throws -> [URL] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw CLIError("cannot read the deck folder \(folder.path): \(error.localizedDescription)")
        }
        return names.filter { $0.hasSuffix(".md") && $0 != "README.md" }.sorted().map { folder.appending(path: $0) }
    }

    static func read(_ urls: [URL]) throws -> [DeckFile] {
        try urls.map { try read($0, stamp: stamp($0)) }
    }

    static func read(_ url: URL, stamp: DeckFileStamp?) throws -> DeckFile {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw CLIError("cannot read the deck file \(url.path)")
        }
        return DeckFile(path: url.path, bytes: [UInt8](data), stamp: stamp)
    }

    /// The file's size and modification time (nanoseconds), or nil if it cannot be stat'ed.
    static func stamp(_ url: URL) -> DeckFileStamp? {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return nil }
        return DeckFileStamp(size: Int64(info.st_size),
                             modifiedNs: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
    }
}
