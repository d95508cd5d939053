// libFuzzer entry point. BRIEFING_FUZZ_TARGET chooses the stage:
//   ingest   — bytes → decoded text → headline, date, source, words
//   quotes   — bytes (as UTF-8 text) → actors, themes, quotations and speakers
//   template — bytes (as YAML) → template validation
//   manifest — bytes (as text) → manifest.csv rows and facts (CSV parser on UTF-8 bytes)
//   jsonl    — bytes as a .jsonl file → records (JSON object scanner), bad lines as warnings
import BriefingCore
import BriefingModel
import Foundation

private let target = ProcessInfo.processInfo.environment["BRIEFING_FUZZ_TARGET"] ?? "ingest"

private let extractor: DocumentExtractor = {
    let template = ReportTemplate(title: "Fuzz", actors: [
        ActorSpec(name: "China", kind: .place, aliases: ["China", "Sino", "PRC"]),
        ActorSpec(name: "European Union", kind: .organization, aliases: ["European Union", "EU"]),
        ActorSpec(name: "Xi Jinping", kind: .person, aliases: ["Xi Jinping", "Xi"]),
        ActorSpec(name: "Cyberspace Administration of China", kind: .organization, aliases: ["Cyberspace Administration of China", "CAC"]),
    ], themes: [ThemeSpec(name: "Cyber", terms: ["cyber*", "hacking"]), ThemeSpec(name: "Trade", terms: ["trade"])])
    return DocumentExtractor(template: template)
}()

/// A folder of its own for the jsonl target's one file.
private let jsonlFolder: URL = {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("briefing-fuzz-\(getpid())")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    switch target {
    case "quotes":
        let text = String(decoding: bytes, as: UTF8.self)
        let analysis = extractor.extract(Document(id: "f", path: "f.txt", text: text))
        let count = text.unicodeScalars.count
        for quote in analysis.quotations { precondition(quote.start >= 0 && quote.start < quote.end && quote.end <= count) }
        for mention in analysis.mentions { precondition(mention.start >= 0 && mention.start < mention.end && mention.end <= count) }
    case "template":
        _ = try? TemplateLoader.parse(String(decoding: bytes, as: UTF8.self), path: "fuzz.yaml")
    case "manifest":
        if let manifest = try? Manifest.parse(String(decoding: bytes, as: UTF8.self), path: "manifest.csv") {
            for entry in manifest.entries.values { precondition(entry.line >= 1) }
        }
    case "jsonl":
        let url = jsonlFolder.appendingPathComponent("corpus.jsonl")
        FileManager.default.createFile(atPath: url.path, contents: Data(bytes))
        if let reader = try? CorpusReader(root: jsonlFolder) {
            let (documents, diagnostics) = reader.read(CorpusFile(url: url, relativePath: "corpus.jsonl", kind: .jsonLines))
            precondition(documents.allSatisfy { !$0.text.isEmpty && !$0.text.unicodeScalars.contains("\u{0}") })
            _ = diagnostics
        }
    default:
        if case .success(let text) = TextDecoder.decode(bytes) {
            let facts = ArticleReader.read(text)
            precondition(facts.words >= 0)
        }
    }
    return 0
}
