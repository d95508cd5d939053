import Foundation
import Testing

/// The CSV files a run writes, in INTERFACE.md's order.
let csvFiles = ["documents.csv", "actor_mentions.csv", "themes_by_year.csv", "quotes.csv", "quote_counts.csv",
                "mentions.csv", "cooccurrence.csv", "changes.csv"]

@Suite("End to end: CSV outputs on the seeds", .serialized)
struct CSVOutputTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/seeds")

    func runSeeds(_ folder: URL, extra: [String] = []) throws -> BinaryRunner.Result {
        try BinaryRunner.copyProjectInputs(into: folder)
        return try BinaryRunner.run(["run", "--formats", "csv"] + extra, in: folder, environment: ["SOURCE_DATE_EPOCH": "1764000000"])
    }

    @Test func goldenFiles() throws {
        let folder = try BinaryRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try runSeeds(folder)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let update = ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1"
        for name in csvFiles + ["run.json"] {
            let produced = try Data(contentsOf: folder.appendingPathComponent("out/\(name)"))
            let goldenURL = Self.golden.appendingPathComponent(name)
            if update { try produced.write(to: goldenURL) }
            let expected = try Data(contentsOf: goldenURL)
            #expect(produced == expected, "\(name) differs from Tests/BriefingCLITests/Golden/seeds/\(name) (UPDATE_GOLDEN=1 to accept)")
        }
    }

    @Test func headersAsDocumentedAndReadableByPython() throws {
        let folder = try BinaryRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try runSeeds(folder).status == 0)
        let script = """
        import csv, json, sys
        out = sys.argv[1]
        expected = {
          "documents.csv": ["document_id","title","source","published","year","words","mentions","quotes","path"],
          "actor_mentions.csv": ["actor","kind","mentions","documents","first_published","last_published"],
          "themes_by_year.csv": ["theme","year","documents","mentions"],
          "quotes.csv": ["document_id","speaker","actor","quote","start","end"],
          "quote_counts.csv": ["speaker","actor","quotes","documents"],
          "mentions.csv": ["document_id","actor","text","start","end"],
          "cooccurrence.csv": ["actor_a","actor_b","documents"],
        }
        for name, header in expected.items():
            raw = open(f"{out}/{name}", "rb").read()
            assert raw.startswith(b"\\xef\\xbb\\xbf"), name + " has no BOM"
            assert b"\\r\\n" in raw and raw.count(b"\\n") == raw.count(b"\\r\\n"), name + " line ends"
            rows = list(csv.reader(open(f"{out}/{name}", encoding="utf-8-sig", newline="")))
            assert rows[0] == header, (name, rows[0])
            assert all(len(r) == len(header) for r in rows), name + " ragged"
        texts = {}
        for name in ["000_d40f502baca9e869", "003_d41cb19d21640c5d"]:
            texts[name] = open(f"seeds/{name}.txt", encoding="utf-8").read()
        for r in csv.DictReader(open(f"{out}/quotes.csv", encoding="utf-8-sig", newline="")):
            if r["document_id"] in texts:
                assert texts[r["document_id"]][int(r["start"]):int(r["end"])] == r["quote"], r
        for r in csv.DictReader(open(f"{out}/mentions.csv", encoding="utf-8-sig", newline="")):
            if r["document_id"] in texts:
                assert texts[r["document_id"]][int(r["start"]):int(r["end"])] == r["text"], r
        print("ok")
        """
        let scriptURL = folder.appendingPathComponent("check.py")
        try Data(script.utf8).write(to: scriptURL)
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", scriptURL.path, folder.appendingPathComponent("out").path]
        python.currentDirectoryURL = folder
        let pipe = Pipe()
        python.standardOutput = pipe
        python.standardError = pipe
        try python.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        python.waitUntilExit()
        #expect(python.terminationStatus == 0 && output.contains("ok"), "python: \(output)")
    }

    @Test func countsReconcileWithTheEvidence() throws {
        let folder = try BinaryRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try runSeeds(folder).status == 0)
        try Reconciliation.check(folder.appendingPathComponent("out"))
    }

    @Test func byteIdenticalAcrossRunsAndFileOrder() throws {
        let first = try BinaryRunner.temporaryFolder(), second = try BinaryRunner.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: first)
            try? FileManager.default.removeItem(at: second)
        }
        #expect(try runSeeds(first).status == 0)
        // The second corpus is written file by file in reverse order.
        try FileManager.default.createDirectory(at: second.appendingPathComponent("seeds"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: BinaryRunner.root.appendingPathComponent("ReportTemplates"), to: second.appendingPathComponent("ReportTemplates"))
        let names = try FileManager.default.contentsOfDirectory(atPath: BinaryRunner.root.appendingPathComponent("seeds").path).sorted().reversed()
        for name in names {
            try FileManager.default.copyItem(at: BinaryRunner.root.appendingPathComponent("seeds/\(name)"), to: second.appendingPathComponent("seeds/\(name)"))
        }
        #expect(try BinaryRunner.run(["run", "--formats", "csv"], in: second, environment: ["SOURCE_DATE_EPOCH": "1764000000"]).status == 0)
        for name in csvFiles + ["run.json"] {
            let a = try Data(contentsOf: first.appendingPathComponent("out/\(name)"))
            let b = try Data(contentsOf: second.appendingPathComponent("out/\(name)"))
            #expect(a == b, "\(name) differs between runs")
        }
    }

    @Test func formulaInjectionIsNeutralised() throws {
        let folder = try BinaryRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try BinaryRunner.copyProjectInputs(into: folder)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("evil"), withIntermediateDirectories: true)
        let text = "“=HYPERLINK(1;2) is what we want,” said Zhao Junjie.\n\n“-2+3 is the answer, for sure,” said Wang Lei.\n"
        try Data(text.utf8).write(to: folder.appendingPathComponent("evil/a.txt"))
        let result = try BinaryRunner.run(["run", "--corpus", "evil", "--formats", "csv", "--csv-bom", "false"], in: folder)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let rows = try BinaryRunner.readCSV(folder.appendingPathComponent("out/quotes.csv"))
        #expect(rows.count == 3)
        #expect(rows[1][3].hasPrefix("'=HYPERLINK"))
        #expect(rows[2][3].hasPrefix("'-2+3"))
        #expect(Int(rows[1][4]) != nil, "offsets stay numbers")
        let raw = try Data(contentsOf: folder.appendingPathComponent("out/quotes.csv"))
        #expect(!raw.starts(with: [0xEF, 0xBB, 0xBF]), "--csv-bom=false omits the BOM")
    }

    @Test func libreOfficeOpensQuotesCSV() throws {
        let candidates = ["/usr/bin/libreoffice", "/usr/bin/soffice"]
        guard let officePath = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            print("skipped: LibreOffice is not installed (Debian: libreoffice-calc-nogui)")
            return
        }
        let folder = try BinaryRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try BinaryRunner.copyProjectInputs(into: folder)
        let extra = "“Wir sind bereit, und zwar sofort,” said Zoë Müller, a trade official.\n\n“Les règles doivent être claires, pour tous,” said Søren Ågård.\n"
        try Data(extra.utf8).write(to: folder.appendingPathComponent("seeds/zz_extra.txt"))
        #expect(try BinaryRunner.run(["run", "--formats", "csv"], in: folder).status == 0)
        func office(_ arguments: [String]) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: officePath)
            process.arguments = ["--headless"] + arguments
            process.environment = ["HOME": folder.path, "PATH": "/usr/bin:/bin"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
        }
        // CSV → XLSX as a spreadsheet user would open it, then back to CSV to read what Calc saw.
        try office(["--infilter=CSV:44,34,76,1", "--convert-to", "xlsx", "--outdir", folder.appendingPathComponent("lo").path,
                    folder.appendingPathComponent("out/quotes.csv").path])
        try office(["--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", folder.appendingPathComponent("back").path,
                    folder.appendingPathComponent("lo/quotes.xlsx").path])
        let seen = try BinaryRunner.readCSV(folder.appendingPathComponent("back/quotes.csv"))
        let ours = try BinaryRunner.readCSV(folder.appendingPathComponent("out/quotes.csv"))
        #expect(seen.count == ours.count, "rows")
        #expect(seen.map { $0[1] } == ours.map { $0[1] }, "speakers")
        #expect(seen.contains { $0[1] == "Zoë Müller" } && seen.contains { $0[1] == "Søren Ågård" }, "non-ASCII names intact")
    }
}

@Suite("End to end: the development set of annotated news")
struct DevelopmentSetTests {
    static let corpus = BinaryRunner.root.deletingLastPathComponent().appendingPathComponent("shared/eval/quotes-dev/corpus")

    @Test func countsReconcileOnTheDevelopmentSet() throws {
        guard FileManager.default.fileExists(atPath: Self.corpus.path) else {
            print("skipped: ../shared/eval/quotes-dev is not here")
            return
        }
        let folder = try BinaryRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try BinaryRunner.copyProjectInputs(into: folder)
        let result = try BinaryRunner.run(["run", "--corpus", Self.corpus.path, "--template", "ReportTemplates/us-politics-2016.yaml",
                                           "--formats", "csv"], in: folder)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        try Reconciliation.check(folder.appendingPathComponent("out"))
        let documents = try BinaryRunner.readCSV(folder.appendingPathComponent("out/documents.csv"))
        #expect(documents.count == 101)
    }
}
