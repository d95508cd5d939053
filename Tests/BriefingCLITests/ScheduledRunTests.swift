import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite("End to end: periods, the incremental store, changes, locking", .serialized)
struct ScheduledRunTests {
    func ids(_ folder: URL) throws -> [String] {
        try BinaryRunner.readCSV(folder.appendingPathComponent("out/documents.csv")).dropFirst().map { $0[0] }
    }

    func runJSON(_ folder: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: folder.appendingPathComponent("out/run.json"))
        return (try JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
    }

    @Test func periodFilters() throws {
        let folder = try BinaryRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try BinaryRunner.copyProjectInputs(into: folder)
        func run(_ arguments: [String]) throws -> [String] {
            let result = try BinaryRunner.run(["run", "--formats", "csv"] + arguments, in: folder)
            #expect(result.status == 0, "stderr: \(result.stderr)")
            return try ids(folder).map { String($0.prefix(3)) }
        }
        #expect(try run(["--period", "2016"]) == ["002"])
        #expect(try run(["--period", "2014-04"]) == ["000"])
        #expect(try run(["--since", "2015-01-01", "--until", "2016-12-31"]) == ["002", "003"])
        #expect(try run(["--since", "2019-03-15"]) == ["001", "004"], "a month overlaps a day bound")
        let json = try runJSON(folder)
        #expect((json["period"] as? [String: Any])?["since"] as? String == "2019-03-15")
        #expect(try BinaryRunner.run(["run", "--period", "2016-13"], in: folder).status == 64)
        #expect(try BinaryRunner.run(["run", "--period", "2016", "--since", "2016-01-01"], in: folder).status == 64)
        #expect(try BinaryRunner.run(["run", "--since", "yesterday"], in: folder).status == 64)
    }

