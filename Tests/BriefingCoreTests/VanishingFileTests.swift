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

    /// One open per article: the bytes, and the signature the store compares with `stat`'s.
    @Test func anArticleIsReadWithItsSignatureFromOneOpen() throws {
        let root = try Repo.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let text = String(repeating: "The EU met China. 中文 ", count: 5_000)
        try Data(text.utf8).write(to: root.appendingPathComponent("a.txt"))
        try Data().write(to: root.appendingPathComponent("empty.txt"))
        let corpus = try CorpusReader(root: root)
        let files = corpus.listFiles().files.sorted { $0.relativePath < $1.relativePath }
        #expect(files.map(\.relativePath) == ["a.txt", "empty.txt"])
        for file in files {
            guard case .read(let bytes, let signature) = corpus.readArticle(file, maxBytes: 1 << 20) else {
                Issue.record("\(file.relativePath) not read")
                continue
            }
            #expect(bytes == [UInt8](try Data(contentsOf: file.url)))
            #expect(signature == DocumentProcessor.signature(file)?.signature)
        }
        guard case .tooLarge(let size) = corpus.readArticle(files[0], maxBytes: 100) else {
            Issue.record("the size limit is not applied")
            return
        }
        #expect(size == text.utf8.count)
        try FileManager.default.removeItem(at: root.appendingPathComponent("a.txt"))
        guard case .vanished = corpus.readArticle(files[0], maxBytes: 1 << 20) else {
            Issue.record("a removed file is not reported as gone")
            return
        }
    }

    /// A file holding more than its status said when it was opened (it grew, or the kernel makes
    /// it up as it is read: /proc) is read to its end.
    @Test func aFileLargerThanItsStatusIsReadToItsEnd() throws {
        let root = try Repo.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let corpus = try CorpusReader(root: root)
        let file = CorpusFile(path: "/proc/self/maps", relativePath: "maps", kind: .article)
        guard case .read(let bytes, _) = corpus.readArticle(file, maxBytes: 1 << 24) else {
            Issue.record("/proc/self/maps not read")
            return
        }
        // Every mapping is a line; the process maps more than a page of them.
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(bytes.count > 4096)
        #expect(text.hasSuffix("\n") && text.contains("[stack]"))
    }
}
