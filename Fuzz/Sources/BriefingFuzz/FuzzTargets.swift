// libFuzzer entry point. BRIEFING_FUZZ_TARGET chooses the stage:
//   ingest   — bytes → decoded text → headline, date, source, words
//   quotes   — bytes (as UTF-8 text) → actors, themes, quotations and speakers
//   template — bytes (as YAML) → template validation
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
    default:
        if case .success(let text) = TextDecoder.decode(bytes) {
            let facts = ArticleReader.read(text)
            precondition(facts.words >= 0)
        }
    }
    return 0
}
