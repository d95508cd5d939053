@testable import BriefingCore
import BriefingModel
import Foundation
import GRDB
import Testing

@Suite("Store: analyses saved during a run, keys indexed when it is recorded")
struct AnalysisStoreTests {
    /// A stored analysis whose one unmatched name tells which one came back.
    static func payload(_ id: String) throws -> [UInt8] {
        var analysis = DocumentAnalysis(documentID: "")
        analysis.unmatchedNames = [id]
        return try #require(AnalysisStore.encode(CachedAnalysis(facts: ArticleReader.read("A title\n\nSome text."), analysis: analysis)))
    }

    static func record(_ store: AnalysisStore) throws {
        try store.recordRun(scope: "scope", snapshot: RunSnapshot(asOf: "2026-12-03T00:00:00Z", documents: 0, actors: [:], themes: [:],
                                                                 speakers: [:]), documents: [])
    }

    /// Rows of `table` in the store at `path`.
    static func count(_ table: String, _ path: String) throws -> Int {
        try DatabaseQueue(path: path).read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? -1 }
    }

    /// Saved analyses are found by content once the run is recorded; a key saved again (or twice in
    /// one run) keeps its latest analysis and the replaced ones are deleted; keys a stopped run
    /// left pending are indexed when the store is next opened.
    @Test func keysIndexedAtTheEndLatestWinsNothingOrphaned() throws {
        let folder = try Repo.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("store.sqlite").path
        var warnings: [Diagnostic] = []
        do {
            let store = try AnalysisStore.open(path: path, warnings: &warnings)
            try store.save([("k1", try Self.payload("first")), ("k2", try Self.payload("second"))])
            // Pending: not found by content before the run is recorded.
            #expect(store.lookup("k1") == nil)
            try Self.record(store)
            #expect(store.lookup("k1")?.analysis.unmatchedNames == ["first"])
            #expect(store.lookup("k2")?.analysis.unmatchedNames == ["second"])
            #expect(store.lookup("k3") == nil)
            // Saved again, and a key twice in one run: the latest analysis is kept.
            try store.save([("k1", try Self.payload("first again")), ("k3", try Self.payload("third"))])
            try store.save([("k3", try Self.payload("third again"))])
            try Self.record(store)
            #expect(store.lookup("k1")?.analysis.unmatchedNames == ["first again"])
            #expect(store.lookup("k2")?.analysis.unmatchedNames == ["second"])
            #expect(store.lookup("k3")?.analysis.unmatchedNames == ["third again"])
            // A run stopped before it was recorded: its keys stay pending.
            try store.save([("k4", try Self.payload("fourth"))])
        }
        #expect(try Self.count("pending_keys", path) == 1)
        let reopened = try AnalysisStore.open(path: path, warnings: &warnings)
        #expect(reopened.lookup("k4")?.analysis.unmatchedNames == ["fourth"])
        #expect(reopened.lookup("k1")?.analysis.unmatchedNames == ["first again"])
        #expect(warnings.isEmpty)
        #expect(try Self.count("pending_keys", path) == 0)
        #expect(try Self.count("replaced_analyses", path) == 0)
        #expect(try Self.count("analysis_keys", path) == 4)
        // One analysis per key: the replaced ones are gone.
        #expect(try Self.count("analyses", path) == 4)
    }

    /// The documents a scope has seen are kept per scope (each row holds the scope's id).
    @Test func historyPerScope() throws {
        let folder = try Repo.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var warnings: [Diagnostic] = []
        let store = try AnalysisStore.open(path: folder.appendingPathComponent("store.sqlite").path, warnings: &warnings)
        let snapshot = RunSnapshot(asOf: "2026-12-03T00:00:00Z", documents: 0, actors: [:], themes: [:], speakers: [:])
        #expect(try store.hasHistory(scope: "a") == false)
        try store.recordRun(scope: "a", snapshot: snapshot, documents: [1, 2, UInt64.max])
        try store.recordRun(scope: "b", snapshot: snapshot, documents: [3])
        try store.recordRun(scope: "a", snapshot: snapshot, documents: [4])
        #expect(try store.hasHistory(scope: "a") && store.hasHistory(scope: "b"))
        #expect(try store.hasHistory(scope: "c") == false)
        #expect(try store.unseen(scope: "a", among: [5, 4, 3, 2, 1, UInt64.max]) == [5, 3])
        #expect(try store.unseen(scope: "b", among: [1, 3]) == [1])
        #expect(try store.unseen(scope: "c", among: [1]) == [1])
    }
}
