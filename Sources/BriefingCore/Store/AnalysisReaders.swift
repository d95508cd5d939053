// AnalysisReaders: the store's per-document look-up of an analysis by content key, on plain
// read-only SQLite connections with the query prepared once. Through GRDB's pool, each look-up
// took a reader, hopped to its queue and opened a transaction: with the store in use (every run
// without --no-cache), that cost a third of the run's time on 10,000 new files. Connections are
// lent to one worker at a time; in WAL mode they read the last committed state, as GRDB's readers do.
import Foundation
import GRDBSQLite

/// One read-only connection to the store and its prepared look-up (both handles owned here; the
/// statement is finalized before the connection is closed).
final class AnalysisReader {
    private let connection: OpaquePointer
    private let statement: OpaquePointer

    /// Opens `path` read-only; nil when it cannot be opened or holds no analyses tables.
    init?(path: String) {
        var connection: OpaquePointer?
        guard sqlite3_open_v2(path, &connection, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK,
              let connection else {
            sqlite3_close(connection)
            return nil
        }
        sqlite3_busy_timeout(connection, 10_000)
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(connection, "SELECT analyses.payload FROM analysis_keys JOIN analyses ON analyses.id = analysis_keys.id WHERE analysis_keys.key = ?", -1, &statement, nil) == SQLITE_OK,
              let statement else {
            sqlite3_finalize(statement)
            sqlite3_close(connection)
            return nil
        }
        self.connection = connection
        self.statement = statement
    }

    deinit {
        sqlite3_finalize(statement)
        sqlite3_close(connection)
    }

    /// The stored payload under `key`, or nil when there is none or the read fails.
    func payload(_ key: String) -> [UInt8]? {
        var key = key
        // Reset at once: a statement left stepping would hold its read snapshot.
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        return key.withUTF8 { bytes -> [UInt8]? in
            guard SQLiteText.bind(statement, 1, bytes) == SQLITE_OK, sqlite3_step(statement) == SQLITE_ROW else { return nil }
            let count = Int(sqlite3_column_bytes(statement, 0))
            guard count > 0, let blob = sqlite3_column_blob(statement, 0) else { return [] }
            return [UInt8](UnsafeRawBufferPointer(start: blob, count: count))
        }
    }
}

/// Read-only connections lent to the workers one at a time, made as needed (as many as workers
/// look up at once) and closed together.
final class AnalysisReaders: @unchecked Sendable {
    private let path: String
    private let lock = NSLock()
    /// Connections not lent (guarded by `lock`).
    private var idle: [AnalysisReader] = []
    /// False once closed (guarded by `lock`): nothing is lent any more.
    private var open = true

    init(path: String) { self.path = path }

    /// The stored payload under `key` (thread-safe), or nil.
    func payload(_ key: String) -> [UInt8]? {
        guard let reader = take() else { return nil }
        defer { give(reader) }
        return reader.payload(key)
    }

    /// Closes every idle connection and lends no more (a lent one closes when given back).
    func close() {
        lock.lock()
        open = false
        idle.removeAll()
        lock.unlock()
    }

    private func take() -> AnalysisReader? {
        lock.lock()
        guard open else {
            lock.unlock()
            return nil
        }
        if let reader = idle.popLast() {
            lock.unlock()
            return reader
        }
        lock.unlock()
        return AnalysisReader(path: path)
    }

    private func give(_ reader: AnalysisReader) {
        lock.lock()
        if open { idle.append(reader) }
        lock.unlock()
    }
}
