import Foundation
import Testing

@Suite("End to end: briefing run on the seeds and on bad inputs", .serialized)
struct RunIngestTests {
    @Test func seedsGiveDocumentsCSVWithManifestFacts() throws {
        let folder = try BinaryRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try BinaryRunner.copyProjectInputs(into: folder)
        let result = try BinaryRunner.run(["run", "--formats", "csv"], in: folder)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.isEmpty && result.stdout.isEmpty, "a successful run is silent")
        let rows = try BinaryRunner.readCSV(folder.appendingPathComponent("out/documents.csv"))
        #expect(rows.first == ["document_id", "title", "source", "published", "year", "words", "mentions", "quotes", "path"])
        #expect(rows.count == 6)
        #expect(rows[1][0] == "000_d40f502baca9e869" && rows[1][3] == "2014-04" && rows[1][4] == "2014")
        #expect(rows[3][2] == "Xinhua" && rows[3][3] == "2016-12-27")
        #expect(rows[5][2] == "Ministry of Foreign Affairs of the People's Republic of China")
        for row in rows.dropFirst() { #expect((Int(row[5]) ?? 0) > 250, "words of \(row[0])") }
        let json = try String(contentsOf: folder.appendingPathComponent("out/run.json"), encoding: .utf8)
        #expect(json.contains("\"documents\": 5"))
    }

