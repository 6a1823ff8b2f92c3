import Foundation
import RecallKit

/// An open database with the decks synchronised: what most commands start from.
struct Library {
    var database: RecallDatabase
    var settings: Settings
    var moment: Moment
    var deckDiagnostics: [DeckDiagnostic]

    var today: StudyDay { moment.studyDay(startHour: settings.dayStartHour) }

    /// What a command does with the database, so that one that only reads
    /// still works on a database this process cannot write.
    enum Access {
        /// Reads only (list, show, stats …): on a read-only database, runs on what is stored.
        case read
        /// Writes (review, grade, import, config set …): on a read-only database, refused before
        /// anything is asked or typed. The associated text names the command in that message.
        case write(String)
    }

    /// Opens the database (creating the data folder and database on first use),
    /// reads the deck files and brings the database up to date with them.
    /// Problems in deck files are printed as warnings; those decks are left as they were.
    ///
    /// When the database cannot be written (``RecallContext/databaseReadOnlyReason``:
    /// its permissions, its folder's, a read-only file system), a command that
    /// writes is refused with a sentence naming the file and what to do; one
    /// that reads opens it read-only and does not sync (syncing writes): it
    /// shows what was stored at the last sync, and says so in one line on
    /// standard error if the deck files differ from that.
    static func open(
        _ options: GlobalOptions, _ context: RecallContext, for access: Access,
        reportDecks: Bool = true
    ) throws -> Library {
        let moment = try context.moment()
        let dbPath = try options.databasePath(context)
        let console = SendableConsole(context.console)
        let lockWait = RecallDatabase.LockWait { seconds in
            console.console.writeError("recall: waiting for another process to finish writing to the database (\(seconds) s so far); your input is kept…\n")
        }
        if let reason = context.databaseReadOnlyReason(dbPath) {
            if case .write(let command) = access {
                throw CLIError(
                    "the database \(dbPath) is read-only (\(reason)), so 'recall \(command)' cannot save anything; nothing was changed. "
                        + "Commands that only read (list, show, due, stats, map, export, decks, check) still work; to write, make the file and "
                        + "its folder writable, or copy the database to a writable place and pass --db COPY")
            }
            return try openReadOnly(options, context, path: dbPath, moment: moment, lockWait: lockWait, reportDecks: reportDecks)
        }
        let database: RecallDatabase
        do {
            database = try RecallDatabase(path: dbPath, lockWait: lockWait)
        } catch let error as RecallDatabase.OpenError {
            throw CLIError(error.description)
        }
        // A deck file with the size and modification time of its last read is not read at all;
        // one that was touched but not changed is read and hashed, and not parsed.
        let known = try database.deckFingerprints()
        // A file found broken is remembered with its errors: unchanged, it is reported again without a read.
        let broken = try database.brokenDeckFiles()
        var stamps = try database.deckFileStamps()
        for (path, file) in broken { stamps[path] = file.stamp }
        let listing = try options.deckFiles(context, skipping: stamps)
        if reportDecks {
            for warning in listing.warnings { context.console.writeError("recall: \(warning)\n") }
        }
        let files = listing.files
        let knownIDs = try database.deckIDsByPath()
        let loaded = DeckLoader.load(
            files, unreadablePaths: listing.unreadable.map(\.path), untouchedPaths: listing.unchanged,
            isUnchanged: { path, hash in known[path] == hash }, deckIDOfUnchanged: { knownIDs[$0] },
            previousIndex: { try? database.deckBlockIndex(path: $0) }, knownBroken: broken)
        try database.recordStamps(files.filter { loaded.unchangedPaths.contains($0.path) })
        let errors = loaded.diagnostics.filter { $0.severity == .error }
        if reportDecks && !errors.isEmpty {
            for diagnostic in errors { context.console.writeError(diagnostic.description + "\n") }
            context.console.writeError(
                "recall: \(Set(loaded.brokenPaths).count - listing.unreadable.count) deck file(s) have errors and were not loaded; nothing about them changed. Run 'recall check' for details.\n"
            )
        }
        try database.synchronize(loaded)
        return Library(database: database, settings: try database.settings(), moment: moment, deckDiagnostics: loaded.diagnostics)
    }

    /// The database opened read-only and not synced. The deck files are
    /// looked at as a sync would (a file with its stored size and time is not
    /// read), only to tell the user when what is shown is older than the decks.
    private static func openReadOnly(
        _ options: GlobalOptions, _ context: RecallContext, path: String, moment: Moment,
        lockWait: RecallDatabase.LockWait, reportDecks: Bool
    ) throws -> Library {
        let database: RecallDatabase
        do {
            database = try RecallDatabase(readOnlyAt: path, lockWait: lockWait)
        } catch let error as RecallDatabase.OpenError {
            throw CLIError(error.description)
        }
        if reportDecks {
            // Compared by content, so a moved data folder (new paths, same files) is not a change;
            // an entry that cannot be read now is left out on both sides, as a sync would leave its deck.
            let known = try database.deckFingerprints()
            let listing = try options.deckFiles(context, skipping: try database.deckFileStamps())
            let unreadable = Set(listing.unreadable.map(\.path))
            let onDisk = Set(listing.files.map(\.contentHash) + listing.unchanged.compactMap { known[$0] })
            let stored = Set(known.filter { !unreadable.contains($0.key) }.values)
            if onDisk != stored {
                context.console.writeError(
                    "recall: the database \(path) is read-only, so the deck files, which changed since, were not synced into it: "
                        + "shown as last synced\n")
            }
        }
        return Library(database: database, settings: try database.settings(), moment: moment, deckDiagnostics: [])
    }

    /// Fails with the one message every command gives when `--deck` names no deck.
    func requireDecks(_ ids: [String]) throws {
        guard !ids.isEmpty else { return }
        let known = Set(try database.decks().map(\.deck.id))
        if let unknown = ids.first(where: { !known.contains($0) }) {
            throw CLIError("no deck '\(unknown)'; 'recall decks' lists them")
        }
    }

    /// Fails with the one message every command gives when `--section` names no section.
    func requireSections(_ names: [String]) throws {
        guard !names.isEmpty else { return }
        let decks = try database.decks().map(\.deck)
        for name in names where !decks.contains(where: { CardFilter.sameSection(name, $0.section, $0.sectionZh) }) {
            let known = Set(decks.map(\.section)).sorted().joined(separator: ", ")
            throw CLIError("no section '\(name)'; the sections are: \(known)")
        }
    }
}

/// The console, for the lock-wait message SQLite's busy handler gives on the same thread.
struct SendableConsole: @unchecked Sendable {
    let console: Console
    init(_ console: Console) { self.console = console }
}
