import Foundation
import Testing

/// Runs a command-line tool and returns (status, stdout).
func tool(_ name: String, _ arguments: [String]) throws -> (Int32, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [name] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

func installed(_ name: String) -> Bool {
    ["/usr/bin/", "/usr/local/bin/"].contains { FileManager.default.isExecutableFile(atPath: $0 + name) }
}

@Suite("End to end: the PDF briefing", .serialized)
struct PDFOutputTests {
    static let sections = ["Cover", "Summary", "Actors", "Themes by year", "Voices", "Sources and timeline",
                           "Suggested actors", "Documents", "Methodology"]

    func render(_ folder: URL, corpus: String = "seeds", template: String = "ReportTemplates/default.yaml") throws -> URL {
        try BinaryRunner.copyProjectInputs(into: folder)
        let result = try BinaryRunner.run(["run", "--corpus", corpus, "--template", template], in: folder,
                                          environment: ["SOURCE_DATE_EPOCH": "1764028800"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        return folder.appendingPathComponent("out/briefing.pdf")
    }

    @Test func seedsBriefingIsValidSearchableAndComplete() throws {
        guard installed("qpdf") && installed("pdftotext") && installed("pdffonts") else {
            print("skipped: qpdf and poppler-utils are needed (make test installs them)")
            return
        }
        let folder = try BinaryRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = try render(folder)
        #expect(try tool("qpdf", ["--check", pdf.path]).0 == 0, "qpdf --check")
        let fonts = try tool("pdffonts", [pdf.path]).1.split(separator: "\n").dropFirst(2)
        #expect(!fonts.isEmpty)
        for line in fonts {
            let columns = line.split(separator: " ", omittingEmptySubsequences: true)
            #expect(columns.count >= 5 && columns[columns.count - 5] == "yes", "font not embedded: \(line)")
        }
        let text = try tool("pdftotext", [pdf.path, "-"]).1
        for name in ["China", "European Union", "Cyberspace Administration of China", "Zhao Junjie", "Lu Wei"] {
            #expect(text.contains(name), "pdftotext finds \(name)")
        }
        #expect(text.contains("deepen their relationship"), "a quotation is extractable")
        let outline = try tool("qpdf", ["--json", "--json-key=outlines", pdf.path]).1
        for section in Self.sections { #expect(outline.contains("\"title\": \"\(section)\""), "bookmark \(section)") }
        let info = try tool("pdfinfo", [pdf.path]).1
        #expect(info.contains("Creator:         briefing "))
        #expect(info.contains("Title:           China–EU digital and cyber relations"))
        #expect(info.contains("Page size:       595.28 x 841.89 pts (A4)"))
        let json = try tool("qpdf", ["--json", pdf.path]).1
        #expect(json.contains("/Link"), "contents entries are links")
    }

    @Test func twoRunsAreByteIdentical() throws {
        let first = try BinaryRunner.temporaryFolder(), second = try BinaryRunner.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: first)
            try? FileManager.default.removeItem(at: second)
        }
        let a = try Data(contentsOf: render(first)), b = try Data(contentsOf: render(second))
        #expect(a == b)
        #expect(a.starts(with: Array("%PDF-".utf8)))
    }

    @Test func letterTemplateAndDevelopmentSet() throws {
        let corpus = BinaryRunner.root.deletingLastPathComponent().appendingPathComponent("shared/eval/quotes-dev/corpus")
        guard FileManager.default.fileExists(atPath: corpus.path), installed("qpdf"), installed("pdfinfo") else {
            print("skipped: development set or qpdf absent")
            return
        }
        let folder = try BinaryRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = try render(folder, corpus: corpus.path, template: "ReportTemplates/us-politics-2016.yaml")
        #expect(try tool("qpdf", ["--check", pdf.path]).0 == 0)
        #expect(try tool("pdfinfo", [pdf.path]).1.contains("612 x 792 pts (letter)"))
        #expect(try tool("pdftotext", [pdf.path, "-"]).1.contains("Donald Trump"))
    }

    @Test func formatsSelectTheOutputs() throws {
        let folder = try BinaryRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try BinaryRunner.copyProjectInputs(into: folder)
        #expect(try BinaryRunner.run(["run", "--formats", "pdf"], in: folder).status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path).filter { !$0.hasPrefix(".") }.sorted()
        #expect(files == ["briefing.pdf", "run.json"])
    }
}
