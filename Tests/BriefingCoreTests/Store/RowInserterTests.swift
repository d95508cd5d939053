@testable import BriefingCore
import Foundation
import GRDB
import Testing

@Suite("Store: rows bound in place")
struct RowInserterTests {
    /// Text beyond ASCII, empty text, long text, an empty and a large blob, negative integers:
    /// read back as GRDB reads them, exactly.
    @Test func rowsReadBackAsWritten() throws {
        let folder = try Repo.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let queue = try DatabaseQueue(path: folder.appendingPathComponent("rows.sqlite").path)
        let texts = ["", "a", "Wang Yì 中欧 “quoted”", String(repeating: "long text ", count: 500)]
        let blobs: [[UInt8]] = [[], [0], [0xFF, 0x00, 0x7F], (0..<70_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }]
        try queue.write { db in
            try db.execute(sql: """
                CREATE TABLE t (a TEXT, b TEXT, c TEXT);
                CREATE TABLE b (v BLOB);
                CREATE TABLE n (k INTEGER, x INTEGER, y INTEGER);
                CREATE TABLE m (k TEXT, x INTEGER);
                """)
            let three = try RowInserter(db, sql: "INSERT INTO t (a, b, c) VALUES (?, ?, ?)")
            for (index, text) in texts.enumerated() { try three.insert(text, texts[(index + 1) % texts.count], "\(index)") }
            let blob = try RowInserter(db, sql: "INSERT INTO b (v) VALUES (?)")
            for bytes in blobs { try blob.insert(blob: bytes) }
            let numbers = try RowInserter(db, sql: "INSERT INTO n (k, x, y) VALUES (?, ?, ?)")
            try numbers.insert(7, Int64.min, -1)
            try numbers.insert(-7, Int64.max, 0)
            let pairs = try RowInserter(db, sql: "INSERT INTO m (k, x) VALUES (?, ?)")
            for (index, text) in texts.enumerated() { try pairs.insert(text, Int64(index) - 2) }
        }
        try queue.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT a, b, c FROM t ORDER BY rowid")
            #expect(rows.map { $0["a"] as String } == texts)
            #expect(rows.map { $0["b"] as String } == texts.indices.map { texts[($0 + 1) % texts.count] })
            #expect(rows.map { $0["c"] as String } == texts.indices.map { "\($0)" })
            let pairs = try Row.fetchAll(db, sql: "SELECT k, x FROM m ORDER BY rowid")
            #expect(pairs.map { $0["k"] as String } == texts)
            #expect(pairs.map { $0["x"] as Int64 } == [-2, -1, 0, 1])
            let stored = try Row.fetchAll(db, sql: "SELECT v, typeof(v) AS kind FROM b ORDER BY rowid")
            #expect(stored.map { [UInt8]($0["v"] as Data) } == blobs)
            // An empty blob stays a blob (GRDB's Data binding did the same), never NULL.
            #expect(stored.map { $0["kind"] as String } == ["blob", "blob", "blob", "blob"])
            let numbers = try Row.fetchAll(db, sql: "SELECT k, x, y FROM n ORDER BY rowid")
            #expect(numbers.map { $0["k"] as Int64 } == [7, -7])
            #expect(numbers.map { $0["x"] as Int64 } == [Int64.min, Int64.max])
            #expect(numbers.map { $0["y"] as Int64 } == [-1, 0])
        }
    }

    /// A failing step throws SQLite's code and message, and the statement is usable again after.
    @Test func aFailedStepThrowsAndTheNextOneWorks() throws {
        let folder = try Repo.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let queue = try DatabaseQueue(path: folder.appendingPathComponent("rows.sqlite").path)
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE u (a TEXT PRIMARY KEY, b TEXT, c TEXT)")
            let rows = try RowInserter(db, sql: "INSERT INTO u (a, b, c) VALUES (?, ?, ?)")
            try rows.insert("key", "1", "2")
            do {
                try rows.insert("key", "3", "4")
                Issue.record("a duplicate key was accepted")
            } catch let failure as RowInsertFailure {
                // GRDB turns on extended codes: SQLITE_CONSTRAINT_PRIMARYKEY, of SQLITE_CONSTRAINT (19).
                #expect(failure.code & 0xFF == 19)
                #expect(failure.message.contains("UNIQUE"))
            }
            try rows.insert("other", "5", "6")
        }
        let count = try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM u") }
        #expect(count == 2)
    }
}
