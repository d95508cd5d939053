@testable import BriefingCore
import BriefingModel
import Testing

@Suite("Ingest: manifest.csv")
struct ManifestTests {
    @Test func readsFactsByDocumentID() throws {
        let manifest = try Manifest.parse("document_id,published,source\nabc,2014-04,SCMP\n", path: "m.csv")
        #expect(manifest.entries["abc"]?.published?.description == "2014-04")
        #expect(manifest.entries["abc"]?.source == "SCMP")
    }

    @Test func everyProblemWithLineAndColumn() {
        do {
            _ = try Manifest.parse("document_id,published,sauce\nabc,April 2014,x\nabc,,\n", path: "m.csv")
            Issue.record("expected an error")
        } catch {
            guard case .invalidInput(let problems) = error else { Issue.record("wrong error"); return }
            let lines = problems.sorted().map(\.description)
            #expect(lines.count == 3)
            #expect(lines[0].hasPrefix("m.csv:1:23: unknown column 'sauce'"))
            #expect(lines[1].hasPrefix("m.csv:2:1: published 'April 2014' of abc is not a date"))
            #expect(lines[2] == "m.csv:3:1: document_id 'abc' appears twice")
        }
    }

    @Test func headerWithoutDocumentID() {
        #expect(throws: BriefingError.self) { try Manifest.parse("id,title\n1,x\n", path: "m.csv") }
    }
}
