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

    static let snapshot = RunSnapshot(asOf: "2026-12-03T00:00:00Z", documents: 0, actors: [:], themes: [:], speakers: [:])

    static func record(_ store: AnalysisStore, scope: String = "scope", rules: String = "r") throws {
        try store.recordRun(scope: scope, rules: rules, snapshot: snapshot, documents: [])
    }

    /// `save` of entries keyed by content `name` under `rules`.
    static func save(_ store: AnalysisStore, _ entries: [(String, String)], rules: String = "r") throws {
        try store.save(try entries.map { (AnalysisStore.key(content: $0.0, rules: rules), try payload($0.1)) }, rules: rules)
    }

    /// The `KeyHash` of the keys of `contents` under `rules`, as a run that used them records them.
    static func used(_ contents: [String], rules: String = "r") -> [UInt64] {
        contents.map { KeyHash.of(AnalysisStore.key(content: $0, rules: rules)) }
    }

    static func lookup(_ store: AnalysisStore, _ content: String, rules: String = "r") -> [String]? {
        store.lookup(AnalysisStore.key(content: content, rules: rules))?.analysis.unmatchedNames
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
            try Self.save(store, [("k1", "first"), ("k2", "second")])
            // Pending: not found by content before the run is recorded.
            #expect(Self.lookup(store, "k1") == nil)
            try Self.record(store)
            #expect(Self.lookup(store, "k1") == ["first"])
            #expect(Self.lookup(store, "k2") == ["second"])
            #expect(Self.lookup(store, "k3") == nil)
            // Saved again, and a key twice in one run: the latest analysis is kept.
            try Self.save(store, [("k1", "first again"), ("k3", "third")])
            try Self.save(store, [("k3", "third again")])
            try Self.record(store)
            #expect(Self.lookup(store, "k1") == ["first again"])
            #expect(Self.lookup(store, "k2") == ["second"])
            #expect(Self.lookup(store, "k3") == ["third again"])
            // A run stopped before it was recorded: its keys stay pending.
            try Self.save(store, [("k4", "fourth")])
        }
        #expect(try Self.count("pending_keys", path) == 1)
        let reopened = try AnalysisStore.open(path: path, warnings: &warnings)
        #expect(Self.lookup(reopened, "k4") == ["fourth"])
        #expect(Self.lookup(reopened, "k1") == ["first again"])
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
        #expect(try store.hasHistory(scope: "a") == false)
        try store.recordRun(scope: "a", rules: "r", snapshot: Self.snapshot, documents: [1, 2, UInt64.max])
        try store.recordRun(scope: "b", rules: "r", snapshot: Self.snapshot, documents: [3])
        try store.recordRun(scope: "a", rules: "r", snapshot: Self.snapshot, documents: [4])
        #expect(try store.hasHistory(scope: "a") && store.hasHistory(scope: "b"))
        #expect(try store.hasHistory(scope: "c") == false)
        #expect(try store.unseen(scope: "a", among: [5, 4, 3, 2, 1, UInt64.max]) == [5, 3])
        #expect(try store.unseen(scope: "b", among: [1, 3]) == [1])
        #expect(try store.unseen(scope: "c", among: [1]) == [1])
    }

    /// A run's journal, written batch by batch, is what the recorded run keeps: every batch's
    /// documents in the history and its used keys once each; a journal left by a run that failed
    /// before it was recorded is dropped when the next run begins, and an empty journal is left.
    @Test func journalBatchByBatchAndAFailedRunsIsDropped() throws {
        let folder = try Repo.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("store.sqlite").path
        var warnings: [Diagnostic] = []
        let store = try AnalysisStore.open(path: path, warnings: &warnings)
        // A run that fails after two batches: never recorded.
        try store.beginJournal()
        try store.journal(unseen: [7, 8], used: Self.used(["x"]))
        try store.journal(unseen: [9], used: Self.used(["y"]))
        // The next run: three batches, a key used twice.
        try store.beginJournal()
        try store.journal(unseen: [1, UInt64.max], used: Self.used(["a", "b"]))
        try store.journal(unseen: [], used: Self.used(["b"]))
        try store.journal(unseen: [2], used: Self.used(["c"]))
        try store.recordRun(scope: "s", rules: "r", snapshot: Self.snapshot, recordsKeys: true)
        #expect(try store.unseen(scope: "s", among: [1, 2, 7, 8, 9, UInt64.max]) == [7, 8, 9])
        #expect(try Self.count("scope_used", path) == 3)
        let recorded = try DatabaseQueue(path: path).read { db in try Int.fetchOne(db, sql: "SELECT used FROM scope_recorded") }
        #expect(recorded == 3)
        // Recorded: the journal is empty again (a reused run adds nothing to the history).
        try store.recordRun(scope: "s", rules: "r", snapshot: Self.snapshot, recordsKeys: false)
        #expect(try Self.count("seen_documents", path) == 3)
        #expect(try Self.count("scope_used", path) == 3)
    }

    /// Analyses under rules no scope in use runs with are deleted when a run is recorded: a scope's
    /// old rules at once when it runs under new ones; a scope's current rules while it is among
    /// the latest runs, whatever other scopes do; a content under two rules keeps the one in use.
    @Test func analysesOfRulesNoLongerInUseAreDeleted() throws {
        let folder = try Repo.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("store.sqlite").path
        var warnings: [Diagnostic] = []
        let store = try AnalysisStore.open(path: path, warnings: &warnings)
        #expect(!store.holdsAnalyses(rules: "r1"))
        try Self.save(store, [("c1", "one under r1"), ("c2", "two under r1")], rules: "r1")
        #expect(store.holdsAnalyses(rules: "r1"), "pending analyses count")
        try Self.record(store, scope: "a", rules: "r1")
        // Scope a's template edited: its next run is made under r2.
        try Self.save(store, [("c1", "one under r2")], rules: "r2")
        #expect(Self.lookup(store, "c2", rules: "r1") == ["two under r1"], "kept until the run under r2 is recorded")
        try Self.record(store, scope: "a", rules: "r2")
        #expect(Self.lookup(store, "c1", rules: "r1") == nil)
        #expect(Self.lookup(store, "c2", rules: "r1") == nil)
        #expect(Self.lookup(store, "c1", rules: "r2") == ["one under r2"])
        #expect(!store.holdsAnalyses(rules: "r1") && store.holdsAnalyses(rules: "r2"))
        #expect(try Self.count("analyses", path) == 1)
        #expect(try Self.count("analysis_keys", path) == 1)
        // A second scope sharing the store under r3: both sets stay while both are in use.
        try Self.save(store, [("c1", "one under r3")], rules: "r3")
        try Self.record(store, scope: "b", rules: "r3")
        for _ in 1..<AnalysisStore.runsKeptInUse { try Self.record(store, scope: "a", rules: "r2") }
        #expect(Self.lookup(store, "c1", rules: "r3") == ["one under r3"], "scope b's run is among the latest")
        #expect(Self.lookup(store, "c1", rules: "r2") == ["one under r2"])
        // One more run of a: b's run is no longer among the latest, and its analyses go.
        try Self.record(store, scope: "a", rules: "r2")
        #expect(Self.lookup(store, "c1", rules: "r3") == nil)
        #expect(Self.lookup(store, "c1", rules: "r2") == ["one under r2"])
        #expect(try Self.count("analyses", path) == 1)
        #expect(try Self.count("stored_rules", path) == 1)
    }

    /// Analyses no scope in use used in its latest run are deleted once they are more than a
    /// quarter of the store, with the signatures of files whose content has no analysis left;
    /// those another scope in use used stay; nothing goes while a scope in use has not recorded
    /// the keys it used.
    @Test func analysesOfDocumentsNoScopeUsesAreDeleted() throws {
        let folder = try Repo.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("store.sqlite").path
        var warnings: [Diagnostic] = []
        let store = try AnalysisStore.open(path: path, warnings: &warnings)
        let contents = (0..<8).map { "c\($0)" }
        func record(_ scope: String, _ used: [String]?) throws {
            try store.recordRun(scope: scope, rules: "r", snapshot: Self.snapshot, documents: [], usedKeys: used.map { Self.used($0) })
        }
        func kept() -> [String] { contents.filter { Self.lookup(store, $0) != nil } }
        try Self.save(store, contents.map { ($0, $0) })
        try store.rememberFiles([("/corpus/c0.txt", "s0", "c0"), ("/corpus/c3.txt", "s3", "c3")])
        try record("a", contents)
        #expect(kept() == contents)
        // One of eight no longer used: kept (not more than a quarter).
        try record("a", Array(contents.prefix(7)))
        #expect(kept() == contents)
        // Two of eight: deleted.
        try record("a", Array(contents.prefix(6)))
        #expect(kept() == Array(contents.prefix(6)))
        #expect(try Self.count("analyses", path) == 6)
        // Scope b uses c0 and c6 (analysed again); a then keeps c0...c2: c3...c5 go, c6 stays.
        try Self.save(store, [("c6", "c6")])
        try record("b", ["c0", "c6"])
        #expect(kept() == Array(contents.prefix(7)))
        try record("a", ["c0", "c1", "c2"])
        #expect(kept() == ["c0", "c1", "c2", "c6"])
        #expect(try Self.count("analyses", path) == 4)
        #expect(try Self.count("files", path) == 1, "c3's file signature went with its analysis")
        // A scope in use that has not recorded its keys (a run reused as it was): nothing goes.
        try record("c", nil)
        try record("a", ["c0"])
        #expect(kept() == ["c0", "c1", "c2", "c6"])
        // Once c is no longer among the latest runs, a's and b's use decide again.
        for _ in 0..<AnalysisStore.runsKeptInUse { try record("a", ["c0"]) }
        #expect(kept() == ["c0"], "b is no longer in use either")
        #expect(try Self.count("scope_recorded", path) == 1, "the keys of scopes no longer in use are forgotten")
        #expect(try Self.count("scope_used", path) == 1)
    }
}
