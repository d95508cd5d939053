// StatisticsAccumulator: the per-document partial statistics and their merge.
// Invariants: merge is associative and commutative (sums, minimum and maximum dates), so the result
// does not depend on the order documents were processed in or on thread scheduling, and partials
// can be cached and merged later.
import BriefingModel

/// Mergeable partial statistics of one or more documents.
struct StatisticsAccumulator: Sendable {
    struct Counter: Sendable {
        var mentions = 0
        var documents = 0
        var first: PublishedDate?
        var last: PublishedDate?

        mutating func merge(_ other: Counter) {
            mentions += other.mentions
            documents += other.documents
            first = Self.minimum(first, other.first)
            last = Self.maximum(last, other.last)
        }

        static func minimum(_ a: PublishedDate?, _ b: PublishedDate?) -> PublishedDate? {
            guard let a else { return b }
            guard let b else { return a }
            return min(a, b)
        }

        static func maximum(_ a: PublishedDate?, _ b: PublishedDate?) -> PublishedDate? {
            guard let a else { return b }
            guard let b else { return a }
            return max(a, b)
        }
    }

    struct Key: Hashable, Sendable {
        var a: String
        var b: String
    }

    var documents = 0
    var words = 0
    var undated = 0
    var mentions = 0
    var quotations = 0
    var attributed = 0
    var first: PublishedDate?
    var last: PublishedDate?
    var actors: [Int: Counter] = [:]
    var discovered: [String: Counter] = [:]
    var themeYears: [Key: Counter] = [:]
    var themes: [Int: Counter] = [:]
    var speakers: [Key: Counter] = [:]
    var sources: [String: Int] = [:]
    var years: [String: Int] = [:]
    var pairs: [Key: Int] = [:]
    var names: [String: Int] = [:]

    init() {}

    /// The partial statistics of one document.
    init(document: Document, analysis: DocumentAnalysis, template: ReportTemplate) {
        documents = 1
        words = document.words
        undated = document.published == nil ? 1 : 0
        mentions = analysis.mentions.count
        quotations = analysis.quotations.count
        attributed = analysis.quotations.filter { !$0.speaker.isEmpty }.count
        first = document.published
        last = document.published
        for mention in analysis.mentions {
            actors[mention.actor, default: Counter(documents: 1, first: document.published, last: document.published)].mentions += 1
        }
        for mention in analysis.speakerMentions {
            discovered[mention.name, default: Counter(documents: 1, first: document.published, last: document.published)].mentions += 1
        }
        let year = document.yearLabel
        for hit in analysis.themeHits {
            let key = Key(a: template.themes[hit.theme].name, b: year)
            themeYears[key, default: Counter(documents: 1)].mentions += 1
            themes[hit.theme, default: Counter(documents: 1)].mentions += 1
        }
        for quote in analysis.quotations {
            let key = Key(a: quote.speaker, b: quote.actor.map { template.actors[$0].name } ?? "")
            speakers[key, default: Counter(documents: 1)].mentions += 1
        }
        sources[document.source] = 1
        years[year] = 1
        let present = Set(analysis.mentions.map(\.actor)).map { template.actors[$0].name }.sorted()
        for (index, a) in present.enumerated() {
            for b in present[(index + 1)...] { pairs[Key(a: a, b: b)] = 1 }
        }
        for name in analysis.unmatchedNames { names[name] = 1 }
    }

    /// Adds `other` into this accumulator.
    mutating func merge(_ other: StatisticsAccumulator) {
        documents += other.documents
        words += other.words
        undated += other.undated
        mentions += other.mentions
        quotations += other.quotations
        attributed += other.attributed
        first = Counter.minimum(first, other.first)
        last = Counter.maximum(last, other.last)
        for (key, value) in other.actors { actors[key, default: Counter()].merge(value) }
        for (key, value) in other.discovered { discovered[key, default: Counter()].merge(value) }
        for (key, value) in other.themeYears { themeYears[key, default: Counter()].merge(value) }
        for (key, value) in other.themes { themes[key, default: Counter()].merge(value) }
        for (key, value) in other.speakers { speakers[key, default: Counter()].merge(value) }
        for (key, value) in other.sources { sources[key, default: 0] += value }
        for (key, value) in other.years { years[key, default: 0] += value }
        for (key, value) in other.pairs { pairs[key, default: 0] += value }
        for (key, value) in other.names { names[key, default: 0] += value }
    }
}