    @Test func seedsWithoutManifestStillGiveDateSourceAndHeadline() throws {
        let folder = try BinaryRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try BinaryRunner.copyProjectInputs(into: folder)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("seeds/manifest.csv"))
        let result = try BinaryRunner.run(["run", "--formats", "csv"], in: folder)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let rows = try BinaryRunner.readCSV(folder.appendingPathComponent("out/documents.csv"))
        #expect(rows[1][1] == "China to work with EU on cybersecurity as Xi wraps up Europe tour")
        #expect(rows[3][2] == "Xinhua" && rows[3][3] == "2016-12-27" && rows[3][4] == "2016")
        #expect(rows[2][4] == "unknown")
    }

    /// 700 files are three batches, read, analysed and folded while the others are: every document
    /// once, in sorted path order, each with its own quotation, and two runs byte-identical.
    @Test func manyBatchesKeepTheirOrder() throws {
        let folder = try BinaryRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try BinaryRunner.copyProjectInputs(into: folder)
        let corpus = folder.appendingPathComponent("many")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        let count = 700
        for number in 0..<count {
            let text = """
                Report \(number) on cyber talks

                Officials met in Brussels on day \(number) to discuss data rules with China.

                "We spoke about item \(number) at length," said Wang Lei\(number % 7), a negotiator.

                """
            try Data(text.utf8).write(to: corpus.appendingPathComponent(String(format: "a%04d.txt", number)))
        }
        for out in ["out1", "out2"] {
            let result = try BinaryRunner.run(["run", "--corpus", "many", "--out", out, "--formats", "csv", "--no-cache"], in: folder,
                                              environment: ["SOURCE_DATE_EPOCH": "1764000000"])
            #expect(result.status == 0, "stderr: \(result.stderr)")
        }
        let documents = try BinaryRunner.readCSV(folder.appendingPathComponent("out1/documents.csv"))
        #expect(documents.dropFirst().map { $0[0] } == (0..<count).map { String(format: "a%04d", $0) })
        let quotes = try BinaryRunner.readCSV(folder.appendingPathComponent("out1/quotes.csv"))
        let header = try #require(quotes.first)
        let document = try #require(header.firstIndex(of: "document_id")), text = try #require(header.firstIndex(of: "quote"))
        #expect(quotes.count == count + 1)
        for (number, row) in quotes.dropFirst().enumerated() {
            #expect(row[document] == String(format: "a%04d", number) && row[text].contains("item \(number) "), "quote row \(number): \(row)")
        }
        for name in csvFiles {
            let first = try Data(contentsOf: folder.appendingPathComponent("out1/\(name)"))
            let second = try Data(contentsOf: folder.appendingPathComponent("out2/\(name)"))
            #expect(first == second, "\(name) differs between two runs")
        }
    }

    @Test func badInputsAreWarningsAndTheRunGoesOn() throws {
        let folder = try BinaryRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try BinaryRunner.copyProjectInputs(into: folder)
        let corpus = folder.appendingPathComponent("bad")
        let fm = FileManager.default
        try fm.createDirectory(at: corpus.appendingPathComponent("nested/deeper"), withIntermediateDirectories: true)
        try fm.createDirectory(at: corpus.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01]).write(to: corpus.appendingPathComponent("binary.txt"))
        try Data(Array("Caf".utf8) + [0xE9, 0x20] + Array("au lait".utf8)).write(to: corpus.appendingPathComponent("latin1.txt"))
        try Data().write(to: corpus.appendingPathComponent("empty.md"))
        let utf16 = [UInt8(0xFF), 0xFE] + "Wang Lei said the talks went well.".utf16.flatMap { (unit: UInt16) -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        try Data(utf16).write(to: corpus.appendingPathComponent("utf16.txt"))
        try Data("A spreadsheet".utf8).write(to: corpus.appendingPathComponent("table.xlsx"))
        try Data("Deep article about cybersecurity.".utf8).write(to: corpus.appendingPathComponent("nested/deeper/deep.txt"))
        try Data("Hidden config".utf8).write(to: corpus.appendingPathComponent(".git/HEAD.txt"))
        let jsonl = #"{"id": "j1", "text": "Good line about Huawei."}"# + "\n" + #"{"text": "#
        try Data(jsonl.utf8).write(to: corpus.appendingPathComponent("feed.jsonl"))

        let result = try BinaryRunner.run(["run", "--corpus", "bad", "--formats", "csv"], in: folder)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let rows = try BinaryRunner.readCSV(folder.appendingPathComponent("out/documents.csv"))
        #expect(rows.dropFirst().map { $0[0] } == ["j1", "nested/deeper/deep", "utf16"])
        let warnings = result.stderr.split(separator: "\n").map(String.init)
        for name in ["binary.txt", "latin1.txt", "empty.md", "table.xlsx", "feed.jsonl:2"] {
            #expect(warnings.contains { $0.contains("warning: \(name)") }, "a warning names \(name): \(result.stderr)")
        }
        #expect(warnings.count == 5)
        #expect(!result.stderr.contains("HEAD.txt"))
    }

    /// The manifest is read only when a run reads documents: a manifest broken after a good run
    /// still stops the next run (its fingerprint changed, so nothing is reused) with 65, naming it,
    /// and the previous outputs stay; a first run with a bad manifest creates no output folder.
    @Test func aManifestBrokenAfterAGoodRunStillStopsTheNextOne() throws {
        let folder = try BinaryRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try BinaryRunner.copyProjectInputs(into: folder)
        #expect(try BinaryRunner.run(["run", "--formats", "csv"], in: folder).status == 0)
        let documents = folder.appendingPathComponent("out/documents.csv")
        let before = try Data(contentsOf: documents)
        let manifest = folder.appendingPathComponent("seeds/manifest.csv")
        try Data("document_id,path\n\"unclosed,x.txt\n".utf8).write(to: manifest)
        let broken = try BinaryRunner.run(["run", "--formats", "csv"], in: folder)
        #expect(broken.status == 65, "stderr: \(broken.stderr)")
        #expect(broken.stderr.contains("manifest.csv"))
        #expect(try Data(contentsOf: documents) == before)

        let fresh = try BinaryRunner.run(["run", "--formats", "csv", "--out", "elsewhere"], in: folder)
        #expect(fresh.status == 65)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("elsewhere").path))
    }

    @Test func missingCorpusExits66() throws {
        let folder = try BinaryRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try BinaryRunner.copyProjectInputs(into: folder)
        let result = try BinaryRunner.run(["run", "--corpus", "nowhere"], in: folder)
        #expect(result.status == 66)
        #expect(result.stderr.contains("nowhere: corpus folder does not exist"))
    }

    @Test func corpusWithNothingReadableExits66() throws {
        let folder = try BinaryRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try BinaryRunner.copyProjectInputs(into: folder)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("void"), withIntermediateDirectories: true)
        try Data().write(to: folder.appendingPathComponent("void/empty.txt"))
        let result = try BinaryRunner.run(["run", "--corpus", "void"], in: folder)
        #expect(result.status == 66)
    }

    @Test func unwritableOutputExits73() throws {
        let folder = try BinaryRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try BinaryRunner.copyProjectInputs(into: folder)
        try Data("a file, not a folder".utf8).write(to: folder.appendingPathComponent("blocked"))
        let result = try BinaryRunner.run(["run", "--out", "blocked/out"], in: folder)
        #expect(result.status == 73, "stderr: \(result.stderr)")
    }

    @Test func badFlagExits64() throws {
        let folder = try BinaryRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try BinaryRunner.run(["run", "--formats", "docx"], in: folder).status == 64)
        #expect(try BinaryRunner.run(["run", "--no-such-flag"], in: folder).status == 64)
    }
}
