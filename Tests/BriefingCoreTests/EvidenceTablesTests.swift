@testable import BriefingCore
import BriefingModel
import Testing

@Suite("CSV: evidence rows written straight from an analysis")
struct EvidenceTablesTests {
    static let template = ReportTemplate(title: "T", actors: [ActorSpec(name: "European Union", kind: .organization, aliases: ["EU"]),
                                                              ActorSpec(name: "China", kind: .place, aliases: ["China"])],
                                         themes: [ThemeSpec(name: "Trade", terms: ["trade"])])

    /// Rows are those CSVTable encodes from cells; actor and speaker mentions merged by start, an
    /// actor's first at equal starts, out-of-order lists sorted; text that needs quoting or a
    /// formula guard gets it.
    @Test func mentionRowsMergeByStartAndEncodeAsCells() {
        var analysis = DocumentAnalysis(documentID: "doc,1")
        analysis.mentions = [ActorMention(actor: 1, text: "China", start: 40, end: 45), ActorMention(actor: 0, text: "EU", start: 10, end: 12)]
        analysis.speakerMentions = [NameMention(name: "Zhao Lijian", text: "Zhao", start: 40, end: 44),
                                    NameMention(name: "=Wang \"Yi\"", text: "Wang", start: 5, end: 9),
                                    NameMention(name: "Lu Wei", text: "Lu Wei", start: 90, end: 96)]
        var bytes: [UInt8] = []
        #expect(EvidenceTables.appendMentionRows(analysis, template: Self.template, to: &bytes) == 5)
        var expected: [UInt8] = []
        for row: [CSVCell] in [
            [.text("doc,1"), .text("=Wang \"Yi\""), .text("Wang"), .int(5), .int(9)],
            [.text("doc,1"), .text("European Union"), .text("EU"), .int(10), .int(12)],
            [.text("doc,1"), .text("China"), .text("China"), .int(40), .int(45)],
            [.text("doc,1"), .text("Zhao Lijian"), .text("Zhao"), .int(40), .int(44)],
            [.text("doc,1"), .text("Lu Wei"), .text("Lu Wei"), .int(90), .int(96)],
        ] { CSVTable.appendRow(row, to: &expected) }
        #expect(String(decoding: bytes, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
    }

    @Test func quoteRowsCarryTheActorNameWhenThereIsOne() {
        var analysis = DocumentAnalysis(documentID: "d")
        analysis.quotations = [Quotation(speaker: "Zhao", actor: nil, text: "We \"welcome\" it,\nfully.", start: 3, end: 27),
                               Quotation(speaker: "EU", actor: 0, text: "-1 is not a plan", start: 100, end: 116)]
        var bytes: [UInt8] = []
        #expect(EvidenceTables.appendQuoteRows(analysis, template: Self.template, to: &bytes) == 2)
        var expected: [UInt8] = []
        CSVTable.appendRow([.text("d"), .text("Zhao"), .text(""), .text("We \"welcome\" it,\nfully."), .int(3), .int(27)], to: &expected)
        CSVTable.appendRow([.text("d"), .text("EU"), .text("European Union"), .text("-1 is not a plan"), .int(100), .int(116)], to: &expected)
        #expect(bytes == expected)
        #expect(String(decoding: bytes, as: UTF8.self).hasPrefix("d,Zhao,,\"We \"\"welcome\"\" it,\nfully.\",3,27\r\nd,EU,European Union,'-1"))
    }
}
