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

@Suite("Aggregate: runs of a document's keys")
struct KeyRunsTests {
    /// The definition: the values sorted, each distinct one with how often it occurs, kept as its
    /// first occurrence in the input spells it.
    static func plainRuns<T: Comparable>(_ values: [T]) -> [(T, Int)] {
        var result: [(T, Int)] = []
        for value in values.sorted() {
            if let last = result.indices.last, result[last].0 == value { result[last].1 += 1 } else { result.append((value, 1)) }
        }
        return result
    }

    @Test func runsEqualTheirDefinition() {
        // "é" written precomposed and decomposed: equal Strings with different bytes.
        let words = ["Xi", "Zhao", "é", "e\u{301}", "", "Anna", "Xi"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        var compared = 0
        for _ in 0..<300 {
            // Repeats next to each other, as quotations of one speaker come.
            var values: [String] = []
            for _ in 0..<(next() % 12) { values += Array(repeating: words[next() % words.count], count: 1 + next() % 3) }
            let numbers = values.map { $0.utf8.count }
            let found = DocumentCounts.runs(values), expected = Self.plainRuns(values)
            #expect(found.map(\.1) == expected.map(\.1))
            // The same spelling of each value, byte for byte.
            #expect(found.map { Array($0.0.utf8) } == expected.map { Array($0.0.utf8) })
            #expect(DocumentCounts.runs(numbers).map(\.0) == Self.plainRuns(numbers).map(\.0))
            #expect(DocumentCounts.runs(numbers).map(\.1) == Self.plainRuns(numbers).map(\.1))
            compared += 1
        }
        #expect(compared == 300)
    }
}
