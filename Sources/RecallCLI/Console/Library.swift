import Foundation
import RecallKit

/// An open database with the decks synchronised: what most commands start from.
struct Library {
    var database: RecallDatabase
    var settings: Settings
    var moment: Moment
    var deckDiagnostics: [DeckDiagnostic]

    var today: StudyDay { moment.studyDay(startHour: settings.dayStartHour) }

    /// Opens the database (creating the data folder and database on first use),
    /// reads the deck files and brings the database up to date with them.
    /// Problems in deck files are printed as warnings; those decks are left as they were.
    static func open(_ options: GlobalOptions, _ context: RecallContext, reportDecks: Bool = true) throws -> Library {
        let moment = try context.moment()
        let dbPath = try options.databasePath(context)
        let database: RecallDatabase
        do {
            let console = SendableConsole(context.console)
            database = try RecallDatabase(path: dbPath, lockWait: RecallDatabase.LockWait { seconds in
                console.console.writeError("recall: waiting for another process to finish writing to the database (\(seconds) s so far); your input is kept…\n")
            })
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
        let loaded = DeckLoader.load(files, unreadablePaths: listing.unreadable.map(\.path), untouchedPaths: listing.unchanged,
                                     isUnchanged: { path, hash in known[path] == hash }, deckIDOfUnchanged: { knownIDs[$0] },
                                     previousIndex: { try? database.deckBlockIndex(path: $0) }, knownBroken: broken)
        try database.recordStamps(files.filter { loaded.unchangedPaths.contains($0.path) })
        let errors = loaded.diagnostics.filter { $0.severity == .error }
        if reportDecks && !errors.isEmpty {
            for diagnostic in errors { context.console.writeError(diagnostic.description + "\n") }
            context.console.writeError("recall: \(Set(loaded.brokenPaths).count - listing.unreadable.count) deck file(s) have errors and were not loaded; nothing about them changed. Run 'recall check' for details.\n")
        }
        try database.synchronize(loaded)
        return Library(database: database, settings: try database.settings(), moment: moment, deckDiagnostics: loaded.diagnostics)
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
