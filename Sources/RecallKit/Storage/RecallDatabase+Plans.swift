import GRDB
import GRDBSQLite

/// What the query-plan tests read: the plan SQLite picks for a statement, and
/// how much work the statement did (the virtual machine's step count, an
/// operation count that does not depend on the machine's speed).
extension RecallDatabase {
    /// The `EXPLAIN QUERY PLAN` details of `sql`, one line per step.
    func queryPlan(_ sql: String, arguments: StatementArguments = []) throws -> [String] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { try $0.decode(String.self, forColumn: "detail") }
        }
    }

    /// Runs `sql` to the end and returns the virtual-machine steps it took.
    func virtualMachineSteps(_ sql: String, arguments: StatementArguments = []) throws -> Int {
        try writer.read { db in
            let statement = try db.makeStatement(sql: sql)
            let rows = try Row.fetchCursor(statement, arguments: arguments)
            while try rows.next() != nil {}
            return Int(sqlite3_stmt_status(statement.sqliteStatement, SQLITE_STMTSTATUS_VM_STEP, 0))
        }
    }
}

extension RecallDatabase {
    /// The names of a table's indexes, sorted (those SQLite makes for UNIQUE constraints left out).
    func indexNames(table: String) throws -> [String] {
        try writer.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND name NOT LIKE 'sqlite_autoindex_%' ORDER BY name
                    """, arguments: [table])
        }
    }
}
