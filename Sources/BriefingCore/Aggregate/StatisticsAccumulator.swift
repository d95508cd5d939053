// StatisticsAccumulator: partial statistics — documents added one by one — and their merge.
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

    struct Key: Hashable, Comparable, Sendable {
        var a: String
        var b: String

        static func < (x: Key, y: Key) -> Bool { x.a != y.a ? x.a < y.a : x.b < y.b }
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

    /// Adds one document: the same as merging its own accumulator, without building one (each
    /// table is touched once per distinct key of the document).
    mutating func add(document: Document, analysis: DocumentAnalysis, template: ReportTemplate) {
        let published = document.published
        documents += 1
        words += document.words
        undated += published == nil ? 1 : 0
        mentions += analysis.mentions.count
        quotations += analysis.quotations.count
        attributed += analysis.quotations.filter { !$0.speaker.isEmpty }.count
        first = Counter.minimum(first, published)
        last = Counter.maximum(last, published)
        /// Calls `body` with each distinct value of `values` (sorted) and how often it occurs.
        func runs<T: Comparable>(_ values: [T], _ body: (T, Int) -> Void) {
            let sorted = values.sorted()
            var start = 0
            while start < sorted.count {
                var end = start + 1
                while end < sorted.count && sorted[end] == sorted[start] { end += 1 }
                body(sorted[start], end - start)
                start = end
            }
        }
        // A document's own accumulator starts empty: room for its keys is made once, not by
        // doubling (the run's accumulator mostly has the keys already; reserving is then a no-op).
        actors.reserveCapacity(actors.count + analysis.mentions.count)
        discovered.reserveCapacity(discovered.count + analysis.speakerMentions.count)
        themeYears.reserveCapacity(themeYears.count + analysis.themeHits.count)
        themes.reserveCapacity(themes.count + analysis.themeHits.count)
        speakers.reserveCapacity(speakers.count + analysis.quotations.count)
        names.reserveCapacity(names.count + analysis.unmatchedNames.count)
        runs(analysis.mentions.map(\.actor)) { actor, count in
            actors[actor, default: Counter()].merge(Counter(mentions: count, documents: 1, first: published, last: published))
        }
        runs(analysis.speakerMentions.map(\.name)) { name, count in
            discovered[name, default: Counter()].merge(Counter(mentions: count, documents: 1, first: published, last: published))
        }
        let year = document.yearLabel
        runs(analysis.themeHits.map(\.theme)) { theme, count in
            themeYears[Key(a: template.themes[theme].name, b: year), default: Counter()].merge(Counter(mentions: count, documents: 1))
            themes[theme, default: Counter()].merge(Counter(mentions: count, documents: 1))
        }
        runs(analysis.quotations.map { Key(a: $0.speaker, b: $0.actor.map { template.actors[$0].name } ?? "") }) { key, count in
            speakers[key, default: Counter()].merge(Counter(mentions: count, documents: 1))
        }
        sources[document.source, default: 0] += 1
        years[year, default: 0] += 1
        let present = Set(analysis.mentions.map(\.actor)).map { template.actors[$0].name }.sorted()
        pairs.reserveCapacity(pairs.count + present.count * (present.count - 1) / 2)
        for (index, a) in present.enumerated() {
            for b in present[(index + 1)...] { pairs[Key(a: a, b: b), default: 0] += 1 }
        }
        runs(analysis.unmatchedNames) { name, _ in names[name, default: 0] += 1 }
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
