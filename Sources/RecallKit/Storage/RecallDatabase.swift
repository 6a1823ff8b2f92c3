import Foundation
import GRDB

/// The one door to Recall's SQLite database.
///
/// It migrates on open and refuses a database written by a newer Recall.
/// Every public method that writes is one transaction that keeps an
/// invariant: recording an answer writes the review-log row and the card's
/// new state together, or neither.
///
/// Durability: the database runs in WAL mode with `synchronous = FULL`, set
/// after opening because GRDB's WAL set-up lowers it to NORMAL. NORMAL can
/// lose the last commits on a power cut; a review is one human answer every
/// few seconds, so an fsync per answer costs nothing anyone notices and
/// "committed before the next card is shown" stays true even then.
/// See docs/storage.md.
public final class RecallDatabase: Sendable {
    let writer: DatabaseQueue
    /// True when opened with ``init(readOnlyAt:)``: every write fails with SQLite's read-only error.
    public let isReadOnly: Bool

    public enum OpenError: Error, CustomStringConvertible {
        case newerSchema(path: String)
        case cannotOpen(path: String, reason: String)
        /// The file exists but is not a Recall database: refused, never replaced.
        case notADatabase(path: String, reason: String)
        /// Opened read-only, but its schema is older than this Recall's: bringing it up to date would write.
        case readOnlyNeedsUpgrade(path: String)

        public var description: String {
            switch self {
            case .newerSchema(let path):
                "\(path) was written by a newer version of Recall; upgrade Recall to open it (nothing was changed)"
            case .cannotOpen(let path, let reason):
                "cannot open the database \(path): \(reason)"
            case .notADatabase(let path, let reason):
                "\(path) is not a Recall database: \(reason). Nothing was changed. If it is a damaged copy of your database, restore a backup (recall import BACKUP.json --db NEW-FILE); to start afresh, move the file away"
            case .readOnlyNeedsUpgrade(let path):
                "\(path) was written by an older version of Recall and must be brought up to date, which writes to it, but it is read-only; nothing was changed. Make the file and its folder writable and run any command once"
            }
        }
    }

    /// How long to wait for another process that holds the write lock, and
    /// whom to tell that we are waiting.
    public struct LockWait: Sendable {
        /// The longest wait before a write gives up (a re-sync of a 100k-card
        /// deck holds the lock ~25 s; ten minutes leaves a wide margin).
        public var limitSeconds: Double
        /// Called once after a second of waiting, then every ten seconds, with the seconds waited so far.
        public var onWait: @Sendable (_ seconds: Int) -> Void

        public init(limitSeconds: Double = 600, onWait: @escaping @Sendable (_ seconds: Int) -> Void = { _ in }) {
            self.limitSeconds = limitSeconds
            self.onWait = onWait
        }

        static let pollMilliseconds = 10

        /// SQLite's busy handler: sleep and try again, telling `onWait` now and then, until the limit.
        var busyMode: Database.BusyMode {
            let limit = Int(limitSeconds * 1000) / Self.pollMilliseconds
            let onWait = onWait
            return .callback { tries in
                guard tries < limit else { return false }
                let waited = tries * Self.pollMilliseconds
                if waited == 1000 || (waited > 1000 && waited % 10_000 == 0) { onWait(waited / 1000) }
                usleep(useconds_t(Self.pollMilliseconds * 1000))
                return true
            }
        }
    }