    @Test func undatedDocumentsOnlyWithIncludeUndated() throws {
        let folder = try BinaryRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try BinaryRunner.copyProjectInputs(into: folder)
        try Data("An undated note about Huawei and the EU.".utf8).write(to: folder.appendingPathComponent("seeds/zz_undated.txt"))
        #expect(try BinaryRunner.run(["run", "--formats", "csv", "--period", "2016"], in: folder).status == 0)
        #expect(try ids(folder) == ["002_ba9da0e36f3ccbed"])
        #expect((try runJSON(folder)["period"] as? [String: Any])?["undated_excluded"] as? Int == 1)
        #expect(try BinaryRunner.run(["run", "--formats", "csv", "--period", "2016", "--include-undated"], in: folder).status == 0)
        #expect(try ids(folder) == ["002_ba9da0e36f3ccbed", "zz_undated"])
        #expect(try BinaryRunner.run(["run", "--formats", "csv", "--period", "last-30-days"], in: folder,
                                     environment: ["SOURCE_DATE_EPOCH": "1742428800"]).status == 0, "as of 2025-03-20")
        #expect(try ids(folder) == ["001_be0dedd6b9616537"])
    }

    @Test func secondRunReextractsNothingAndATouchedDocumentOnlyItself() throws {
        let folder = try BinaryRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try BinaryRunner.copyProjectInputs(into: folder)
        #expect(try BinaryRunner.run(["run", "--formats", "csv"], in: folder).status == 0)
        #expect(try runJSON(folder)["extracted"] as? Int == 5)
        #expect(try BinaryRunner.run(["run", "--formats", "csv"], in: folder).status == 0)
        #expect(try runJSON(folder)["extracted"] as? Int == 0)
        #expect(try runJSON(folder)["cached"] as? Int == 5)
        let file = folder.appendingPathComponent("seeds/002_ba9da0e36f3ccbed.txt")
        var text = try String(contentsOf: file, encoding: .utf8)
        text += "\n\nHuawei welcomed the strategy.\n"
        try Data(text.utf8).write(to: file)
        #expect(try BinaryRunner.run(["run", "--formats", "csv"], in: folder).status == 0)
        #expect(try runJSON(folder)["extracted"] as? Int == 1)
        #expect(try BinaryRunner.run(["run", "--formats", "csv", "--no-cache"], in: folder).status == 0)
        #expect(try runJSON(folder)["extracted"] as? Int == 5)
        // A change of the template's matching rules invalidates the cache; a change of its title does not.
        let template = folder.appendingPathComponent("ReportTemplates/default.yaml")
        let yaml = try String(contentsOf: template, encoding: .utf8)
        try Data(yaml.replacingOccurrences(of: "title: China–EU digital and cyber relations", with: "title: Renamed").utf8).write(to: template)
        #expect(try BinaryRunner.run(["run", "--formats", "csv"], in: folder).status == 0)
        #expect(try runJSON(folder)["extracted"] as? Int == 0)
        try Data(yaml.replacingOccurrences(of: "aliases: [Huawei, Huawei Technologies]", with: "aliases: [Huawei, Huawei Technologies, HW]").utf8).write(to: template)
        #expect(try BinaryRunner.run(["run", "--formats", "csv"], in: folder).status == 0)
        #expect(try runJSON(folder)["extracted"] as? Int == 5)
        // The analyses of the old rules were dropped when that run was recorded (the store holds
        // one set per template in use): going back re-extracts.
        try Data(yaml.utf8).write(to: template)
        #expect(try BinaryRunner.run(["run", "--formats", "csv"], in: folder).status == 0)
        #expect(try runJSON(folder)["extracted"] as? Int == 5)
    }

    /// The store keeps the analyses of the documents the scopes in use read: when more than a
    /// quarter of its analyses are of documents that left the corpus, they are deleted, and a
    /// document that comes back is analysed again; fewer stay.
    @Test func analysesOfDocumentsThatLeftTheCorpusAreDropped() throws {
        let folder = try BinaryRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try BinaryRunner.copyProjectInputs(into: folder)
        let seeds = folder.appendingPathComponent("seeds"), aside = folder.appendingPathComponent("aside")
        try FileManager.default.createDirectory(at: aside, withIntermediateDirectories: true)
        let names = try FileManager.default.contentsOfDirectory(atPath: seeds.path).filter { $0.hasSuffix(".txt") }.sorted()
        func move(_ moved: ArraySlice<String>, from: URL, to: URL) throws {
            for name in moved { try FileManager.default.moveItem(at: from.appendingPathComponent(name), to: to.appendingPathComponent(name)) }
        }
        func extracted() throws -> Int? {
            let result = try BinaryRunner.run(["run", "--formats", "csv"], in: folder)
            #expect(result.status == 0, "stderr: \(result.stderr)")
            return try runJSON(folder)["extracted"] as? Int
        }
        #expect(names.count == 5)
        #expect(try extracted() == 5)
        // One of five gone: a fifth of the store, kept.
        try move(names.prefix(1), from: seeds, to: aside)
        #expect(try extracted() == 0)
        try move(names.prefix(1), from: aside, to: seeds)
        #expect(try extracted() == 0, "its analysis was kept")
        // Two of five gone: deleted when the run is recorded; back, they are analysed again.
        try move(names.prefix(2), from: seeds, to: aside)
        #expect(try extracted() == 0)
        try move(names.prefix(2), from: aside, to: seeds)
        #expect(try extracted() == 2)
        #expect(try extracted() == 0)
    }

    /// Documents whose content the store already holds take their analyses from it by content:
    /// an article copied under a new name or rewritten unchanged, and the JSONL records of a file
    /// that gained one.
    @Test func knownContentIsTakenFromTheStore() throws {
        let folder = try BinaryRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try BinaryRunner.copyProjectInputs(into: folder)
        let seeds = folder.appendingPathComponent("seeds")
        let records = [#"{"id": "r1", "text": "Huawei and the EU discussed cybersecurity in Brussels."}"#,
                       #"{"id": "r2", "text": "China's regulator, the CAC, met EU officials."}"#]
        try Data((records.joined(separator: "\n") + "\n").utf8).write(to: seeds.appendingPathComponent("wire.jsonl"))
        #expect(try BinaryRunner.run(["run", "--formats", "csv"], in: folder).status == 0)
        #expect(try runJSON(folder)["extracted"] as? Int == 7)
        let original = seeds.appendingPathComponent("002_ba9da0e36f3ccbed.txt")
        let text = try Data(contentsOf: original)
        try text.write(to: seeds.appendingPathComponent("copy_of_002.txt"))
        // Rewritten with the same bytes: its signature (the time of the write) changes, its content does not.
        try text.write(to: original)
        let third = #"{"id": "r3", "text": "The EU and China held a cyber dialogue."}"#
        try Data(((records + [third]).joined(separator: "\n") + "\n").utf8).write(to: seeds.appendingPathComponent("wire.jsonl"))
        #expect(try BinaryRunner.run(["run", "--formats", "csv"], in: folder).status == 0)
        let json = try runJSON(folder)
        #expect(json["read"] as? Int == 9)
        #expect(json["extracted"] as? Int == 1, "only the new record is analysed")
        #expect(json["cached"] as? Int == 8)
    }

    @Test func nothingChangedReusesThePreviousTables() throws {
        let folder = try BinaryRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try BinaryRunner.copyProjectInputs(into: folder)
        #expect(try BinaryRunner.run(["run"], in: folder).status == 0)
        let mentions = try Data(contentsOf: folder.appendingPathComponent("out/mentions.csv"))
        #expect(try BinaryRunner.run(["run"], in: folder).status == 0)
        let reused = try runJSON(folder)
        #expect((reused["timings"] as? [String: Any])?["reuse"] != nil, "the second run reuses the tables")
        #expect(reused["extracted"] as? Int == 0)
        #expect(try Data(contentsOf: folder.appendingPathComponent("out/mentions.csv")) == mentions)
        try KillTests.checkConsistent(folder.appendingPathComponent("out"))
        let changes = try BinaryRunner.readCSV(folder.appendingPathComponent("out/changes.csv"))
        #expect(changes.count == 3 && changes[1] == ["documents", "documents", "5", "5", "0"])
        // A reused table edited by hand: the next run does the whole work again.
        let handle = try FileHandle(forWritingTo: folder.appendingPathComponent("out/mentions.csv"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("x,y,z,1,2\r\n".utf8))
        try handle.close()
        #expect(try BinaryRunner.run(["run"], in: folder).status == 0)
        #expect((try runJSON(folder)["timings"] as? [String: Any])?["extract"] != nil)
        #expect(try Data(contentsOf: folder.appendingPathComponent("out/mentions.csv")) == mentions)
    }

    @Test func changesOnAGrowingCorpus() throws {
        let folder = try BinaryRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try BinaryRunner.copyProjectInputs(into: folder)
        let later = ["001_be0dedd6b9616537.txt", "004_3f4961056e43f902.txt"]
        for name in later { try FileManager.default.moveItem(at: folder.appendingPathComponent("seeds/\(name)"), to: folder.appendingPathComponent(name)) }
        #expect(try BinaryRunner.run(["run", "--formats", "csv"], in: folder).status == 0)
        #expect(try BinaryRunner.readCSV(folder.appendingPathComponent("out/changes.csv")).count == 1, "first run: header only")
        let before = try BinaryRunner.readCSV(folder.appendingPathComponent("out/actor_mentions.csv"))
        for name in later { try FileManager.default.moveItem(at: folder.appendingPathComponent(name), to: folder.appendingPathComponent("seeds/\(name)")) }
        #expect(try BinaryRunner.run(["run"], in: folder).status == 0)
        let after = try BinaryRunner.readCSV(folder.appendingPathComponent("out/actor_mentions.csv"))
        let changes = try BinaryRunner.readCSV(folder.appendingPathComponent("out/changes.csv"))
        #expect(changes[1] == ["documents", "documents", "3", "5", "2"])
        #expect(changes[2] == ["documents", "new documents", "0", "2", "2"])
        func mentions(_ table: [[String]], _ actor: String) -> Int { Int(table.first { $0[0] == actor }?[2] ?? "0") ?? 0 }
        for row in changes.dropFirst(3) where row[0] == "actor" {
            #expect(Int(row[2]) == mentions(before, row[1]) && Int(row[3]) == mentions(after, row[1]), "change of \(row[1])")
            #expect(Int(row[4]) == mentions(after, row[1]) - mentions(before, row[1]))
        }
        #expect(changes.contains { $0[0] == "speaker" } == false, "the two new documents hold no quotation")
        #expect(changes.contains { $0 == ["actor", "Wang Lei", "0", "1", "1"] })
    }

    @Test func aHeldLockExits75AtOnce() throws {
        let folder = try BinaryRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try BinaryRunner.copyProjectInputs(into: folder)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("out"), withIntermediateDirectories: true)
        let descriptor = open(folder.appendingPathComponent("out/.briefing.lock").path, O_CREAT | O_RDWR, 0o644)
        #expect(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        let result = try BinaryRunner.run(["run"], in: folder)
        #expect(result.status == 75)
        #expect(result.stderr.split(separator: "\n").count == 1 && result.stderr.contains("another briefing run"))
        flock(descriptor, LOCK_UN)
        close(descriptor)
        #expect(try BinaryRunner.run(["run", "--formats", "csv"], in: folder).status == 0)
    }

    @Test func twoConcurrentRunsGiveOneSuccessAndOne75() throws {
        let folder = try BinaryRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try BinaryRunner.copyProjectInputs(into: folder)
        try Corpora.grow(folder.appendingPathComponent("seeds"), copies: 400)
        let processes = (0..<2).map { _ -> Process in
            let process = Process()
            process.executableURL = BinaryRunner.binary
            process.arguments = ["run", "--formats", "csv", "--no-cache"]
            process.currentDirectoryURL = folder
            process.standardError = FileHandle.nullDevice
            return process
        }
        for process in processes { try process.run() }
        for process in processes { process.waitUntilExit() }
        let statuses = processes.map(\.terminationStatus).sorted()
        #expect(statuses == [0, 75])
    }
}

/// Test corpora made from the seeds.
enum Corpora {
    /// Adds `copies` varied copies of the seed articles in sub-folders of `folder`.
    static func grow(_ folder: URL, copies: Int) throws {
        let seeds = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        for copy in 0..<copies {
            let sub = folder.appendingPathComponent("copies/\(copy / 100)")
            try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
            let seed = seeds[copy % seeds.count]
            let text = try String(contentsOf: folder.appendingPathComponent(seed), encoding: .utf8)
            try Data((text + "\n\nCopy \(copy) of the article.\n").utf8).write(to: sub.appendingPathComponent("c\(copy).txt"))
        }
    }
}
