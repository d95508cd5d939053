// AnalysisStore: the incremental store — an SQLite database (GRDB) holding each document's analysis
// under the fingerprint of its bytes and of the template's matching rules, and each run's
// statistics for "what changed". Writes are transactions, so a crash mid-write leaves the previous
// state; a store written by another version, or damaged, is rebuilt with a warning, never trusted.
// Bounded: analyses made under matching rules that no recent scope uses any more (a template's
// actors or themes edited) are deleted when a run is recorded, and their pages reused.
import BriefingModel
import Foundation
import GRDB

/// What is cached for one document: the facts read from its text and its analysis.
struct CachedAnalysis: Codable, Sendable {
    var facts: ArticleFacts
    var analysis: DocumentAnalysis
}

/// The statistics of a run kept for comparison with the next one.
public struct RunSnapshot: Codable, Sendable, Equatable {
    /// The run's as-of instant (ISO 8601).
    public var asOf: String
    /// Documents in the briefing.
    public var documents: Int
    /// Mentions per actor.
    public var actors: [String: Int]
    /// Mentions per theme.
    public var themes: [String: Int]
    /// Quotations per speaker.
    public var speakers: [String: Int]

    /// Creates a snapshot.
    public init(asOf: String, documents: Int, actors: [String: Int], themes: [String: Int], speakers: [String: Int]) {
        self.asOf = asOf
        self.documents = documents
        self.actors = actors
        self.themes = themes
        self.speakers = speakers
    }
}

/// The SQLite store of analyses and run snapshots.
final class AnalysisStore: Sendable {
    /// Bumped whenever what is stored changes meaning.
    static let schema = "briefing-store-9/\(BriefingVersion.current)/\(ExtractionRules.version)"

    private let pool: DatabasePool
    /// The per-document look-ups by content key, on connections of their own.
    private let readers: AnalysisReaders
    let path: String

    /// Opens (or creates, or rebuilds) the store at `path`; problems that cost the cache are warnings.
    static func open(path: String, warnings: inout [Diagnostic]) throws(BriefingError) -> AnalysisStore {
        do {
            return try AnalysisStore(path: path)
        } catch StoreProblem.otherVersion(let found) {
            warnings.append(Diagnostic(.warning, path: path, message: "store written by another version (\(found)); rebuilt"))
        } catch {
            warnings.append(Diagnostic(.warning, path: path, message: "store unreadable or damaged (\(error)); rebuilt"))
        }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        do {
            return try AnalysisStore(path: path)
        } catch {
            throw .failure(stage: "store", path: path, reason: "cannot create the store: \(error)")
        }
    }

    private enum StoreProblem: Error { case otherVersion(String), damaged }

