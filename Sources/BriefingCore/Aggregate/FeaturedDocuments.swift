// FeaturedDocuments: the most relevant documents for the appendix (most actor mentions, then id),
// kept bounded while documents stream by.
import BriefingModel

/// A bounded selection of documents.
struct FeaturedDocuments {
    let limit: Int
    private var kept: [DocumentRecord] = []

    init(limit: Int) { self.limit = limit }

    private static func before(_ a: DocumentRecord, _ b: DocumentRecord) -> Bool {
        a.mentions != b.mentions ? a.mentions > b.mentions : a.id < b.id
    }

    mutating func add(_ document: Document, _ analysis: DocumentAnalysis, template: ReportTemplate) {
        let mentions = analysis.mentions.count
        if kept.count >= limit, let last = kept.last, last.mentions > mentions || last.mentions == mentions && last.id < document.id {
            return
        }
        var counts: [Int: Int] = [:]
        for mention in analysis.mentions { counts[mention.actor, default: 0] += 1 }
        let top = counts.sorted { $0.value != $1.value ? $0.value > $1.value : template.actors[$0.key].name < template.actors[$1.key].name }
            .prefix(3).map { template.actors[$0.key].name }
        kept.append(DocumentRecord(id: document.id, title: document.title, source: document.source, published: document.published,
                                   words: document.words, mentions: mentions, quotes: analysis.quotations.count, topActors: top))
        if kept.count > 2 * limit + 64 { compact() }
    }

    private mutating func compact() {
        kept.sort(by: Self.before)
        if kept.count > limit { kept.removeLast(kept.count - limit) }
    }

    func records(template: ReportTemplate) -> [DocumentRecord] {
        var copy = self
        copy.compact()
        return copy.kept
    }
}