    /// Opens the database at `path`, creating it only when there is no file there.
    ///
    /// - A file that exists must be an SQLite database: an empty file or any
    ///   other content is refused (``OpenError/notADatabase(path:reason:)``),
    ///   never replaced, because it may be the user's damaged history.
    /// - A new database is built and migrated under a temporary name and
    ///   linked into place atomically, so processes starting together on an
    ///   empty data folder never see a half-made database; pending migrations
    ///   of an existing one run under an exclusive `flock` of the file, so two
    ///   processes never run the same migration.
    /// - A write lock held by another process is waited for (``LockWait``).
    public convenience init(path: String, lockWait: LockWait = LockWait()) throws {
        if !FileManager.default.fileExists(atPath: path) {
            try Self.create(path: path, lockWait: lockWait)
        }
        try Self.checkIsDatabase(path: path)
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: Self.configuration(lockWait))
            try queue.writeWithoutTransaction { db in
                if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
                    try db.execute(sql: "PRAGMA journal_mode = WAL")
                }
                try db.execute(sql: "PRAGMA synchronous = FULL")
            }
        } catch let error as DatabaseError {
            throw OpenError.cannotOpen(path: path, reason: StorageFault.sentence(forDatabaseError: error, path: nil))
        }
        try self.init(queue: queue, path: path, lockedFile: path, readOnly: false)
    }

    /// Opens the existing database at `path` for reading only (SQLite's
    /// `SQLITE_OPEN_READONLY`), for a file this process may not write: its
    /// permissions, its folder's, or a read-only file system
    /// (``readOnlyReason(path:)``). Nothing is created, migrated or changed,
    /// and every write fails with SQLite's read-only error.
    ///
    /// A WAL database whose `-shm` file is missing and cannot be created (the
    /// last writer closed it cleanly and the folder is read-only) cannot be
    /// read the usual way, which needs that file; it is then opened as
    /// *immutable* (`file:…?immutable=1`): no locks and no `-shm`, which is
    /// right for a file no one can write. A database written by an older Recall
    /// is refused (``OpenError/readOnlyNeedsUpgrade(path:)``): upgrading writes.
    public convenience init(readOnlyAt path: String, lockWait: LockWait = LockWait()) throws {
        try Self.checkIsDatabase(path: path)
        var configuration = Self.configuration(lockWait)
        configuration.readonly = true
        func readable(_ name: String) throws -> DatabaseQueue {
            let queue = try DatabaseQueue(path: name, configuration: configuration)
            try queue.read { db in _ = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master") }
            return queue
        }
        let queue: DatabaseQueue
        do {
            do {
                queue = try readable(path)
            } catch let error as DatabaseError
                where [.SQLITE_READONLY, .SQLITE_CANTOPEN].contains(error.resultCode.primaryResultCode)
            {
                queue = try readable(Self.immutableURI(path))
            }
        } catch let error as DatabaseError {
            throw OpenError.cannotOpen(path: path, reason: StorageFault.sentence(forDatabaseError: error, path: nil))
        }
        try self.init(queue: queue, path: path, lockedFile: nil, readOnly: true)
    }

    /// `file:PATH?immutable=1`, the path percent-encoded as SQLite's URI filenames want.
    public static func immutableURI(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        return "file:" + (path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path) + "?immutable=1"
    }

    /// Why this process cannot write the database at `path`, or nil when it
    /// can (or when there is no file there yet: creating one reports its own
    /// errors). SQLite writes the file and, for its WAL and shared-memory
    /// files, its folder, so both must be writable, unless both of those
    /// files exist and are writable already.
    ///
    /// Asked with access(2), so it is true for the user running Recall: root
    /// may write a file without write permission, but not on a read-only mount.
    public static func readOnlyReason(path: String) -> String? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        func why(_ code: Int32, _ what: String) -> String {
            code == EROFS ? "it is on a read-only file system" : "\(what): \(String(cString: strerror(code)).lowercased())"
        }
        if access(path, W_OK) != 0 { return why(errno, "you may not write to it") }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        if access(folder, W_OK) != 0 {
            let code = errno
            let sideFiles = ["-wal", "-shm"].map { path + $0 }
            if code != EROFS && sideFiles.allSatisfy({ access($0, W_OK) == 0 }) { return nil }
            return why(code, "you may not write to its folder \(folder), where SQLite keeps its journal")
        }
        return nil
    }

    /// A private database in memory, for tests and dry runs.
    public static func inMemory() throws -> RecallDatabase {
        try RecallDatabase(queue: DatabaseQueue(configuration: configuration(LockWait())), path: ":memory:", lockedFile: nil, readOnly: false)
    }

    private init(queue: DatabaseQueue, path: String, lockedFile: String?, readOnly: Bool) throws {
        writer = queue
        isReadOnly = readOnly
        let migrator = Migrations.migrator
        let (superseded, complete) = try queue.read { db in (try migrator.hasBeenSuperseded(db), try migrator.hasCompletedMigrations(db)) }
        if superseded { throw OpenError.newerSchema(path: path) }
        if !complete && readOnly { throw OpenError.readOnlyNeedsUpgrade(path: path) }
        if !complete {
            try Self.withExclusiveFlock(lockedFile) {
                if try queue.read({ db in try migrator.hasBeenSuperseded(db) }) { throw OpenError.newerSchema(path: path) }
                try migrator.migrate(queue)
            }
        }
    }

    /// Runs `body` holding an exclusive `flock` on `path` (nil: no file, no lock).
    /// flock and SQLite's own fcntl locks do not interact on Linux, so this
    /// serialises migrations between processes without touching SQLite's locking.
    static func withExclusiveFlock(_ path: String?, _ body: () throws -> Void) throws {
        guard let path else { return try body() }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return try body() }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
        defer { flock(descriptor, LOCK_UN) }
        try body()
    }

    /// Builds a migrated database next to `path` and links it into place,
    /// unless another process got there first (then theirs is used).
    static func create(path: String, lockWait: LockWait) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appending(path: ".\(url.lastPathComponent).new-\(getpid())-\(UUID().uuidString.prefix(8))").path
        defer {
            for suffix in ["", "-wal", "-shm", "-journal"] { unlink(temporary + suffix) }
        }
        do {
            let queue = try DatabaseQueue(path: temporary, configuration: configuration(lockWait))
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = WAL")
                try db.execute(sql: "PRAGMA synchronous = FULL")
            }
            try Migrations.migrator.migrate(queue)
            try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
            try queue.close()
        } catch let error as DatabaseError {
            throw OpenError.cannotOpen(path: path, reason: StorageFault.sentence(forDatabaseError: error, path: nil))
        }
        // link(2) fails if `path` exists: the first process to finish wins, and nothing is overwritten.
        if link(temporary, path) != 0 && errno != EEXIST {
            throw OpenError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
    }

    /// Refuses a file that is not an SQLite database, before SQLite sees it.
    static func checkIsDatabase(path: String) throws {
        var info = stat()
        guard stat(path, &info) == 0 else { throw OpenError.cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw OpenError.notADatabase(path: path, reason: "it is not a regular file") }
        guard info.st_size > 0 else { throw OpenError.notADatabase(path: path, reason: "the file is empty (0 bytes)") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw OpenError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 16)) ?? Data()
        guard head.elementsEqual(Array("SQLite format 3\0".utf8)) else {
            throw OpenError.notADatabase(path: path, reason: "it does not start like an SQLite database (it looks like \(FileSniffer.kind(of: head)))")
        }
    }

    private static func configuration(_ lockWait: LockWait) -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = lockWait.busyMode
        return configuration
    }

    /// The value of a pragma, for the durability tests and `docs/storage.md`.
    public func pragma(_ name: String) throws -> String? {
        try writer.read { db in try String.fetchOne(db, sql: "PRAGMA \(name)") }
    }

    // MARK: - Decks

    /// Path → content hash of every deck file the database knows.
    public func deckFingerprints() throws -> [String: String] {
        try writer.read { db in
            var result: [String: String] = [:]
            for deck in try DeckRecord.filter(Column("retired") == false).fetchAll(db) {
                result[deck.path] = deck.contentHash
            }
            return result
        }
    }

    /// Path → deck id of every deck file the database knows (for the deck-id rule on unchanged files).
    public func deckIDsByPath() throws -> [String: String] {
        try writer.read { db in
            var result: [String: String] = [:]
            for deck in try DeckRecord.filter(Column("retired") == false).fetchAll(db) { result[deck.path] = deck.id }
            return result
        }
    }

    /// Path → size and modification time of every deck file the database knows them for.
    public func deckFileStamps() throws -> [String: DeckFileStamp] {
        try writer.read { db in
            var result: [String: DeckFileStamp] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT path, file_size, file_modified_ns FROM deck
                    WHERE retired = 0 AND file_size IS NOT NULL AND file_modified_ns IS NOT NULL
                    """)
            {
                result[try row.decode(atIndex: 0)] = DeckFileStamp(size: try row.decode(atIndex: 1), modifiedNs: try row.decode(atIndex: 2))
            }
            return result
        }
    }

    /// Remembers the size and modification time of deck files found unchanged
    /// by their hash (touched, not edited), so the next start need not read them.
    public func recordStamps(_ files: [DeckFile]) throws {
        let stamped = files.compactMap { file in file.stamp.map { (file.path, $0) } }
        guard !stamped.isEmpty else { return }
        try writer.write { db in
            for (path, stamp) in stamped {
                try db.execute(
                    sql: "UPDATE deck SET file_size = ?, file_modified_ns = ? WHERE path = ? AND retired = 0",
                    arguments: [stamp.size, stamp.modifiedNs, path])
            }
        }
    }

    /// The block index of a deck file's last good parse, if the database has one.
    public func deckBlockIndex(path: String) throws -> DeckBlockIndex? {
        try writer.read { db in
            let statement = try db.cachedStatement(sql: "SELECT note_blocks FROM deck WHERE path = ? AND retired = 0 AND note_blocks IS NOT NULL")
            return try Data.fetchOne(statement, arguments: [path]).flatMap { DeckBlockIndex(encoded: [UInt8]($0)) }
        }
    }

    /// The deck files last found broken, by path (see ``BrokenDeckFile``). A row that cannot be read back is left out: that file is parsed again.
    public func brokenDeckFiles() throws -> [String: BrokenDeckFile] {
        try writer.read { db in
            var result: [String: BrokenDeckFile] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT path, file_size, file_modified_ns, content_hash, declared_deck_id, diagnostics FROM deck_file_check
                    """)
            {
                let path: String = try row.decode(atIndex: 0)
                let size: Int64? = try row.decode(atIndex: 1)
                let modified: Int64? = try row.decode(atIndex: 2)
                let encoded: Data = try row.decode(atIndex: 5)
                guard let diagnostics = BrokenDeckFile.decode([UInt8](encoded)) else { continue }
                result[path] = BrokenDeckFile(
                    path: path, contentHash: try row.decode(atIndex: 3),
                    stamp: size.flatMap { size in modified.map { DeckFileStamp(size: size, modifiedNs: $0) } },
                    declaredDeckID: try row.decode(atIndex: 4), diagnostics: diagnostics)
            }
            return result
        }
    }

    public struct SyncReport: Hashable, Sendable {
        public var decksUpdated = 0
        public var cardsAdded = 0
        public var cardsRetired = 0
        public var decksRetired = 0
        /// Card rows written (new, or changed in their deck file); unchanged cards are not written.
        public var cardsWritten = 0
        /// Card rows of unchanged note blocks given a new position or line.
        public var cardsMoved = 0
    }

    /// Makes the database's copy of the decks match what was loaded, in one transaction.
    ///
    /// Cards are matched by id, so an edited card keeps its history. A card no
    /// longer in its file is retired: hidden, its history kept; put it back and
    /// it returns. Decks not loaded at all are retired with their cards,
    /// except those whose files are `unchangedPaths` or `brokenPaths`, or whose
    /// id is one a broken file declares (`brokenDeckIDs`): a deck
    /// file with errors changes nothing.
    @discardableResult
    public func synchronize(_ result: DeckLoader.Result) throws -> SyncReport {
        // The rows are built before the write lock is taken, so that a big deck holds it only
        // for the rows that changed, not for encoding all of its cards.
        let prepared = try result.decks.map(PreparedDeck.init)
        return try writer.write { db in
            var report = SyncReport()
            let keptPaths = Set(result.unchangedPaths + result.brokenPaths)
            // A deck whose file is broken is kept by its id as well as its path: moving the
            // data folder changes every path, and must not retire a deck that has an error.
            let keptIDs = Set(result.brokenDeckIDs)
            let loadedIDs = Set(result.decks.map(\.deck.id))
            for deck in prepared {
                try store(deck, db, &report)
            }
            // Broken files are remembered with their diagnostics; a file that loaded is no longer broken.
            let remember = try db.cachedStatement(
                sql: """
                    INSERT INTO deck_file_check (path, file_size, file_modified_ns, content_hash, declared_deck_id, diagnostics)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT(path) DO UPDATE SET file_size = excluded.file_size, file_modified_ns = excluded.file_modified_ns,
                        content_hash = excluded.content_hash, declared_deck_id = excluded.declared_deck_id, diagnostics = excluded.diagnostics
                    """)
            for broken in result.newlyBroken {
                try remember.execute(arguments: [
                    broken.path, broken.stamp?.size, broken.stamp?.modifiedNs, broken.contentHash,
                    broken.declaredDeckID, Data(BrokenDeckFile.encode(broken.diagnostics)),
                ])
            }
            // Only files broken now are remembered: one that loaded, or is gone, is forgotten.
            let stillBroken = Set(result.brokenPaths)
            let forget = try db.cachedStatement(sql: "DELETE FROM deck_file_check WHERE path = ?")
            for path in try String.fetchAll(db, sql: "SELECT path FROM deck_file_check") where !stillBroken.contains(path) {
                try forget.execute(arguments: [path])
            }
            for deck in try DeckRecord.filter(Column("retired") == false).fetchAll(db)
            where !loadedIDs.contains(deck.id) && !keptPaths.contains(deck.path) && !keptIDs.contains(deck.id) {
                var retired = deck
                retired.retired = true
                try retired.update(db)
                let count = try CardRecord.filter(Column("deck_id") == deck.id && Column("retired") == false)
                    .updateAll(db, Column("retired").set(to: true))
                report.decksRetired += 1
                report.cardsRetired += count
            }
            return report
        }
    }

    /// Writes one parsed deck: its row, and of its cards only those that are new or changed.
    ///
    /// Each card row keeps a fingerprint of what the deck file gave it
    /// (content, tags, note, kind, position), so re-reading a big deck
    /// after one card was edited writes that one row; the schedule columns are
    /// never touched here.
    func store(_ loaded: LoadedDeck, _ db: Database, _ report: inout SyncReport) throws {
        try store(PreparedDeck(loaded), db, &report)
    }

    /// A parsed deck as the rows `store` writes: each card's content JSON, tags and fingerprint.
    struct PreparedDeck {
        struct Row {
            var id: String
            var noteID: String
            var kind: String
            var json: String
            var tags: String
            var line: Int
            var position: Int
            var fingerprint: Int64
        }

        var loaded: LoadedDeck
        var cards: [Row]

        init(_ loaded: LoadedDeck) throws {
            self.loaded = loaded
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let positions = loaded.patch?.positions ?? Array(loaded.deck.cards.indices)
            cards = try zip(positions, loaded.deck.cards).map { position, card in
                let stored = StoredCardContent(
                    content: card.content, explanation: card.explanation, source: card.source,
                    chinese: card.chinese, related: card.related.isEmpty ? nil : card.related,
                    grading: card.grading)
                let json = String(decoding: try encoder.encode(stored), as: UTF8.self)
                let tags = card.tags.joined(separator: " ")
                return Row(
                    id: card.qualifiedID, noteID: card.noteID, kind: card.kind.rawValue, json: json, tags: tags,
                    line: card.line, position: position,
                    fingerprint: CardFingerprint.of(json, tags, card.noteID, card.kind.rawValue))
            }
        }
    }

    func store(_ prepared: PreparedDeck, _ db: Database, _ report: inout SyncReport) throws {
        let loaded = prepared.loaded
        let deck = loaded.deck
        try DeckRecord(
            id: deck.id, title: deck.title, titleZh: deck.titleZh, section: deck.section,
            sectionZh: deck.sectionZh, description: deck.description, path: loaded.path,
            contentHash: loaded.contentHash, retired: false,
            fileSize: loaded.stamp?.size, fileModifiedNs: loaded.stamp?.modifiedNs
        ).upsert(db)
        report.decksUpdated += 1
        try db.cachedStatement(sql: "UPDATE deck SET note_blocks = ? WHERE id = ?")
            .execute(arguments: [loaded.blockIndex.map { Data($0.encoded()) }, deck.id])
        if let patch = loaded.patch {
            return try store(prepared, patch: patch, db, &report)
        }
        // One read of the deck's cards: every id it has ever had, its fingerprint, and which of them are live.
        var known: [String: (fingerprint: Int64, retired: Bool, line: Int, position: Int)] = [:]
        for row in try GRDB.Row.fetchAll(db, sql: "SELECT id, fingerprint, retired, line, position FROM card WHERE deck_id = ?", arguments: [deck.id]) {
            known[try row.decode(atIndex: 0)] = (try row.decode(atIndex: 1), try row.decode(atIndex: 2), try row.decode(atIndex: 3), try row.decode(atIndex: 4))
        }
        var existing = Set(known.compactMap { $0.value.retired ? nil : $0.key })
        let upsert = try db.cachedStatement(sql: Self.upsertCardSQL)
        let move = try db.cachedStatement(sql: "UPDATE card SET line = ?, position = ? WHERE id = ?")
        for card in prepared.cards {
            existing.remove(card.id)
            switch known[card.id] {
            case nil: report.cardsAdded += 1
            case (let stamp, let retired, let line, let position)? where stamp == card.fingerprint && !retired:
                // Unchanged; a card that only moved (an edit above it changed the line count) gets its new place.
                if line != card.line || position != card.position {
                    try move.execute(arguments: [card.line, card.position, card.id])
                    report.cardsMoved += 1
                }
                continue
            default: break
            }
            try upsert.execute(arguments: [
                card.id, deck.id, card.noteID, card.kind, card.json, card.tags, card.line,
                card.position, card.fingerprint,
            ])
            report.cardsWritten += 1
        }
        let retire = try db.cachedStatement(sql: "UPDATE card SET retired = 1 WHERE id = ?")
        for id in existing {
            try retire.execute(arguments: [id])
            report.cardsRetired += 1
        }
    }

    /// Writes a card row from its deck file, keeping its schedule.
    static let upsertCardSQL = """
        INSERT INTO card (id, deck_id, note_id, kind, content, tags, line, position, retired, fingerprint)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?)
        ON CONFLICT(id) DO UPDATE SET
            deck_id = excluded.deck_id, note_id = excluded.note_id, kind = excluded.kind,
            content = excluded.content, tags = excluded.tags, line = excluded.line,
            position = excluded.position, retired = 0, fingerprint = excluded.fingerprint
        """

    /// Offset that lifts moved cards' positions clear of every other card's while the moves
    /// run, so that one range's move never catches cards another range already moved.
    static let movingPositionOffset: Int64 = 1 << 40

    /// Writes a deck parsed incrementally: the cards of the changed blocks are
    /// written as above; those of unchanged blocks are moved in SQL, a range
    /// of positions at a time (no row is read, none rewritten); the cards of
    /// blocks that are gone are retired.
    func store(_ prepared: PreparedDeck, patch: DeckPatch, _ db: Database, _ report: inout SyncReport) throws {
        let deckID = prepared.loaded.deck.id
        // The live cards of the replaced blocks, read before anything moves.
        var replaced: Set<String> = []
        let inRange = try db.cachedStatement(sql: "SELECT id FROM card WHERE deck_id = ? AND retired = 0 AND position >= ? AND position < ?")
        for range in patch.replaced {
            replaced.formUnion(try String.fetchAll(inRange, arguments: [deckID, range.lowerBound, range.upperBound]))
        }
        if !patch.moves.isEmpty {
            let shift = try db.cachedStatement(
                sql: """
                    UPDATE card SET position = position + ?, line = line + ?
                    WHERE deck_id = ? AND retired = 0 AND position >= ? AND position < ?
                    """)
            // When every range moves the same way (an edit grew or shrank the file: the usual case),
            // moving the ranges in that direction, farthest first, never lands a moved card in a range
            // still to move, so each card is written once. Otherwise (cards swapped) every range is
            // lifted clear of the rest first and put down after.
            let moves: [DeckPatch.Move]
            let offset: Int64
            if patch.moves.allSatisfy({ $0.positionShift >= 0 }) {
                (moves, offset) = (patch.moves.sorted { $0.oldPositions.lowerBound > $1.oldPositions.lowerBound }, 0)
            } else if patch.moves.allSatisfy({ $0.positionShift <= 0 }) {
                (moves, offset) = (patch.moves.sorted { $0.oldPositions.lowerBound < $1.oldPositions.lowerBound }, 0)
            } else {
                (moves, offset) = (patch.moves, Self.movingPositionOffset)
            }
            for move in moves {
                try shift.execute(arguments: [
                    Int64(move.positionShift) + offset, move.lineShift, deckID,
                    move.oldPositions.lowerBound, move.oldPositions.upperBound,
                ])
                report.cardsMoved += db.changesCount
            }
            if offset != 0 {
                try db.cachedStatement(sql: "UPDATE card SET position = position - ? WHERE deck_id = ? AND position >= ?")
                    .execute(arguments: [offset, deckID, offset])
            }
        }
        let lookup = try db.cachedStatement(sql: "SELECT fingerprint, retired, line, position FROM card WHERE id = ?")
        let upsert = try db.cachedStatement(sql: Self.upsertCardSQL)
        let place = try db.cachedStatement(sql: "UPDATE card SET line = ?, position = ? WHERE id = ?")
        for card in prepared.cards {
            replaced.remove(card.id)
            if let row = try Row.fetchOne(lookup, arguments: [card.id]) {
                let fingerprint: Int64 = try row.decode(atIndex: 0)
                let retired: Bool = try row.decode(atIndex: 1)
                if fingerprint == card.fingerprint && !retired {
                    let line: Int = try row.decode(atIndex: 2)
                    let position: Int = try row.decode(atIndex: 3)
                    if line != card.line || position != card.position {
                        try place.execute(arguments: [card.line, card.position, card.id])
                        report.cardsMoved += 1
                    }
                    continue
                }
            } else {
                report.cardsAdded += 1
            }
            try upsert.execute(arguments: [
                card.id, deckID, card.noteID, card.kind, card.json, card.tags, card.line,
                card.position, card.fingerprint,
            ])
            report.cardsWritten += 1
        }
        let retire = try db.cachedStatement(sql: "UPDATE card SET retired = 1 WHERE id = ?")
        for id in replaced {
            try retire.execute(arguments: [id])
            report.cardsRetired += 1
        }
    }

    /// The decks that are not retired, with their card counts.
    public func decks() throws -> [(deck: DeckRecord, cards: Int)] {
        try writer.read { db in
            let counts = try Row.fetchAll(db, sql: "SELECT deck_id, COUNT(*) AS n FROM card WHERE retired = 0 GROUP BY deck_id")
            var byDeck: [String: Int] = [:]
            for row in counts { byDeck[try row.decode(forColumn: "deck_id")] = try row.decode(forColumn: "n") }
            return try DeckRecord.filter(Column("retired") == false).order(Column("section"), Column("id")).fetchAll(db)
                .map { ($0, byDeck[$0.id] ?? 0) }
        }
    }

    /// The decks that are not retired, without counting their cards: what the queue needs, read in one small query.
    public func liveDecks() throws -> [DeckRecord] {
        try writer.read { db in try DeckRecord.filter(Column("retired") == false).order(Column("section"), Column("id")).fetchAll(db) }
    }

    // MARK: - Cards

    /// Cards that are not retired, in deck order.
    public func cards(deckID: String? = nil) throws -> [StoredCard] {
        try writer.read { db in
            var request = CardRecord.filter(Column("retired") == false)
            if let deckID { request = request.filter(Column("deck_id") == deckID) }
            return try request.order(Column("deck_id"), Column("position")).fetchAll(db).map(StoredCard.init)
        }
    }

    public func card(id: String) throws -> StoredCard? {
        try writer.read { db in try Self.cardRecord(db, id: id).map(StoredCard.init) }
    }

    static func cardRecord(_ db: Database, id: String) throws -> CardRecord? {
        try CardRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM card WHERE id = ?"), arguments: [id])
    }

    public enum CardLookupError: Error, CustomStringConvertible {
        case notFound(String)
        case ambiguous(String, [String])

        public var description: String {
            switch self {
            case .notFound(let name):
                "no card is named '\(name)'; name a card as DECK-ID/CARD-ID (see 'recall list')"
            case .ambiguous(let name, let matches):
                "'\(name)' names \(matches.count) cards: \(matches.prefix(5).joined(separator: ", "))\(matches.count > 5 ? ", …" : ""); give more of the id"
            }
        }
    }

    /// Resolves `DECK-ID/CARD-ID`, or a unique prefix of one, to a card id.
    public func resolveCard(_ name: String) throws -> String {
        try writer.read { db in
            if try String.fetchOne(db, sql: "SELECT id FROM card WHERE id = ?", arguments: [name]) != nil { return name }
            let escaped = name.replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
            let matches = try String.fetchAll(
                db,
                sql: """
                    SELECT id FROM card WHERE id LIKE ? ESCAPE '\\' AND retired = 0 ORDER BY id LIMIT 50
                    """, arguments: [escaped + "%"])
            switch matches.count {
            case 0: throw CardLookupError.notFound(name)
            case 1: return matches[0]
            default: throw CardLookupError.ambiguous(name, matches)
            }
        }
    }

    /// Which cards a queue may take: some decks (nil: all) and any of some tags (empty: all).
    public struct QueueSelection: Hashable, Sendable {
        public var deckIDs: [String]?
        public var tags: [String]

        public init(deckIDs: [String]? = nil, tags: [String] = []) {
            self.deckIDs = deckIDs
            self.tags = tags
        }

        public static let all = QueueSelection()

        /// The SQL condition on `card` and its arguments; with `leechTag`, a leech also has the tag `leech`.
        func condition(leechTag: Bool = false) -> (sql: String, arguments: StatementArguments) {
            var sql = ""
            var arguments = StatementArguments()
            if let deckIDs {
                sql += " AND deck_id IN (\(Array(repeating: "?", count: deckIDs.count).joined(separator: ", ")))"
                arguments += StatementArguments(deckIDs)
            }
            if !tags.isEmpty {
                // Tags match in any case, as ``CardFilter`` says; a leech counts as the tag `leech`.
                let all = leechTag ? "' ' || lower(tags) || (CASE WHEN leech = 1 THEN ' leech' ELSE '' END) || ' '" : "' ' || lower(tags) || ' '"
                sql += " AND (" + Array(repeating: "instr(\(all), ' ' || ? || ' ') > 0", count: tags.count).joined(separator: " OR ") + ")"
                arguments += StatementArguments(tags.map { $0.lowercased() })
            }
            return (sql, arguments)
        }
    }

    /// The statements that select a day's queue, kept apart so that tests can read their query plans.
    static func queueStatements(today: StudyDay, selection: QueueSelection, dueLimit: Int?, newPerDeck: Int?)
        -> (due: (sql: String, arguments: StatementArguments), new: (sql: String, arguments: StatementArguments))
    {
        let (condition, conditionArguments) = selection.condition()
        let notBuried = "(buried_until IS NULL OR buried_until <= ?)"
        // Due cards, most overdue first, straight from the card_due index: the LIMIT stops the walk.
        let due = (
            sql: """
            SELECT id, deck_id, position, due_day, tags, note_id, json_extract(content, '$.related') FROM card
            WHERE retired = 0 AND suspended = 0 AND due_day IS NOT NULL AND due_day <= ? AND \(notBuried)\(condition)
            ORDER BY due_day, deck_id, position LIMIT ?
            """, arguments: [today, today] + conditionArguments + [dueLimit ?? -1]
        )
        // New cards: the first few of each deck in file order, one index range (card_new) per deck.
        let new = (
            sql: """
            SELECT c.id, c.deck_id, c.position, c.due_day, c.tags, c.note_id, json_extract(c.content, '$.related') FROM deck
            CROSS JOIN card AS c ON c.rowid IN (
                SELECT rowid FROM card
                WHERE deck_id = deck.id AND retired = 0 AND suspended = 0 AND due_day IS NULL AND \(notBuried)\(condition)
                ORDER BY position LIMIT ?)
            WHERE deck.retired = 0
            ORDER BY c.deck_id, c.position
            """, arguments: [today] + conditionArguments + [newPerDeck ?? -1]
        )
        return (due, new)
    }

    /// Cards that could be asked today (not retired, not suspended, not buried), selected in SQL:
    /// at most `dueLimit` due cards, most overdue first, and at most `newPerDeck` new cards of
    /// each deck in file order (nil: no limit). Work is proportional to the cards returned.
    public func queueCandidates(
        today: StudyDay, selection: QueueSelection = .all, dueLimit: Int? = nil,
        newPerDeck: Int? = nil
    ) throws -> [ReviewQueue.Candidate] {
        let statements = Self.queueStatements(today: today, selection: selection, dueLimit: dueLimit, newPerDeck: newPerDeck)
        return try writer.read { db in
            var candidates: [ReviewQueue.Candidate] = []
            for statement in [statements.due, statements.new] {
                let rows = try Row.fetchCursor(db.cachedStatement(sql: statement.sql), arguments: statement.arguments)
                while let row = try rows.next() {
                    let deckID: String = try row.decode(atIndex: 1)
                    let noteID: String = try row.decode(atIndex: 5)
                    candidates.append(
                        ReviewQueue.Candidate(
                            cardID: try row.decode(atIndex: 0), deckID: deckID, position: try row.decode(atIndex: 2),
                            dueDay: StudyDay.fromDatabaseValue(try row.decode(DatabaseValue.self, atIndex: 3)),
                            tags: (try row.decode(String.self, atIndex: 4)).split(separator: " ").map(String.init),
                            noteKey: "\(deckID)/\(noteID)", related: Self.relatedNotes(try row.decode(atIndex: 6))))
                }
            }
            return candidates
        }
    }

    /// What ``CardFilter`` looks at, for the named cards that are not retired.
    public func filterSubjects(cardIDs: [String]) throws -> [String: CardFilter.Subject] {
        guard !cardIDs.isEmpty else { return [:] }
        return try writer.read { db in
            var result: [String: CardFilter.Subject] = [:]
            for chunk in stride(from: 0, to: cardIDs.count, by: 500).map({ Array(cardIDs[$0..<min($0 + 500, cardIDs.count)]) }) {
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
                for row in try Row.fetchAll(
                    db,
                    sql: """
                        SELECT \(Self.subjectColumns) FROM card JOIN deck ON deck.id = card.deck_id
                        WHERE card.retired = 0 AND card.id IN (\(marks))
                        """, arguments: StatementArguments(chunk))
                {
                    let candidate = try Self.candidate(row)
                    result[candidate.cardID] = candidate.subject
                }
            }
            return result
        }
    }

    static let subjectColumns = """
        card.id, card.deck_id, card.note_id, card.position, card.due_day, card.tags, card.easiness, card.lapses, card.leech,
        deck.section, deck.section_zh
        """

    static func candidate(_ row: Row) throws -> ReviewQueue.Candidate {
        let id: String = try row.decode(forColumn: "id")
        let deckID: String = try row.decode(forColumn: "deck_id")
        let noteID: String = try row.decode(forColumn: "note_id")
        let tags = (try row.decode(String.self, forColumn: "tags")).split(separator: " ").map(String.init)
        let leech: Bool = try row.decode(forColumn: "leech")
        let subject = CardFilter.Subject(
            cardID: id, deckID: deckID, section: try row.decode(forColumn: "section"), sectionZh: try row.decode(forColumn: "section_zh"),
            tags: leech ? tags + ["leech"] : tags, dueDay: try row.decode(forColumn: "due_day"), easiness: try row.decode(forColumn: "easiness"),
            lapses: try row.decode(forColumn: "lapses"), isLeech: leech)
        return ReviewQueue.Candidate(
            cardID: id, deckID: deckID, position: try row.decode(forColumn: "position"), dueDay: try row.decode(forColumn: "due_day"), tags: tags,
            noteKey: "\(deckID)/\(noteID)", subject: subject)
    }

    /// The `related` list of a card's stored content (a JSON array of `deck/note`), empty when there is none.
    static func relatedNotes(_ json: String?) -> [String] {
        guard let json, let notes = try? JSONDecoder().decode([String].self, from: Data(json.utf8)) else { return [] }
        return notes
    }

    /// The cards introduced (first answered) from `day` on, with their decks and tags.
    public func cardsIntroduced(since day: StudyDay) throws -> [ReviewQueue.RecentCard] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT card.deck_id, card.tags FROM review_log JOIN card ON card.key = review_log.card_key
                    WHERE review_log.day >= ? AND review_log.kind = ?
                    """, arguments: [day, ReviewQueue.EntryKind.new.storedCode]
            ).map { row in
                ReviewQueue.RecentCard(
                    deckID: try row.decode(atIndex: 0), tags: (try row.decode(String.self, atIndex: 1)).split(separator: " ").map(String.init))
            }
        }
    }

    /// The notes of the cards answered on `today` and the notes they are related to, for keeping siblings apart.
    public func notesAnswered(today: StudyDay) throws -> [ReviewQueue.Siblings.Link] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT card.deck_id, card.note_id, json_extract(card.content, '$.related') FROM review_log
                    JOIN card ON card.key = review_log.card_key
                    WHERE review_log.day = ?
                    """, arguments: [today]
            ).map { row in
                ReviewQueue.Siblings.Link(
                    noteKey: "\(try row.decode(String.self, atIndex: 0))/\(try row.decode(String.self, atIndex: 1))",
                    related: Self.relatedNotes(try row.decode(atIndex: 2)))
            }
        }
    }

    public struct DailyCounts: Hashable, Sendable {
        /// Cards answered for the first time today.
        public var newCardsIntroduced: Int
        /// Scheduled answers today to cards that were not new.
        public var reviewsDone: Int
    }

    public func dailyCounts(today: StudyDay) throws -> DailyCounts {
        try writer.read { db in
            let count = try db.cachedStatement(sql: "SELECT COUNT(*) FROM review_log WHERE day = ? AND kind = ?")
            let new = try Int.fetchOne(count, arguments: [today, ReviewQueue.EntryKind.new.storedCode]) ?? 0
            let reviews = try Int.fetchOne(count, arguments: [today, ReviewQueue.EntryKind.review.storedCode]) ?? 0
            return DailyCounts(newCardsIntroduced: new, reviewsDone: reviews)
        }
    }

    /// The statement behind ``redrillCardIDs(today:)``: one pass over today's answers
    /// (a range of review_log_day), the latest per card, then each such card by key.
    static func redrillStatement(today: StudyDay, selection: QueueSelection = .all) -> (sql: String, arguments: StatementArguments) {
        let (condition, conditionArguments) = selection.condition(leechTag: true)
        return (
            sql: """
            SELECT card.id FROM (
                SELECT card_key, grade, MAX(id) AS latest FROM review_log WHERE day = ? GROUP BY card_key
            ) AS today
            JOIN card ON card.key = today.card_key
            WHERE today.grade < ? AND card.retired = 0 AND card.suspended = 0
              AND (card.buried_until IS NULL OR card.buried_until <= ?)\(condition)
            ORDER BY today.latest
            """, arguments: [today, SM2.redrillBelowGrade, today] + conditionArguments
        )
    }

    /// Cards whose latest answer today was below 4: the same-day re-drill, of `selection`'s
    /// decks and tags (`leech` counts as a tag of a leech).
    public func redrillCardIDs(today: StudyDay, selection: QueueSelection = .all) throws -> [String] {
        let statement = Self.redrillStatement(today: today, selection: selection)
        return try writer.read { db in
            try String.fetchAll(db.cachedStatement(sql: statement.sql), arguments: statement.arguments)
        }
    }

    /// The earliest due day after `today` among cards that can be asked.
    public func nextDueDay(after today: StudyDay) throws -> StudyDay? {
        try writer.read { db in
            try StudyDay.fetchOne(
                db,
                sql: """
                    SELECT MIN(due_day) FROM card WHERE retired = 0 AND suspended = 0 AND due_day IS NOT NULL AND due_day > ?
                    """, arguments: [today])
        }
    }

    // MARK: - Answers

    public struct RecordedAnswer: Hashable, Sendable {
        public var log: ReviewLogRecord
        public var schedule: CardSchedule
        public var becameLeech: Bool
    }

    /// Records one answer: the review-log row and the card's new state, in one transaction.
    ///
    /// The answer is a re-drill (logged, schedule untouched) when the card
    /// was already answered today with a scheduled answer; otherwise SM-2
    /// moves it.
    public func recordAnswer(cardID: String, grade: Grade, at moment: Moment, today: StudyDay, durationMs: Int) throws -> RecordedAnswer {
        try writer.write { db in
            try Self.recordAnswer(db, cardID: cardID, grade: grade, at: moment, today: today, durationMs: durationMs)
        }
    }

    /// The body of ``recordAnswer(cardID:grade:at:today:durationMs:)``, inside a
    /// transaction the caller owns, so that other writes (an interview attempt)
    /// can commit together with it.
    static func recordAnswer(_ db: Database, cardID: String, grade: Grade, at moment: Moment, today: StudyDay, durationMs: Int) throws -> RecordedAnswer {
        guard let card = try cardRecord(db, id: cardID) else { throw CardLookupError.notFound(cardID) }
        let answeredToday =
            try Bool.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT 1 FROM review_log WHERE card_key = ? AND kind IN (0, 1) AND day = ? LIMIT 1
                        """), arguments: [card.key, today]) ?? false
        let before = card.schedule
        let kind: ReviewQueue.EntryKind
        let outcome: Scheduler.Outcome
        if answeredToday {
            kind = .redrill
            outcome = Scheduler.Outcome(schedule: before, becameLeech: false)
        } else {
            kind = before.isNew ? .new : .review
            outcome = Scheduler.answer(before, grade: grade, today: today)
        }
        var after = outcome.schedule
        if try schedulerKind(db) == .fsrs {
            // FSRS moves the due day on every answer, re-drills included;
            // SM-2's own fields above stay as SM-2 has them.
            var answers = (try loggedAnswers(db, cardKey: card.key)[card.key] ?? []).map { ($0.grade, $0.instant) }
            answers.append((grade, moment.instant))
            after.dueDay = fsrsDueDay(answers, cardID: cardID, lastDay: today, algorithm: try fsrsAlgorithm(db))
        }
        let time = AnswerTime(moment)
        var generator = SystemRandomNumberGenerator()
        var log = ReviewLogRecord(
            id: nil, uuid: AnswerID(unixMilliseconds: time.unixMilliseconds, using: &generator), cardID: cardID,
            answeredAt: time, studyDay: today, grade: grade, durationMs: max(0, durationMs), kind: kind,
            previousRepetitions: before.sm2.repetitions, newRepetitions: after.sm2.repetitions,
            previousEasiness: before.sm2.easiness, newEasiness: after.sm2.easiness,
            previousIntervalDays: before.sm2.intervalDays, newIntervalDays: after.sm2.intervalDays,
            previousDueDay: before.dueDay, newDueDay: after.dueDay,
            previousLapses: before.lapses, newLapses: after.lapses,
            previousLeech: before.isLeech, newLeech: after.isLeech)
        try log.insert(db, cardKey: card.key)
        if after != before { try writeSchedule(db, cardKey: card.key, after) }
        return RecordedAnswer(log: log, schedule: after, becameLeech: outcome.becameLeech)
    }

    /// Writes a card's schedule columns, and nothing else of its row.
    static func writeSchedule(_ db: Database, cardKey: Int64, _ schedule: CardSchedule) throws {
        try db.cachedStatement(
            sql: """
                UPDATE card SET repetitions = ?, easiness = ?, interval_days = ?, due_day = ?, lapses = ?, leech = ? WHERE key = ?
                """
        ).execute(arguments: [
            schedule.sm2.repetitions, schedule.sm2.easiness, schedule.sm2.intervalDays, schedule.dueDay,
            schedule.lapses, schedule.isLeech, cardKey,
        ])
    }

    /// Undoes an answer: removes its log row and puts the card back as it was before it.
    /// Only the latest answer of its card can be undone, so that states never skip.
    public func undo(logID: Int64) throws -> ReviewLogRecord? {
        try writer.write { db in try Self.undoAnswer(db, logID: logID) }
    }

    /// The body of ``undo(logID:)``, inside a transaction the caller owns.
    @discardableResult
    static func undoAnswer(_ db: Database, logID: Int64) throws -> ReviewLogRecord? {
        let rows = try Row.fetchAll(db, sql: ReviewLogRecord.selectSQL(where: "l.id = ?"), arguments: [logID])
        guard let row = rows.first, let log = ReviewLogRecord(row: row) else { return nil }
        let cardKey: Int64 = try row.decode(atIndex: 4)
        let latest = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM review_log WHERE card_key = ?", arguments: [cardKey])
        guard latest == logID else { return nil }
        try writeSchedule(db, cardKey: cardKey, log.previousSchedule)
        try db.execute(sql: "DELETE FROM review_log WHERE id = ?", arguments: [logID])
        return log
    }

    /// Hides a card until `day` (skipped in review: buried until tomorrow),
    /// or shows it again with nil; returns the day it was buried until before,
    /// so that an undo can put it back exactly.
    @discardableResult
    public func bury(cardID: String, until day: StudyDay?) throws -> StudyDay? {
        try writer.write { db in
            let previous = try Self.cardRecord(db, id: cardID)?.buriedUntil
            try db.execute(sql: "UPDATE card SET buried_until = ? WHERE id = ?", arguments: [day, cardID])
            return previous
        }
    }

    /// Returns false when the card was already in that state.
    @discardableResult
    public func setSuspended(cardID: String, _ suspended: Bool) throws -> Bool {
        try writer.write { db in
            try db.execute(sql: "UPDATE card SET suspended = ? WHERE id = ? AND suspended != ?", arguments: [suspended, cardID, suspended])
            return db.changesCount > 0
        }
    }

    /// The card's answers, oldest first.
    public func history(cardID: String) throws -> [ReviewLogRecord] {
        try writer.read { db in
            try Row.fetchAll(db, sql: ReviewLogRecord.selectSQL(where: "card.id = ?"), arguments: [cardID]).compactMap(ReviewLogRecord.init(row:))
        }
    }

    public func reviewCount() throws -> Int {
        try writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM review_log") ?? 0 }
    }

    // MARK: - Settings

    public func settings() throws -> Settings {
        try writer.read { db in try Self.readSettings(db) }
    }

    /// The settings as the `setting` table holds them, read defensively (see ``Settings/init(stored:)``):
    /// a value this version does not know, or one `recall config set` would refuse, leaves the default.
    static func readSettings(_ db: Database) throws -> Settings {
        let pairs = try Row.fetchAll(db, sql: "SELECT key, value FROM setting").map { row in
            (key: try row.decode(String.self, forColumn: "key"), value: try row.decode(String.self, forColumn: "value"))
        }
        return Settings(stored: pairs)
    }

    public func set(language: Language) throws {
        try writer.write { db in
            try db.execute(
                sql: "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                arguments: [Settings.languageKey, language.rawValue])
        }
    }

    public func set(_ key: Settings.Key, to value: Int) throws {
        try writer.write { db in
            try db.execute(
                sql: "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                arguments: [key.rawValue, String(value)])
        }
    }
}

/// A card as the database holds it: content and schedule.
public struct StoredCard: Hashable, Sendable {
    public var card: Card
    public var record: CardRecord

    init(_ record: CardRecord) throws {
        let stored = try JSONDecoder().decode(StoredCardContent.self, from: Data(record.content.utf8))
        let name = record.id.split(separator: "/", maxSplits: 1)
        card = Card(
            deckID: record.deckID, id: name.count == 2 ? String(name[1]) : record.id, noteID: record.noteID,
            content: stored.content, explanation: stored.explanation, source: stored.source,
            tags: record.tagList, line: record.line, chinese: stored.chinese, related: stored.related ?? [],
            grading: stored.grading)
        self.record = record
    }

    public var schedule: CardSchedule { record.schedule }
    public var isSuspended: Bool { record.suspended }
    public var allTags: [String] { record.leech ? card.tags + ["leech"] : card.tags }
}
