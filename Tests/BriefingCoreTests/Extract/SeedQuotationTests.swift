@testable import BriefingCore
import BriefingModel
import Foundation
import Testing

@Suite("Extract: the seeds' quotations as a careful reader would attribute them")
struct SeedQuotationTests {
    func analysis(_ prefix: String) throws -> DocumentAnalysis {
        let template = try TemplateLoader.load(path: Repo.root.appendingPathComponent("ReportTemplates/default.yaml").path)
        let text = try Repo.seed(prefix)
        return DocumentExtractor(template: template).extract(Document(id: prefix, path: prefix, text: text))
    }

    @Test func seed000() throws {
        let quotes = try analysis("000").quotations
        #expect(quotes.map(\.speaker) == ["Zhao Junjie", "Zhao Junjie", "Hu Ronghua", "Zhao Junjie", "Zhao Junjie", "Wu Yikang", "Wu Yikang"])
        #expect(quotes.first?.text.hasPrefix("Cybersecurity is a concern shared by both parties.") == true)
        #expect(!quotes.contains { $0.text == "China threat" }, "a scare quote is not a quotation")
    }

    @Test func seed002TheStrategySpeaksForTheCAC() throws {
        let quotes = try analysis("002").quotations
        #expect(quotes.map(\.speaker) == ["Cyberspace Administration of China", "Zhao Zeliang", "Zhao Zeliang", "Zhao Zeliang"])
    }

    @Test func seed003OpenQuoteRunsIntoTheNextParagraph() throws {
        let quotes = try analysis("003").quotations
        #expect(quotes.map(\.speaker) == ["Lu Wei", "Lu Wei", "Lu Wei", "Luigi Gambardella", "Luigi Gambardella"])
    }

    @Test func seedsWithoutQuotationMarksHaveNone() throws {
        #expect(try analysis("001").quotations.isEmpty)
        #expect(try analysis("004").quotations.isEmpty)
    }

    @Test func offsetsPointAtTheQuotedText() throws {
        let text = try Repo.seed("000")
        let scalars = Array(text.unicodeScalars)
        for quote in try analysis("000").quotations {
            #expect(String(String.UnicodeScalarView(scalars[quote.start..<quote.end])) == quote.text)
        }
    }
}
