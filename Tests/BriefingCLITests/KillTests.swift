import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite("End to end: a run killed at random moments", .serialized)
struct KillTests {
    /// A small deterministic generator (the test must be repeatable).
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state
        }
    }

    /// Every output is complete and they belong to the same run: run.json's row counts match the files.
    static func checkConsistent(_ out: URL) throws {
        let data = try Data(contentsOf: out.appendingPathComponent("run.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let outputs = try #require(json["outputs"] as? [String: Int])
        for (name, rows) in outputs where name.hasSuffix(".csv") {
            let table = try BinaryRunner.readCSV(out.appendingPathComponent(name))
            #expect(table.count - 1 == rows, "\(name): \(table.count - 1) rows, run.json says \(rows)")
        }
        let documents = try BinaryRunner.readCSV(out.appendingPathComponent("documents.csv")).count - 1
        #expect(documents == json["documents"] as? Int)
        let pdf = try Data(contentsOf: out.appendingPathComponent("briefing.pdf"))
        #expect(pdf.starts(with: Array("%PDF-".utf8)) && String(decoding: pdf.suffix(8), as: UTF8.self).contains("%%EOF"))
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["BRIEFING_SLOW_TESTS"] == "1", "slow: set BRIEFING_SLOW_TESTS=1 (CI does)"))
    func killedRunsLeaveOldOrNewOutputsWhole() throws {
        let folder = try BinaryRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try BinaryRunner.copyProjectInputs(into: folder)
        try Corpora.grow(folder.appendingPathComponent("seeds"), copies: 2000)
        let start = Date()
        #expect(try BinaryRunner.run(["run"], in: folder).status == 0)
        let coldSeconds = Date().timeIntervalSince(start)
        try Self.checkConsistent(folder.appendingPathComponent("out"))
        var generator = Generator(state: 20261125)
        var killed = 0
        for round in 0..<20 {
            // The corpus grows by one document each round, so old and new outputs differ.
            try Data("Round \(round): the EU and China met in Brussels on cybersecurity.".utf8)
                .write(to: folder.appendingPathComponent("seeds/round\(round).txt"))
            let process = Process()
            process.executableURL = BinaryRunner.binary
            process.arguments = ["run", round % 3 == 0 ? "--no-cache" : "--quiet"]
            process.currentDirectoryURL = folder
            process.standardError = FileHandle.nullDevice
            try process.run()
            let delay = Double(generator.next() % 1000) / 1000 * coldSeconds * 0.7
            usleep(useconds_t(delay * 1_000_000))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                killed += 1
            }
            process.waitUntilExit()
            try Self.checkConsistent(folder.appendingPathComponent("out"))
        }
        #expect(killed >= 5, "rounds killed mid-run: \(killed) of 20")
        // The store is still usable, and no temporary file is left after a complete run.
        #expect(try BinaryRunner.run(["run"], in: folder).status == 0)
        try Self.checkConsistent(folder.appendingPathComponent("out"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty, "temporary files left: \(leftovers)")
        let documents = try BinaryRunner.readCSV(folder.appendingPathComponent("out/documents.csv")).count - 1
        #expect(documents == 2025)
    }
}
