// StatisticsAccumulator: the run's statistics, each document's counts added one by one.
// Invariants: adding is commutative (sums, minimum and maximum dates), so the result does not
// depend on the order documents were processed in or on thread scheduling.
import BriefingModel

/// The statistics of the documents added so far.
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
    /// Documents per pair of template actors, keyed by `pairKey` of their indices (the first one's
    /// name sorts first); names are given when the statistics are finished (`namedPairs`).
    var pairs: [Int: Int] = [:]
    var names: [String: Int] = [:]

    init() {}

    /// The key of the actor pair (`first`, `second`).
    static func pairKey(_ first: Int, _ second: Int) -> Int { first << 32 | second }

    /// The pairs by their actors' names (pairs of actors of the same names summed).
    func namedPairs(_ template: ReportTemplate) -> [Key: Int] {
        var named: [Key: Int] = [:]
        named.reserveCapacity(pairs.count)
        for (key, count) in pairs {
            named[Key(a: template.actors[key >> 32].name, b: template.actors[key & 0xFFFF_FFFF].name), default: 0] += count
        }
        return named
    }

    /// Adds one document's counts (each table touched once per distinct key).
    mutating func add(_ counts: DocumentCounts) {
        let published = counts.published
        documents += 1
        words += counts.words
        undated += published == nil ? 1 : 0
        mentions += counts.mentions
        quotations += counts.quotations
        attributed += counts.attributed
        first = Counter.minimum(first, published)
        last = Counter.maximum(last, published)
        for (actor, count) in counts.actors {
            actors[actor, default: Counter()].merge(Counter(mentions: count, documents: 1, first: published, last: published))
        }
        for (name, count) in counts.discovered {
            discovered[name, default: Counter()].merge(Counter(mentions: count, documents: 1, first: published, last: published))
        }
        for (theme, count) in counts.themes {
            themeYears[Key(a: theme.name, b: counts.year), default: Counter()].merge(Counter(mentions: count, documents: 1))
            themes[theme.index, default: Counter()].merge(Counter(mentions: count, documents: 1))
        }
        for (key, count) in counts.speakers {
            speakers[key, default: Counter()].merge(Counter(mentions: count, documents: 1))
        }
        sources[counts.source, default: 0] += 1
        years[counts.year, default: 0] += 1
        let present = counts.present
        for (index, a) in present.enumerated() {
            for b in present[(index + 1)...] { pairs[Self.pairKey(a, b), default: 0] += 1 }
        }
        for name in counts.names { names[name, default: 0] += 1 }
    }

}

/// What one document adds to the statistics, as sorted runs of its keys with their counts: made by
/// the worker that analysed the document, added on the run's serial queue (no table per document).
struct DocumentCounts: Sendable {
    var published: PublishedDate?
    var words: Int
    var mentions: Int
    var quotations: Int
    var attributed: Int
    var year: String
    var source: String
    /// (actor index, mentions), by index.
    var actors: [(Int, Int)]
    /// (speaker name outside the template, mentions), by name.
    var discovered: [(String, Int)]
    /// (theme index and name, hits), by index.
    var themes: [((index: Int, name: String), Int)]
    /// (speaker and actor name, quotations), by key.
    var speakers: [(StatisticsAccumulator.Key, Int)]
    /// Template actors mentioned, by name (then index): each pair is counted once, first one first.
    var present: [Int]
    /// Names the template misses, unique.
    var names: [String]

    init(document: Document, analysis: DocumentAnalysis, template: ReportTemplate) {
        published = document.published
        words = document.words
        mentions = analysis.mentions.count
        quotations = analysis.quotations.count
        // Counted in place (a filtered array copied every quotation).
        attributed = analysis.quotations.reduce(0) { $0 + ($1.speaker.isEmpty ? 0 : 1) }
        year = document.yearLabel
        source = document.source
        actors = Self.runs(analysis.mentions.map(\.actor))
        discovered = Self.runs(analysis.speakerMentions.map(\.name))
        // The template's tables taken once: a closure that names `template` copies all of it.
        let templateActors = template.actors, templateThemes = template.themes
        themes = Self.runs(analysis.themeHits.map(\.theme)).map { ((index: $0.0, name: templateThemes[$0.0].name), $0.1) }
        speakers = Self.runs(analysis.quotations.map {
            StatisticsAccumulator.Key(a: $0.speaker, b: $0.actor.map { templateActors[$0].name } ?? "")
        })
        present = actors.map(\.0).sorted { templateActors[$0].name != templateActors[$1].name
            ? templateActors[$0].name < templateActors[$1].name : $0 < $1 }
        // Extraction gives the names sorted and unique: taken as they are when they are so.
        let unmatched = analysis.unmatchedNames
        names = zip(unmatched, unmatched.dropFirst()).allSatisfy({ $0.0 < $0.1 }) ? unmatched : Self.runs(unmatched).map(\.0)
    }

    /// Each distinct value of `values`, sorted, with how often it occurs.
    static func runs<T: Comparable>(_ values: [T]) -> [(T, Int)] {
        // Neighbours are often equal (a speaker's quotations follow one another, an actor is named
        // twice in a sentence): those are counted together first, so that fewer values are sorted.
        var collapsed: [(T, Int)] = []
        collapsed.reserveCapacity(values.count)
        for value in values {
            if let last = collapsed.indices.last, collapsed[last].0 == value {
                collapsed[last].1 += 1
            } else {
                collapsed.append((value, 1))
            }
        }
        collapsed.sort { $0.0 < $1.0 }
        var result: [(T, Int)] = []
        result.reserveCapacity(collapsed.count)
        for (value, count) in collapsed {
            if let last = result.indices.last, result[last].0 == value {
                result[last].1 += count
            } else {
                result.append((value, count))
            }
        }
        return result
    }
}
