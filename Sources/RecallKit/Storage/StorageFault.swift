import GRDB

/// What an SQLite failure means to the user, in one sentence each: what
/// happened, what was kept, and what to do. The one place that turns
/// storage errors into words; the command line prints these, never SQLite's
/// own codes. docs/storage.md lists the promises behind each sentence.
public enum StorageFault {
    /// The sentence for `error`, or nil when it is not a storage error.
    public static func sentence(for error: any Error, path: String?) -> String? {
        if let error = error as? DatabaseError { return sentence(forDatabaseError: error, path: path) }
        if error is RowDecodingError {
            return "the database\(path.map { " \($0)" } ?? "") holds a value Recall cannot read (\(error)); nothing was changed. "
                + "Restore a backup (recall import BACKUP.json --db NEW-FILE), or report the damage"
        }
        return nil
    }

    public static func sentence(forDatabaseError error: DatabaseError, path: String?) -> String {
        let database = path.map { "the database \($0)" } ?? "the database"
        let kept = "every answer acknowledged before this one is kept"
        switch error.resultCode.primaryResultCode {
        case .SQLITE_FULL:
            return "the disk is full, so \(database) could not save this change; \(kept). Free some disk space and run the command again"
        case .SQLITE_IOERR:
            return "the disk reported an input/output error while using \(database) (often a full or failing disk); \(kept). "
                + "Check the disk and free space, then run the command again"
        case .SQLITE_READONLY:
            return "\(database) is read-only, so this change was not saved; nothing was changed. "
                + "Commands that only read (list, show, due, stats, map, export) still work; make the file and its folder writable to review"
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return "\(database) stayed locked by another process for too long; nothing was changed. "
                + "Run the command again when the other process (an import, a sync) has finished"
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return "\(database) is damaged (\(error.message ?? "corrupt")); nothing was changed. "
                + "Restore a backup with recall import BACKUP.json --db NEW-FILE"
        case .SQLITE_CONSTRAINT:
            return "the change breaks a rule of \(database) (\(error.message ?? "constraint failed")); nothing was changed. "
                + "The input refers to something that is not there or is there twice"
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
            return "\(database) cannot be opened (\(error.message ?? "permission denied")); nothing was changed. "
                + "Check that the file and its folder exist and that you may read and write them"
        default:
            return "\(database) reported an error (\(error.message ?? "\(error.resultCode)")); nothing was changed"
        }
    }
}
