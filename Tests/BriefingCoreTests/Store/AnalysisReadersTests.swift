@testable import BriefingCore
import Foundation
import GRDB
import Synchronization
import Testing

@Suite("Store: look-ups by content key on read-only connections")
struct AnalysisReadersTests {
    /// Payloads come back byte for byte, from many threads at once; a missing key is nil; a
    /// store without the table, or closed readers, answer nil.
    @Test func payloadsReadBackFromConcurrentWorkers() throws {
        let folder = try Repo.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("store.sqlite").path
        let pool = try DatabasePool(path: path)
        let payloads = (0..<200).map { number in (0..<(number * 37 % 900)).map { UInt8(truncatingIfNeeded: $0 &* number) } }
        try pool.write { db in
            try db.execute(sql: """
                CREATE TABLE analyses (id INTEGER PRIMARY KEY, payload BLOB NOT NULL);
                CREATE TABLE analysis_keys (key TEXT PRIMARY KEY, id INTEGER NOT NULL) WITHOUT ROWID;
                """)
            for (number, payload) in payloads.enumerated() {
                // Payload ids unlike the key numbers: the look-up goes through the key index.
                try db.execute(sql: "INSERT INTO analyses (id, payload) VALUES (?, ?)", arguments: [1000 - number, Data(payload)])
                try db.execute(sql: "INSERT INTO analysis_keys (key, id) VALUES (?, ?)", arguments: ["key-\(number)-é", 1000 - number])
            }
        }
        let readers = AnalysisReaders(path: path)
        let wrong = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            for number in stride(from: worker, to: 400, by: 8) {
                let found = readers.payload("key-\(number)-é")
                let expected: [UInt8]? = number < payloads.count ? payloads[number] : nil
                if found != expected { wrong.withLock { $0 += 1 } }
            }
        }
        #expect(wrong.withLock { $0 } == 0)
        #expect(readers.payload("") == nil)
        // Written after the readers opened: seen (each look-up reads the last committed state).
        try pool.write { db in
            try db.execute(sql: "INSERT INTO analyses (id, payload) VALUES (5000, x'0102')")
            try db.execute(sql: "INSERT INTO analysis_keys (key, id) VALUES ('late', 5000)")
        }
        #expect(readers.payload("late") == [1, 2])
        readers.close()
        #expect(readers.payload("key-1-é") == nil)
        #expect(AnalysisReaders(path: folder.appendingPathComponent("missing.sqlite").path).payload("key-1-é") == nil)
    }
}
