// RowInserter: many rows written with one prepared statement, each value bound in place for the
// step that writes it. GRDB's `execute(arguments:)` builds, checks and binds an argument array per
// row (a quarter of the work of an insert); a store run writes a row per document into three
// tables, so the rows are bound here directly on the statement GRDB prepared.
import GRDB
import GRDBSQLite

/// An SQLite failure while writing rows: its result code and message.
struct RowInsertFailure: Error, CustomStringConvertible {
    var code: Int32
    var message: String

    var description: String { "SQLite error \(code): \(message)" }
}

/// Writes rows through one statement of `database` (inside its write transaction). The statement
/// is GRDB's and stays alive with the inserter; bindings never outlive the step that uses them.
struct RowInserter {
    private let statement: Statement
    private let database: Database

    /// Prepares `sql` (an INSERT whose parameters are all positional).
    init(_ database: Database, sql: String) throws {
        self.database = database
        statement = try database.makeStatement(sql: sql)
    }

    /// Writes one row of text values.
    func insert(_ first: String, _ second: String, _ third: String) throws {
        try bind(first, at: 1) { try bind(second, at: 2) { try bind(third, at: 3) { try step() } } }
    }

    /// Writes one row of one blob.
    func insert(blob: [UInt8]) throws {
        try blob.withUnsafeBytes { bytes in
            // An empty blob is bound as a zero-length blob, not as NULL.
            let code = bytes.baseAddress.map { sqlite3_bind_blob(statement.sqliteStatement, 1, $0, Int32(bytes.count), nil) }
                ?? sqlite3_bind_zeroblob(statement.sqliteStatement, 1, 0)
            try check(code)
            try step()
        }
    }

    /// Writes one row: a text value and a blob (bound in place, for the step only).
    func insert(_ text: String, blob: UnsafeRawBufferPointer) throws {
        try bind(text, at: 1) {
            let code = blob.baseAddress.map { sqlite3_bind_blob(statement.sqliteStatement, 2, $0, Int32(blob.count), nil) }
                ?? sqlite3_bind_zeroblob(statement.sqliteStatement, 2, 0)
            try check(code)
            try step()
        }
    }

    /// Writes one row: a text value and an integer.
    func insert(_ text: String, _ value: Int64) throws {
        try bind(text, at: 1) {
            try check(sqlite3_bind_int64(statement.sqliteStatement, 2, value))
            try step()
        }
    }

    /// Writes one row of one integer.
    func insert(_ value: Int64) throws {
        try check(sqlite3_bind_int64(statement.sqliteStatement, 1, value))
        try step()
    }

    /// Writes one row of three integers.
    func insert(_ first: Int64, _ second: Int64, _ third: Int64) throws {
        try check(sqlite3_bind_int64(statement.sqliteStatement, 1, first))
        try check(sqlite3_bind_int64(statement.sqliteStatement, 2, second))
        try check(sqlite3_bind_int64(statement.sqliteStatement, 3, third))
        try step()
    }

    /// Binds `text` at `index` without copying it, for the duration of `body`.
    private func bind(_ text: String, at index: Int32, _ body: () throws -> Void) throws {
        var text = text
        try text.withUTF8 { bytes in
            // A Swift string's UTF-8 is contiguous and valid; SQLite reads it only during the step.
            try check(SQLiteText.bind(statement.sqliteStatement, index, bytes))
            try body()
        }
    }

    /// Runs the statement once, then resets it and clears its bindings (which point at memory
    /// valid only now).
    private func step() throws {
        let code = sqlite3_step(statement.sqliteStatement)
        let failure = code == SQLITE_DONE ? nil : RowInsertFailure(code: code, message: database.lastErrorMessage ?? "")
        sqlite3_reset(statement.sqliteStatement)
        sqlite3_clear_bindings(statement.sqliteStatement)
        if let failure { throw failure }
    }

    private func check(_ code: Int32) throws {
        guard code == SQLITE_OK else {
            throw RowInsertFailure(code: code, message: database.lastErrorMessage ?? "")
        }
    }
}

/// Text parameters bound without a copy.
enum SQLiteText {
    /// Binds UTF-8 `bytes` as text parameter `index` of `statement` without copying them: they
    /// must stay valid until the statement is reset or the binding cleared.
    static func bind(_ statement: OpaquePointer, _ index: Int32, _ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        guard let base = bytes.baseAddress else { return sqlite3_bind_text(statement, index, "", 0, nil) }
        return sqlite3_bind_text(statement, index, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), Int32(bytes.count), nil)
    }
}
