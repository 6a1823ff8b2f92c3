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
        let database = home.appending(path: "recall.sqlite").path
        do {
            try FileManager.default.createDirectory(at: home.appending(path: "decks"), withIntermediateDirectories: true)
        } catch {
            // A data folder on a read-only file system without decks/ still has a database to read.
            if FileManager.default.fileExists(atPath: database) { return database }
            throw CLIError("cannot create the data folder \(home.path): \(error.localizedDescription)")
        }
        return database
    }

    func deckFolders(_ context: RecallContext) -> [URL] {
        decks.isEmpty ? [context.dataHome.appending(path: "decks")] : decks.map { URL(fileURLWithPath: $0) }
    }

    /// The bundled deck files (unless `--no-bundled`) and every `*.md` file of
    /// the deck folders, with the entries that could not be read (each with why).
    func deckFiles(_ context: RecallContext) throws -> DeckFiles.Listing {
        try deckFiles(context, skipping: [:])
    }

    /// As ``deckFiles(_:)``, but a file whose size and modification time are
    /// those in `known` (by path) is not read: its path comes back in
    /// `unchanged` instead. Start-up then costs a `stat` per unchanged file.
    func deckFiles(_ context: RecallContext, skipping known: [String: DeckFileStamp]) throws -> DeckFiles.Listing {
        var listing = DeckFiles.Listing()
        var userNames: Set<String> = []
        for folder in deckFolders(context) {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) else {
                if !decks.isEmpty { throw CLIError("deck folder \(folder.path) does not exist") }
                continue
            }
            for url in try isDirectory.boolValue ? DeckFiles.list(folder) : [folder] {
                userNames.insert(url.lastPathComponent)
                if let stamp = DeckFiles.stamp(url), known[url.path] == stamp {
                    listing.unchanged.append(url.path)
                } else {
                    listing.append(DeckFiles.read([url]))
                }
            }
        }
        // A file of yours named like a bundled deck (`recall decks --copy` makes one) replaces it.
        if !noBundled {
            listing.files += context.bundledDeckFiles.filter { !userNames.contains($0.name) }
                .map { DeckFile(path: BundledDeckPath.prefix + $0.name, bytes: $0.bytes, isBundled: true) }
        }
        return listing
    }
}

enum DeckFiles {
    /// The largest deck file read: far above any real deck, low enough that a
    /// link to an endless file cannot exhaust memory.
    static let maximumBytes = 64 << 20

    /// What a folder held: the files read, the entries skipped with the reason,
    /// and the paths not read because their size and time were unchanged.
    struct Listing {
        var files: [DeckFile] = []
        var unreadable: [(path: String, reason: String)] = []
        var unchanged: [String] = []

        mutating func append(_ other: Listing) {
            files += other.files
            unreadable += other.unreadable
            unchanged += other.unchanged
        }

        /// The one line per skipped entry every command prints.
        var warnings: [String] {
            unreadable.map { "warning: skipped \($0.path): \($0.reason); its deck, if any, was left as it was" }
        }
    }

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

    /// Reads each file that is a regular file (after following links) of at
    /// most ``maximumBytes``. Anything else (a directory, a FIFO, a device, a
    /// dangling link, a link loop, a file that cannot be opened) is skipped
    /// with the reason, and the rest are read: one bad entry blocks nothing.
    /// A FIFO is never opened, so nothing waits for a writer that never comes.
    static func read(_ urls: [URL]) -> Listing {
        var listing = Listing()
        for url in urls {
            switch readRegularFile(url.path) {
            case .success(let (bytes, stamp)): listing.files.append(DeckFile(path: url.path, bytes: bytes, stamp: stamp))
            case .failure(let problem): listing.unreadable.append((url.path, problem.reason))
            }
        }
        return listing
    }

    struct Problem: Error { var reason: String }

    /// The file's size and modification time (nanoseconds), or nil if it cannot be stat'ed.
    static func stamp(_ url: URL) -> DeckFileStamp? {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return nil }
        return stamp(info)
    }

    static func stamp(_ info: stat) -> DeckFileStamp {
        DeckFileStamp(size: Int64(info.st_size), modifiedNs: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
    }

    static func readRegularFile(_ path: String) -> Result<([UInt8], DeckFileStamp), Problem> {
        var info = stat()
        if stat(path, &info) != 0 {
            let code = errno
            var linkInfo = stat()
            if lstat(path, &linkInfo) == 0 && (linkInfo.st_mode & S_IFMT) == S_IFLNK {
                return .failure(
                    Problem(reason: code == ELOOP ? "it is a symbolic link loop" : "it is a symbolic link to nothing (\(String(cString: strerror(code))))"))
            }
            return .failure(Problem(reason: String(cString: strerror(code))))
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .failure(Problem(reason: "it is a folder, not a file"))
        case S_IFIFO: return .failure(Problem(reason: "it is a named pipe (FIFO), not a file"))
        case S_IFCHR, S_IFBLK: return .failure(Problem(reason: "it is a device, not a file"))
        case S_IFSOCK: return .failure(Problem(reason: "it is a socket, not a file"))
        default: return .failure(Problem(reason: "it is not a regular file"))
        }
        if Int(info.st_size) > maximumBytes {
            return .failure(Problem(reason: "it is \(info.st_size) bytes, more than a deck file may be (\(maximumBytes >> 20) MiB)"))
        }
        // O_NONBLOCK: should the entry have become a FIFO since stat, open does not wait for a writer.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(Problem(reason: String(cString: strerror(errno)))) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(info.st_size))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { buffer in Glibc.read(descriptor, buffer.baseAddress, buffer.count) }
            if count > 0 {
                bytes += chunk[0..<count]
                if bytes.count > maximumBytes {
                    return .failure(Problem(reason: "it is more than a deck file may be (\(maximumBytes >> 20) MiB)"))
                }
            } else if count == 0 {
                return .success((bytes, stamp(info)))
            } else if errno != EINTR {
                return .failure(Problem(reason: String(cString: strerror(errno))))
            }
        }
    }
}
