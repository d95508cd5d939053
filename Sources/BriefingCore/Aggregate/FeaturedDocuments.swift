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

    /// The appendix record of a document; `actorCounts` are its (actor index, mentions), each
    /// actor once (`DocumentCounts.actors`).
    static func record(_ document: Document, _ analysis: DocumentAnalysis, actorCounts: [(Int, Int)], template: ReportTemplate) -> DocumentRecord {
        let actors = template.actors
        let top = actorCounts.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : actors[$0.0].name < actors[$1.0].name }
            .prefix(3).map { actors[$0.0].name }
        return DocumentRecord(id: document.id, title: document.title, source: document.source, published: document.published,
                              words: document.words, mentions: analysis.mentions.count, quotes: analysis.quotations.count, topActors: top)
    }

    mutating func add(_ record: DocumentRecord) {
        kept.append(record)
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