    private init(path: String) throws {
        self.path = path
        readers = AnalysisReaders(path: path)
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        // 16 KiB pages for a new store (an existing one keeps its own): an analysis fits in fewer
        // pages, so fewer page writes and reads per document (20,000 JSONL documents, alternated
        // runs: system time 0.36 -> 0.25 s, wall time -6 %).
        // Deleted rows zeroed only where that costs no extra page write (Debian's SQLite zeroes
        // every freed page): deleting the analyses of a million documents under rules no longer
        // in use took 23 s and a 2 GB log with zeroing, 14 s and 1 GB without.
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA page_size = 16384; PRAGMA secure_delete = FAST")
            db.add(function: Self.keyHashFunction)
        }
        pool = try DatabasePool(path: path, configuration: configuration)
        try pool.write { db in
            // The tables that steer a run (schema, file signatures, reusable run, history) are
            // checked at every open; the per-document tables (gigabytes at a million documents) are
            // not scanned: a damaged analysis reads as missing and is made anew.
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
            for table in ["meta", "files", "reusable", "runs"] where tables.contains(table) {
                let check = try String.fetchOne(db, sql: "PRAGMA quick_check(\(table))") ?? ""
                guard check == "ok" else { throw StoreProblem.damaged }
            }
            try db.execute(sql: """
                CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                CREATE TABLE IF NOT EXISTS analyses (id INTEGER PRIMARY KEY, payload BLOB NOT NULL);
                CREATE TABLE IF NOT EXISTS analysis_keys (key TEXT PRIMARY KEY, id INTEGER NOT NULL) WITHOUT ROWID;
                CREATE TABLE IF NOT EXISTS pending_keys (key TEXT NOT NULL, id INTEGER NOT NULL);
                CREATE TABLE IF NOT EXISTS replaced_analyses (id INTEGER NOT NULL);
                CREATE TRIGGER IF NOT EXISTS analysis_replaced AFTER UPDATE OF id ON analysis_keys
                    BEGIN INSERT INTO replaced_analyses (id) VALUES (old.id); END;
                CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, signature TEXT NOT NULL, content TEXT NOT NULL);
                CREATE TABLE IF NOT EXISTS reusable (scope TEXT PRIMARY KEY, record BLOB NOT NULL);
                CREATE TABLE IF NOT EXISTS runs (id INTEGER PRIMARY KEY AUTOINCREMENT, scope TEXT NOT NULL,
                                                 as_of TEXT NOT NULL, rules TEXT NOT NULL, snapshot BLOB NOT NULL);
                CREATE TABLE IF NOT EXISTS stored_rules (rules TEXT PRIMARY KEY) WITHOUT ROWID;
                CREATE TABLE IF NOT EXISTS scopes (id INTEGER PRIMARY KEY, scope TEXT NOT NULL UNIQUE);
                CREATE TABLE IF NOT EXISTS seen_documents (scope_id INTEGER NOT NULL, document_key INTEGER NOT NULL,
                                                           first_run INTEGER NOT NULL, PRIMARY KEY (scope_id, document_key)) WITHOUT ROWID;
                CREATE TABLE IF NOT EXISTS scope_used (scope_id INTEGER NOT NULL, hash INTEGER NOT NULL,
                                                       PRIMARY KEY (scope_id, hash)) WITHOUT ROWID;
                CREATE TABLE IF NOT EXISTS scope_recorded (scope_id INTEGER PRIMARY KEY, used INTEGER NOT NULL);
                """)
            if let found = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema'") {
                guard found == Self.schema else { throw StoreProblem.otherVersion(found) }
            } else {
                try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('schema', ?)", arguments: [Self.schema])
            }
            // Keys a run saved but did not index (it was stopped or failed before its end).
            try Self.indexPendingKeys(db)
        }
    }

    // The look-up connections close before GRDB's, so that its last one can checkpoint the log.
    deinit { readers.close() }

    /// The key of the analysis of a text whose content fingerprint is `content`, under the matching
    /// rules `rules` (`ExtractionRules.fingerprint`).
    static func key(content: String, rules: String) -> String { content + keySuffix(rules: rules) }

    /// How every key made under `rules` ends.
    static func keySuffix(rules: String) -> String { "-" + rules }

    /// How many of the latest runs tell which scopes are in use: the matching rules of each one's
    /// latest run keep their analyses; analyses under any other rules are deleted.
    static let runsKeptInUse = 16

    /// True when analyses made under `rules` are stored (indexed or left pending by a stopped run).
    func holdsAnalyses(rules: String) -> Bool {
        (try? pool.read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM stored_rules WHERE rules = ?)", arguments: [rules])
        }) ?? true
    }

    /// The cached analysis under `key`, if any (thread-safe).
    func lookup(_ key: String) -> CachedAnalysis? {
        readers.payload(key).flatMap(BinaryReader.read)
    }

    /// A stored analysis found for an unchanged file: its stored form and its key.
    typealias Prefetched = (payload: [UInt8], key: String)

    /// For each (path, signature), the stored form of its analysis (`BinaryReader.read` decodes it)
    /// and its key when the file is unchanged since it was last read and its analysis under `rules`
    /// is kept — one query per file, in one read transaction. Decoding is left to the workers.
    func prefetch(_ files: [(path: String, signature: String)], rules: String) -> [Prefetched?] {
        guard !files.isEmpty else { return [] }
        return (try? pool.read { db in
            let payload = try db.cachedStatement(sql: """
                SELECT analyses.payload, analysis_keys.key FROM files JOIN analysis_keys ON analysis_keys.key = files.content || ?
                JOIN analyses ON analyses.id = analysis_keys.id
                WHERE files.path = ? AND files.signature = ?
                """)
            let suffix = Self.keySuffix(rules: rules)
            return try files.map { file -> Prefetched? in
                guard let row = try Row.fetchOne(payload, arguments: [suffix, file.path, file.signature]),
                      let data = row[0] as Data?, let key = row[1] as String? else { return nil }
                return ([UInt8](data), key)
            }
        }) ?? Array(repeating: nil, count: files.count)
    }

    /// Remembers the signatures and content hashes of files read.
    func rememberFiles(_ files: [(String, String, String)]) throws(BriefingError) {
        guard !files.isEmpty else { return }
        do {
            try pool.write { db in
                let rows = try RowInserter(db, sql: "INSERT OR REPLACE INTO files (path, signature, content) VALUES (?, ?, ?)")
                for (path, signature, content) in files { try rows.insert(path, signature, content) }
            }
        } catch {
            throw .failure(stage: "store", path: self.path, reason: "cannot save file signatures: \(error)")
        }
    }

    /// The last run of `scope`, kept for reuse.
    func reusableRun(scope: String) -> ReusableRun? {
        guard let data = try? pool.read({ db in try Data.fetchOne(db, sql: "SELECT record FROM reusable WHERE scope = ?", arguments: [scope]) }) else {
            return nil
        }
        return BinaryReader.readRun([UInt8](data))
    }

    /// Keeps a run for reuse by the next one.
    func keep(_ run: ReusableRun, scope: String) throws(BriefingError) {
        do {
            let data = Data(BinaryWriter.encode(run))
            try pool.write { db in
                try db.execute(sql: "INSERT OR REPLACE INTO reusable (scope, record) VALUES (?, ?)", arguments: [scope, data])
            }
        } catch {
            throw .failure(stage: "store", path: path, reason: "cannot keep the run: \(error)")
        }
    }

    /// The stored form of an analysis (done by the workers, in parallel).
    static func encode(_ entry: CachedAnalysis) -> [UInt8]? {
        var writer = BinaryWriter()
        writer.write(entry)
        return writer.bytes
    }

    /// Saves new analyses in one transaction. Their payloads are appended, and their keys noted
    /// in `pending_keys`, which has no index: the key index is written once, in key order, when the
    /// run is recorded (`indexPendingKeys`). Inserted one by one into the index of a large store,
    /// random keys rewrote most of its pages at every commit (200k new documents: 4.4 GB written
    /// for 442 MB of analyses, 8.4 GB into a store of a million). Until then, the run's own
    /// analyses are not found by content (a document repeated within a run is analysed twice).
    /// `rules` are the matching rules every entry's key was made with (`key(content:rules:)`).
    func save(_ entries: [(String, [UInt8])], rules: String) throws(BriefingError) {
        guard !entries.isEmpty else { return }
        do {
            try pool.write { db in
                try db.execute(sql: "INSERT OR IGNORE INTO stored_rules (rules) VALUES (?)", arguments: [rules])
                let payloads = try RowInserter(db, sql: "INSERT INTO analyses (payload) VALUES (?)")
                let keys = try RowInserter(db, sql: "INSERT INTO pending_keys (key, id) VALUES (?, ?)")
                for (key, payload) in entries {
                    try payloads.insert(blob: payload)
                    try keys.insert(key, db.lastInsertedRowID)
                }
            }
        } catch {
            throw .failure(stage: "store", path: path, reason: "cannot save analyses: \(error)")
        }
    }

    /// Moves the pending keys into the key index in one pass in key order (each index page
    /// written once), the latest analysis of a key winning (rows go in by key, then id: a later
    /// one updates an earlier); a trigger notes the analyses replaced, which are then deleted in id
    /// order. A million pending keys take about 1.5 s; joining them to the index to find the
    /// replaced ones took 6 s (a page read per random key).
    private static func indexPendingKeys(_ db: Database) throws {
        guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM pending_keys)") == true else { return }
        try db.execute(sql: """
            INSERT INTO analysis_keys (key, id) SELECT key, id FROM pending_keys WHERE true ORDER BY key, id
                ON CONFLICT (key) DO UPDATE SET id = excluded.id;
            DELETE FROM analyses WHERE id IN (SELECT id FROM replaced_analyses);
            DELETE FROM replaced_analyses;
            DELETE FROM pending_keys;
            """)
    }

    /// Deletes the analyses made under matching rules that are not those of the latest run of any
    /// scope among the latest `runsKeptInUse` runs. After a template's actors or themes change, the
    /// next recorded run drops the analyses of the old rules (a million documents: about 2 GB), so
    /// the store holds one set of analyses per template in use, not one per edit. A rules value no
    /// longer in use is rare (an edit): its keys are then found by one scan of the key index.
    private static func pruneUnusedRules(_ db: Database) throws {
        let unused = try String.fetchAll(db, sql: """
            SELECT rules FROM stored_rules WHERE rules NOT IN (
                SELECT rules FROM runs WHERE id IN (SELECT max(id) FROM runs WHERE scope IN (\(scopesInUse)) GROUP BY scope))
            ORDER BY rules
            """)
        for rules in unused {
            let suffix = keySuffix(rules: rules)
            let matching = "substr(key, -\(suffix.utf8.count)) = ?"
            try db.execute(sql: """
                DELETE FROM analyses WHERE id IN (SELECT id FROM analysis_keys WHERE \(matching));
                DELETE FROM analysis_keys WHERE \(matching);
                DELETE FROM stored_rules WHERE rules = ?;
                """, arguments: [suffix, suffix, rules])
        }
    }

    /// The scopes in use: those of the latest `runsKeptInUse` runs (SQL).
    private static let scopesInUse = "SELECT scope FROM runs WHERE id IN (SELECT id FROM runs ORDER BY id DESC LIMIT \(runsKeptInUse))"

    /// Deletes the analyses that no scope in use used in its latest run (documents that left every
    /// corpus: a weekly run over the last months' articles), and the signatures of files whose
    /// content has no analysis left, once more than a quarter of the stored analyses are such — so
    /// that the key index is scanned only when that frees a good part of the store. Nothing is
    /// deleted while a scope in use has not recorded the keys it used. All of it in SQL, over
    /// indexed tables: nothing held in memory grows with the store.
    private static func pruneDeparted(_ db: Database) throws {
        let inUse = "SELECT id FROM scopes WHERE scope IN (\(scopesInUse))"
        // The keys of scopes no longer in use are forgotten (a range of the index each).
        for scopeID in try Int64.fetchAll(db, sql: "SELECT scope_id FROM scope_recorded WHERE scope_id NOT IN (\(inUse)) ORDER BY scope_id") {
            try db.execute(sql: "DELETE FROM scope_used WHERE scope_id = ?; DELETE FROM scope_recorded WHERE scope_id = ?",
                           arguments: [scopeID, scopeID])
        }
        let scopes = try Int64.fetchAll(db, sql: "SELECT id FROM (\(inUse)) ORDER BY id")
        let recorded = try Int.fetchOne(db, sql: "SELECT count(*) FROM scope_recorded WHERE scope_id IN (\(inUse))") ?? 0
        guard !scopes.isEmpty, recorded == scopes.count else { return }
        // One scope in use (the usual case): its count as recorded, without a scan.
        let used = try scopes.count == 1
            ? Int.fetchOne(db, sql: "SELECT used FROM scope_recorded WHERE scope_id = ?", arguments: [scopes[0]]) ?? 0
            : Int.fetchOne(db, sql: "SELECT count(DISTINCT hash) FROM scope_used WHERE scope_id IN (\(inUse))") ?? 0
        let stored = try Int.fetchOne(db, sql: "SELECT count(*) FROM analysis_keys") ?? 0
        guard stored - used > used / 4 else { return }
        // Each key looked up in the used keys' index; the departed ids kept in a temporary table in
        // id order, so that the analyses' pages are visited once and the key index scanned once.
        try db.execute(sql: """
            CREATE TEMP TABLE departed (id INTEGER PRIMARY KEY);
            INSERT OR IGNORE INTO departed (id) SELECT id FROM analysis_keys WHERE NOT EXISTS (
                SELECT 1 FROM scope_used WHERE scope_id IN (\(inUse)) AND hash = \(keyHashFunction.name)(analysis_keys.key));
            DELETE FROM analyses WHERE id IN (SELECT id FROM departed);
            DELETE FROM analysis_keys WHERE id IN (SELECT id FROM departed);
            DROP TABLE departed;
            """)
        // A key is a content then "-" and the rules: a file's keys are those from content || '-' to content || '.'.
        try db.execute(sql: """
            DELETE FROM files WHERE NOT EXISTS (
                SELECT 1 FROM analysis_keys WHERE key > files.content || '-' AND key < files.content || '.')
            """)
    }

    /// `KeyHash.of` a store key, as a signed integer (the form of `scope_used.hash`), in SQL.
    private static let keyHashFunction = DatabaseFunction("briefing_key_hash", argumentCount: 1, pure: true) { values in
        guard let key = String.fromDatabaseValue(values[0]) else { return nil }
        return Int64(bitPattern: KeyHash.of(key))
    }

    /// The snapshot of the latest run of `scope`, if any.
    func lastSnapshot(scope: String) -> RunSnapshot? {
        guard let data = try? pool.read({ db in
            try Data.fetchOne(db, sql: "SELECT snapshot FROM runs WHERE scope = ? ORDER BY id DESC LIMIT 1", arguments: [scope])
        }) else { return nil }
        return try? JSONDecoder().decode(RunSnapshot.self, from: data)
    }

    /// True when some run of `scope` has recorded the documents it saw (read-only).
    func hasHistory(scope: String) throws(BriefingError) -> Bool {
        do {
            return try pool.read { db in
                try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM seen_documents WHERE scope_id = (SELECT id FROM scopes WHERE scope = ?))", arguments: [scope]) ?? false
            }
        } catch {
            throw .failure(stage: "store", path: path, reason: "cannot read the run history: \(error)")
        }
    }

    /// The keys of `keys` this scope has never seen, in their order (read-only). Asked 500 at a
    /// time with `IN`: one query per key was a fifth of the serial fold of an incremental run.
    func unseen(scope: String, among keys: [UInt64]) throws(BriefingError) -> [UInt64] {
        guard !keys.isEmpty else { return [] }
        do {
            return try pool.read { db in
                var found = Set<Int64>()
                var start = 0
                while start < keys.count {
                    let chunk = keys[start..<min(keys.count, start + 500)]
                    let marks = repeatElement("?", count: chunk.count).joined(separator: ",")
                    let statement = try db.cachedStatement(sql: """
                        SELECT document_key FROM seen_documents
                        WHERE scope_id = (SELECT id FROM scopes WHERE scope = ?) AND document_key IN (\(marks))
                        """)
                    var arguments: [(any DatabaseValueConvertible)?] = [scope]
                    for key in chunk { arguments.append(Int64(bitPattern: key)) }
                    for key in try Int64.fetchAll(statement, arguments: StatementArguments(arguments)) { found.insert(key) }
                    start = chunk.endIndex
                }
                return keys.filter { !found.contains(Int64(bitPattern: $0)) }
            }
        } catch {
            throw .failure(stage: "store", path: path, reason: "cannot read the run history: \(error)")
        }
    }

    /// Starts the journal of a run: the documents it sees for the first time and the `KeyHash` of
    /// each analysis key it uses, appended batch by batch (`journal(unseen:used:)`) to temporary
    /// tables of the writing connection and moved into the store when the run is recorded, so that
    /// a million documents' keys are not held in memory. A journal left by a run that failed is
    /// dropped.
    func beginJournal() throws(BriefingError) {
        do {
            try pool.write { db in
                try db.execute(sql: Self.journalTables + "; DELETE FROM journal_unseen; DELETE FROM journal_used")
            }
        } catch {
            throw .failure(stage: "store", path: path, reason: "cannot start the run's journal: \(error)")
        }
    }

    /// The journal's tables, made when first needed (temporary: they live with the writing connection).
    private static let journalTables = """
        CREATE TEMP TABLE IF NOT EXISTS journal_unseen (document_key INTEGER NOT NULL);
        CREATE TEMP TABLE IF NOT EXISTS journal_used (hash INTEGER NOT NULL)
        """

    /// Appends a batch's unseen document keys and used analysis keys to the run's journal.
    func journal(unseen: [UInt64], used: [UInt64]) throws(BriefingError) {
        guard !unseen.isEmpty || !used.isEmpty else { return }
        do {
            try pool.write { db in
                let documents = try RowInserter(db, sql: "INSERT INTO journal_unseen (document_key) VALUES (?)")
                for key in unseen { try documents.insert(Int64(bitPattern: key)) }
                let hashes = try RowInserter(db, sql: "INSERT INTO journal_used (hash) VALUES (?)")
                for key in used { try hashes.insert(Int64(bitPattern: key)) }
            }
        } catch {
            throw .failure(stage: "store", path: path, reason: "cannot write the run's journal: \(error)")
        }
    }

    /// Records a run made under the matching rules `rules` with its journal: the documents it saw
    /// for the first time and, when `recordsKeys`, the keys it used (otherwise those of the scope's
    /// previous run stand: a reused run); and deletes the analyses no scope in use needs any more
    /// (`pruneUnusedRules`, `pruneDeparted`), in one transaction. The journal is emptied.
    func recordRun(scope: String, rules: String, snapshot: RunSnapshot, recordsKeys: Bool) throws(BriefingError) {
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            try pool.write { db in
                try db.execute(sql: Self.journalTables)
                try Self.indexPendingKeys(db)
                try db.execute(sql: "INSERT INTO runs (scope, as_of, rules, snapshot) VALUES (?, ?, ?, ?)",
                               arguments: [scope, snapshot.asOf, rules, try encoder.encode(snapshot)])
                let run = db.lastInsertedRowID
                // The scope (a path pair, ~100 bytes) is stored once; the tables below hold its id.
                try db.execute(sql: "INSERT OR IGNORE INTO scopes (scope) VALUES (?)", arguments: [scope])
                guard let scopeID = try Int64.fetchOne(db, sql: "SELECT id FROM scopes WHERE scope = ?", arguments: [scope]) else { return }
                if recordsKeys {
                    // Sorted first: each page of the index is written once.
                    try db.execute(sql: "DELETE FROM scope_used WHERE scope_id = ?", arguments: [scopeID])
                    try db.execute(sql: "INSERT OR IGNORE INTO scope_used (scope_id, hash) SELECT ?, hash FROM journal_used ORDER BY hash",
                                   arguments: [scopeID])
                    try db.execute(sql: "INSERT OR REPLACE INTO scope_recorded (scope_id, used) VALUES (?, ?)", arguments: [scopeID, db.changesCount])
                }
                try Self.pruneUnusedRules(db)
                try Self.pruneDeparted(db)
                // In key order: each page of the history's index is written once (in the listing's
                // order, a million keys took seconds of page reads and writes).
                try db.execute(sql: """
                    INSERT OR IGNORE INTO seen_documents (scope_id, document_key, first_run)
                        SELECT ?, document_key, ? FROM journal_unseen ORDER BY document_key
                    """, arguments: [scopeID, run])
                try db.execute(sql: "DELETE FROM journal_unseen; DELETE FROM journal_used")
            }
        } catch {
            throw .failure(stage: "store", path: path, reason: "cannot record the run: \(error)")
        }
    }

    /// Records a run from lists rather than a journal built batch by batch (`nil` keys: a reused run).
    func recordRun(scope: String, rules: String, snapshot: RunSnapshot, documents: [UInt64],
                   usedKeys: [UInt64]? = nil) throws(BriefingError) {
        try beginJournal()
        try journal(unseen: documents, used: usedKeys ?? [])
        try recordRun(scope: scope, rules: rules, snapshot: snapshot, recordsKeys: usedKeys != nil)
    }
}

/// The version of the extraction rules: part of every cache key, bumped when rules change results.
enum ExtractionRules {
    static let version = "rules-2"

    /// The fingerprint of what in a template changes extraction (actors, aliases, kinds, themes, terms).
    static func fingerprint(_ template: ReportTemplate) -> String {
        var canonical = version + "\n"
        for actor in template.actors {
            canonical += "A\t\(actor.name)\t\(actor.kind.rawValue)\t\(actor.aliases.joined(separator: "\t"))\n"
        }
        for theme in template.themes {
            canonical += "T\t\(theme.name)\t\(theme.terms.joined(separator: "\t"))\n"
        }
        return ContentHash.hex(Array(canonical.utf8))
    }
}
