@testable import BriefingCore
import BriefingModel
import Testing

@Suite("Aggregate: statistics added per document")
struct StatisticsAccumulatorTests {
    @Test func orderDoesNotChangeTheStatistics() throws {
        let template = try TemplateLoader.load(path: Repo.root.appendingPathComponent("ReportTemplates/default.yaml").path)
        let corpus = try CorpusReader(root: Repo.seeds)
        let extractor = DocumentExtractor(template: template)
        let documents = corpus.listFiles().files.flatMap { corpus.read($0).documents }
        try #require(documents.count == 5)
        let analysed = documents.map { ($0, extractor.extract($0)) }

        var whole = StatisticsAccumulator()
        for (document, analysis) in analysed { whole.add(DocumentCounts(document: document, analysis: analysis, template: template)) }
        // The same documents' counts, made apart (as workers make them) and added in another order.
        let counts = analysed.map { DocumentCounts(document: $0.0, analysis: $0.1, template: template) }
        var other = StatisticsAccumulator()
        for index in [3, 0, 4, 2, 1] { other.add(counts[index]) }

        let a = Aggregator.finish(whole, template: template, skipped: 0)
        let b = Aggregator.finish(other, template: template, skipped: 0)
        #expect(a == b)
        #expect(!a.cooccurrence.isEmpty && !a.speakers.isEmpty && !a.themesByYear.isEmpty)
        // Counts are per mention and per document, as the evidence lists them.
        let mentions = analysed.reduce(0) { $0 + $1.1.mentions.count }
        #expect(whole.mentions == mentions)
        #expect(whole.actors.values.reduce(0) { $0 + $1.mentions } == mentions)
        for (actor, counter) in whole.actors {
            #expect(counter.documents == analysed.filter { $0.1.mentions.contains { $0.actor == actor } }.count)
        }
        let quotes = analysed.reduce(0) { $0 + $1.1.quotations.count }
        #expect(whole.speakers.values.reduce(0) { $0 + $1.mentions } == quotes)
        #expect(whole.documents == 5 && whole.sources.values.reduce(0, +) == 5)
    }
}
