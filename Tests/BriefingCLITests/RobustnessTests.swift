import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Hostile and broken inputs, limits and faults (docs/robustness.md lists them with these tests).
@Suite("End to end: hostile input, limits and faults", .serialized)
struct RobustnessTests {
    func folderWithSeeds() throws -> URL {
        let folder = try BinaryRunner.temporaryFolder()
        try BinaryRunner.copyProjectInputs(into: folder)
        return folder
    }

    func warnings(_ result: BinaryRunner.Result) -> [String] {
        result.stderr.split(separator: "\n").map(String.init).filter { $0.contains("warning:") }
    }

    @Test func documentOverTheSizeLimitIsSkipped() throws {
        let folder = try folderWithSeeds()
        defer { try? FileManager.default.removeItem(at: folder) }
        let big = String(repeating: "The EU and China talk about cybersecurity. ", count: 40_000)
        try Data(big.utf8).write(to: folder.appendingPathComponent("seeds/zz_big.txt"))
        let result = try BinaryRunner.run(["run", "--formats", "csv", "--max-document-size", "1"], in: folder)
        #expect(result.status == 0)
        #expect(warnings(result).contains { $0.contains("zz_big.txt: larger than the document size limit") })
        #expect(try BinaryRunner.readCSV(folder.appendingPathComponent("out/documents.csv")).count == 6)
    }

    @Test func millionCharacterLineAndTenThousandQuotationMarks() throws {
        let folder = try folderWithSeeds()
        defer { try? FileManager.default.removeItem(at: folder) }
        let line = String(repeating: "Huawei said the EU is ready ", count: 36_000)   // ~1M characters, no line break
        try Data(line.utf8).write(to: folder.appendingPathComponent("seeds/zz_line.txt"))
        var marks = "Zhao Junjie spoke at length.\n\n"
        for index in 0..<5_000 { marks += "\"Point \(index) is made,\" he said. " }
        try Data(marks.utf8).write(to: folder.appendingPathComponent("seeds/zz_marks.txt"))
        try Data("\"This quotation never closes and runs on to the end of the text without a closing mark".utf8)
            .write(to: folder.appendingPathComponent("seeds/zz_open.txt"))
        let result = try BinaryRunner.run(["run", "--formats", "csv"], in: folder)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let quotes = try BinaryRunner.readCSV(folder.appendingPathComponent("out/quotes.csv"))
        #expect(quotes.filter { $0[0] == "zz_marks" }.count == 5_000)
        #expect(quotes.filter { $0[0] == "zz_marks" }.allSatisfy { $0[1] == "Zhao Junjie" })
        #expect(quotes.contains { $0[0] == "zz_open" && $0[3].hasSuffix("without a closing mark") })
    }

