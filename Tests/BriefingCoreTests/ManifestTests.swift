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

    /// Cells are trimmed of spaces, tabs and no-break spaces (not of other text); quoted cells keep
    /// their commas, quotes and line breaks; rows end in LF or CRLF.
    @Test func cellsTrimmedAndUnquoted() throws {
        let text = "\u{FEFF}Document_ID , published,title\r\n  a\u{00A0}, 2016-02-29\t,\"x, \"\"y\"\"\nz \"\r\n\"é b\",,\u{3000}中 文\u{3000}\n"
        let manifest = try Manifest.parse(text, path: "m.csv")
        #expect(manifest.entries.keys.sorted() == ["a", "é b"])
        #expect(manifest.entries["a"]?.published?.description == "2016-02-29")
        #expect(manifest.entries["a"]?.title == "x, \"y\"\nz")
        #expect(manifest.entries["a"]?.line == 2)
        #expect(manifest.entries["é b"]?.title == "中 文")
        #expect(manifest.entries["é b"]?.line == 4)
        #expect(TextLines.count(of: 0x0A, in: text) == 4)
        #expect(TextLines.count(of: 0x0A, in: "") == 0 && TextLines.count(of: 0x0A, in: "\n\n") == 2)
    }

    @Test func headerWithoutDocumentID() {
        #expect(throws: BriefingError.self) { try Manifest.parse("id,title\n1,x\n", path: "m.csv") }
    }

    @Test func entriesKeepEveryFieldInTheirCompactForm() throws {
        let manifest = try Manifest.parse("document_id,published,source,title,url\na,2016-02-29,,,\nb,2016,AP,T,https://x\nc,,,,\n", path: "m.csv")
        #expect(manifest.entries["a"]?.published?.description == "2016-02-29")
        #expect(manifest.entries["a"]?.source == "")
        #expect(manifest.entries["b"]?.published?.description == "2016")
        #expect(manifest.entries["b"].map { [$0.source, $0.title, $0.url] } == ["AP", "T", "https://x"])
        #expect(manifest.entries["c"]?.published == nil)
        #expect(manifest.entries["c"]?.line == 4)
        var entry = Manifest.Entry()
        entry.title = "T"
        entry.published = PublishedDate(year: 2020, month: 5)
        #expect(entry == Manifest.Entry(published: PublishedDate(year: 2020, month: 5), title: "T"))
        entry.title = ""
        #expect(entry == Manifest.Entry(published: PublishedDate(year: 2020, month: 5)))
    }
}

@Suite("Model: ISO dates as manifests and JSONL give them")
struct PublishedDateTests {
    @Test func acceptsYearMonthAndDayForms() {
        #expect(PublishedDate(iso: "2016-02-29")?.description == "2016-02-29")
        #expect(PublishedDate(iso: "2014-04")?.description == "2014-04")
        #expect(PublishedDate(iso: "2015")?.description == "2015")
    }

    @Test(arguments: ["", "-", "2016-", "2016-2-01", "16-02-01", "2016-02-01-01", "2016-02-30", "2016-13", "２０１６", "2016-0a", "+2016", " 2016", "2016/02/01",
                          "2777777777777777777777777016", "2016-99999999999999999999999"])
    func refusesAnythingElse(_ text: String) {
        #expect(PublishedDate(iso: text) == nil)
    }
}
