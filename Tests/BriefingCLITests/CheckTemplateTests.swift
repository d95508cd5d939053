import Foundation
import Testing

@Suite("End to end: templates on the command line", .serialized)
struct CheckTemplateTests {
    @Test func shippedTemplatesPass() throws {
        let result = try BinaryRunner.run(["check-template", "ReportTemplates/default.yaml", "ReportTemplates/us-politics-2016.yaml"],
                                          in: BinaryRunner.root)
        #expect(result.status == 0, "stderr: \(result.stderr)")
    }

    @Test func invalidTemplateExits65WithFileLineColumn() throws {
        let folder = try BinaryRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try BinaryRunner.copyProjectInputs(into: folder)
        try Data("title: X\nactors:\n  - name: A\n    kind: thing\nthemes: []\n".utf8).write(to: folder.appendingPathComponent("bad.yaml"))
        let check = try BinaryRunner.run(["check-template", "bad.yaml"], in: folder)
        #expect(check.status == 65)
        #expect(check.stderr.contains("bad.yaml:4:11: actor kind 'thing' is not known"))
        #expect(check.stderr.contains("bad.yaml:5:9: themes is an empty list"))
        let run = try BinaryRunner.run(["run", "--template", "bad.yaml"], in: folder)
        #expect(run.status == 65)
        #expect(run.stderr.contains("bad.yaml:4:11:"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/documents.csv").path))
    }
}