    @Test func hundredMegabyteJSONLineIsSkippedAndTheOthersRead() throws {
        let folder = try folderWithSeeds()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("seeds/feed.jsonl")
        #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
        let handle = try FileHandle(forWritingTo: url)
        try handle.write(contentsOf: Data(#"{"id": "first", "text": "The EU met Huawei."}"#.utf8 + [0x0A]))
        try handle.write(contentsOf: Data(#"{"id": "huge", "text": ""#.utf8))
        let block = Data(repeating: UInt8(ascii: "a"), count: 1 << 20)
        for _ in 0..<100 { try handle.write(contentsOf: block) }
        try handle.write(contentsOf: Data(#""}"#.utf8 + [0x0A]))
        try handle.write(contentsOf: Data(#"{"id": "last", "text": "China answered the EU."}"#.utf8 + [0x0A]))
        try handle.close()
        let result = try BinaryRunner.run(["run", "--formats", "csv"], in: folder)
        #expect(result.status == 0)
        #expect(warnings(result).contains { $0.contains("feed.jsonl:2: line longer than the document size limit") })
        let ids = try BinaryRunner.readCSV(folder.appendingPathComponent("out/documents.csv")).map { $0[0] }
        #expect(ids.contains("first") && ids.contains("last") && !ids.contains("huge"))
    }

    @Test func deepFoldersAndSymbolicLinkLoops() throws {
        let folder = try folderWithSeeds()
        defer { try? FileManager.default.removeItem(at: folder) }
        var deep = folder.appendingPathComponent("seeds")
        for level in 0..<140 {
            deep = deep.appendingPathComponent("d")
            try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
            if level == 10 || level == 139 {
                try Data("The EU at level \(level).".utf8).write(to: deep.appendingPathComponent("doc\(level).txt"))
            }
        }
        let loop = folder.appendingPathComponent("seeds/loop")
        try FileManager.default.createDirectory(at: loop, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: loop.appendingPathComponent("back").path, withDestinationPath: loop.path)
        let result = try BinaryRunner.run(["run", "--formats", "csv"], in: folder)
        #expect(result.status == 0)
        #expect(warnings(result).contains { $0.contains("loop/back: folder already read (symbolic link loop); skipped") })
        #expect(warnings(result).contains { $0.contains("nested deeper than 128 levels") })
        let ids = try BinaryRunner.readCSV(folder.appendingPathComponent("out/documents.csv")).map { $0[0] }
        #expect(ids.contains { $0.hasSuffix("doc10") } && !ids.contains { $0.hasSuffix("doc139") })
    }

    @Test func unreadableFileIsAWarning() throws {
        guard geteuid() != 0 else {
            print("skipped: root reads every file whatever its permissions")
            return
        }
        let folder = try folderWithSeeds()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("seeds/locked.txt")
        try Data("Secret".utf8).write(to: url)
        chmod(url.path, 0)
        let result = try BinaryRunner.run(["run", "--formats", "csv"], in: folder)
        #expect(result.status == 0)
        #expect(warnings(result).contains { $0.contains("locked.txt: cannot be read") })
    }

    @Test func hostileTemplates() throws {
        let folder = try folderWithSeeds()
        defer { try? FileManager.default.removeItem(at: folder) }
        var bomb = "title: bomb\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for (name, previous) in zip(["b", "c", "d", "e", "f", "g", "h", "i"], ["a", "b", "c", "d", "e", "f", "g", "h"]) {
            bomb += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }
        bomb += "actors: *i\nthemes: *i\n"
        try Data(bomb.utf8).write(to: folder.appendingPathComponent("bomb.yaml"))
        #expect(try BinaryRunner.run(["check-template", "bomb.yaml"], in: folder).status == 65)
        let deep = "title: deep\nactors: " + String(repeating: "[", count: 20_000) + String(repeating: "]", count: 20_000) + "\nthemes: []\n"
        try Data(deep.utf8).write(to: folder.appendingPathComponent("deep.yaml"))
        let deepResult = try BinaryRunner.run(["check-template", "deep.yaml"], in: folder)
        #expect(deepResult.status == 65 && deepResult.stderr.contains("deep.yaml:2:"))
        let empty = "title: x\nactors:\n  - {name: A, kind: person, aliases: [\"\", \"--\", \"  \"]}\nthemes:\n  - {name: T, terms: [\"*\"]}\n"
        try Data(empty.utf8).write(to: folder.appendingPathComponent("empty.yaml"))
        let emptyResult = try BinaryRunner.run(["check-template", "empty.yaml"], in: folder)
        #expect(emptyResult.status == 65)
        #expect(emptyResult.stderr.contains("has no letter or digit to match"))
        var many = "title: many\nactors:\n"
        for index in 0..<10_000 { many += "  - {name: Actor\(index), kind: person, aliases: [Actor\(index) Name, A\(index)X]}\n" }
        many += "themes:\n  - {name: T, terms: [cyber*]}\n"
        try Data(many.utf8).write(to: folder.appendingPathComponent("many.yaml"))
        #expect(try BinaryRunner.run(["run", "--template", "many.yaml", "--formats", "csv"], in: folder).status == 0)
    }

    @Test func articleTextNeverBecomesMarkup() throws {
        guard installed("pdftotext") else {
            print("skipped: pdftotext (poppler-utils) is needed")
            return
        }
        let folder = try folderWithSeeds()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = "“<b>Bold</b> & <span foreground='red'>red</span> is what we said,” said Zhao Junjie."
        try Data(text.utf8).write(to: folder.appendingPathComponent("seeds/zz_markup.txt"))
        let result = try BinaryRunner.run(["run"], in: folder)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let pdfText = try tool("pdftotext", [folder.appendingPathComponent("out/briefing.pdf").path, "-"]).1
        #expect(pdfText.contains("<b>Bold</b>"))
    }

    @Test func damagedStoreIsRebuiltWithAWarning() throws {
        let folder = try folderWithSeeds()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try BinaryRunner.run(["run", "--formats", "csv"], in: folder).status == 0)
        try Data(repeating: 0x42, count: 8192).write(to: folder.appendingPathComponent("out/.briefing.sqlite"))
        let result = try BinaryRunner.run(["run", "--formats", "csv"], in: folder)
        #expect(result.status == 0)
        #expect(warnings(result).contains { $0.contains(".briefing.sqlite: store unreadable or damaged") })
        #expect(try BinaryRunner.run(["run", "--formats", "csv"], in: folder).status == 0)
    }

    @Test func sigtermStopsAtASafePointWithNothingHalfWritten() throws {
        let folder = try folderWithSeeds()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try BinaryRunner.run(["run", "--formats", "csv"], in: folder).status == 0)
        let before = try Data(contentsOf: folder.appendingPathComponent("out/documents.csv"))
        try Corpora.grow(folder.appendingPathComponent("seeds"), copies: 3000)
        let process = Process()
        process.executableURL = BinaryRunner.binary
        process.arguments = ["run", "--formats", "csv"]
        process.currentDirectoryURL = folder
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        usleep(300_000)
        process.terminate()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus == 0 {
            print("note: the run finished before SIGTERM arrived")
            return
        }
        #expect(process.terminationStatus == 1)
        #expect(message.contains("stopped by a signal"))
        #expect(try Data(contentsOf: folder.appendingPathComponent("out/documents.csv")) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
    }

    @Test func fullOutputFolderExits73AndKeepsThePreviousOutputs() throws {
        let folder = try folderWithSeeds()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("small")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-t", "tmpfs", "-o", "size=160k", "tmpfs", out.path]
        mount.standardError = FileHandle.nullDevice
        guard (try? mount.run()) != nil else { print("skipped: mount is not available"); return }
        mount.waitUntilExit()
        guard mount.terminationStatus == 0 else {
            print("skipped: cannot mount a small tmpfs here")
            return
        }
        defer {
            let umount = Process()
            umount.executableURL = URL(fileURLWithPath: "/bin/umount")
            umount.arguments = [out.path]
            try? umount.run()
            umount.waitUntilExit()
        }
        #expect(try BinaryRunner.run(["run", "--formats", "csv", "--out", "small", "--store", folder.appendingPathComponent("store.sqlite").path], in: folder).status == 0)
        let before = try Data(contentsOf: out.appendingPathComponent("mentions.csv"))
        try Corpora.grow(folder.appendingPathComponent("seeds"), copies: 300)
        let result = try BinaryRunner.run(["run", "--formats", "csv", "--out", "small", "--store", folder.appendingPathComponent("store.sqlite").path], in: folder)
        #expect(result.status == 73, "stderr: \(result.stderr)")
        #expect(try Data(contentsOf: out.appendingPathComponent("mentions.csv")) == before)
    }
}
