@testable import BriefingCore
import BriefingModel
import Foundation
import Testing

@Suite("Ingest: a file that vanishes between listing and reading")
struct VanishingFileTests {
    @Test func vanishedFileIsAWarningAndTheOthersAreRead() throws {
        let root = try Repo.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("The EU met China.".utf8).write(to: root.appendingPathComponent("a.txt"))
        try Data("Huawei answered.".utf8).write(to: root.appendingPathComponent("b.txt"))
        let corpus = try CorpusReader(root: root)
        let files = corpus.listFiles().files
        try FileManager.default.removeItem(at: root.appendingPathComponent("a.txt"))
        let template = ReportTemplate(title: "T", actors: [ActorSpec(name: "EU", kind: .organization, aliases: ["EU"])],
                                      themes: [ThemeSpec(name: "T", terms: ["trade"])])
        let processor = DocumentProcessor(corpus: corpus, extractor: DocumentExtractor(template: template), store: nil,
                                          useCache: false, rules: "r")
        let results = files.map { processor.process(.article($0)) }
        #expect(results[0].kept == 0 && results[0].diagnostics.first?.message.contains("vanished") == true)
        #expect(results[1].kept == 1 && results[1].diagnostics.isEmpty)
    }
}
