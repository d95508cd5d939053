/// The statistics of a corpus: what the CSV writer and the PDF renderer both read.
///
/// Every list is sorted explicitly (documented per property); nothing depends on dictionary order.
public struct BriefingData: Sendable, Equatable, Codable {
    /// Corpus totals.
    public var totals = Totals()
    /// Actors with at least one mention: template actors and discovered speakers; by mentions
    /// descending, then name.
    public var actors: [ActorStat] = []
    /// Theme × year cells with at least one mention; by theme (total mentions descending, then
    /// name), then year ascending with `unknown` last.
    public var themesByYear: [ThemeYearStat] = []
    /// Themes with their totals; by mentions descending, then name.
    public var themes: [ThemeStat] = []
    /// Speakers; by quotations descending, then name (the unattributed row has an empty name).
    public var speakers: [SpeakerStat] = []
    /// Documents per source; by documents descending, then source (empty source: "unknown").
    public var sources: [CountStat] = []
    /// Documents per year, every year from the first to the last (gaps as zero), then `unknown`.
    public var years: [CountStat] = []
    /// Pairs of top actors and the documents that mention both; by documents descending, then names.
    public var cooccurrence: [PairStat] = []
    /// Capitalised names found in at least two documents that match no actor; by documents
    /// descending, then name.
    public var suggestedActors: [CountStat] = []
    /// The most substantive quotations of the top speakers (bounded by the template's limits).
    public var featuredQuotes: [QuoteRecord] = []
    /// The most relevant documents (bounded), by mentions descending, then id.
    public var featuredDocuments: [DocumentRecord] = []

    /// Changes since the previous run (nil: no previous run of this template into this folder).
    public var changes: ChangeSet?
    /// The period covered.
    public var period = Period.all
    /// Undated documents left out by the period (they count only with --include-undated).
    public var undatedExcluded = 0
    /// Dated documents outside the period.
    public var outsidePeriod = 0

    /// Creates empty statistics.
    public init() {}

    /// Corpus-wide totals.
    public struct Totals: Sendable, Equatable, Codable {
        /// Documents read.
        public var documents = 0
        /// Words of article bodies.
        public var words = 0
        /// Inputs skipped with a warning.
        public var skipped = 0
        /// Documents without a publication date.
        public var undated = 0
        /// Actor mentions (template actors).
        public var mentions = 0
        /// Direct quotations.
        public var quotations = 0
        /// Quotations with a speaker.
        public var attributedQuotations = 0
        /// Earliest publication date.
        public var firstPublished: PublishedDate?
        /// Latest publication date.
        public var lastPublished: PublishedDate?
        /// Creates zero totals.
        public init() {}
    }
}

/// Mentions of one actor.
public struct ActorStat: Sendable, Equatable, Codable {
    /// Display name.
    public var name: String
    /// person, organization, place or other.
    public var kind: ActorKind
    /// True for template actors, false for discovered speakers.
    public var inTemplate: Bool
    /// Mentions in all documents.
    public var mentions: Int
    /// Documents with at least one mention.
    public var documents: Int
    /// Earliest publication date of a mentioning document.
    public var firstPublished: PublishedDate?
    /// Latest publication date of a mentioning document.
    public var lastPublished: PublishedDate?
    /// Creates a row.
    public init(name: String, kind: ActorKind, inTemplate: Bool, mentions: Int, documents: Int,
                firstPublished: PublishedDate?, lastPublished: PublishedDate?) {
        self.name = name
        self.kind = kind
        self.inTemplate = inTemplate
        self.mentions = mentions
        self.documents = documents
        self.firstPublished = firstPublished
        self.lastPublished = lastPublished
    }
}

/// A theme in one year.
public struct ThemeYearStat: Sendable, Equatable, Codable {
    /// Theme name.
    public var theme: String
    /// Year label (`2016` or `unknown`).
    public var year: String
    /// Documents of that year with the theme.
    public var documents: Int
    /// Term hits.
    public var mentions: Int
    /// Creates a cell.
    public init(theme: String, year: String, documents: Int, mentions: Int) {
        self.theme = theme
        self.year = year
        self.documents = documents
        self.mentions = mentions
    }
}

/// A theme over the whole corpus.
public struct ThemeStat: Sendable, Equatable, Codable {
    /// Theme name.
    public var name: String
    /// Documents with the theme.
    public var documents: Int
    /// Term hits.
    public var mentions: Int
    /// Creates a row.
    public init(name: String, documents: Int, mentions: Int) {
        self.name = name
        self.documents = documents
        self.mentions = mentions
    }
}

/// Quotations of one speaker.
public struct SpeakerStat: Sendable, Equatable, Codable {
    /// Speaker (empty: unattributed).
    public var speaker: String
    /// The template actor's display name when the speaker is one, else empty.
    public var actor: String
    /// Quotations.
    public var quotes: Int
    /// Documents quoting the speaker.
    public var documents: Int
    /// Creates a row.
    public init(speaker: String, actor: String, quotes: Int, documents: Int) {
        self.speaker = speaker
        self.actor = actor
        self.quotes = quotes
        self.documents = documents
    }
}

/// A named count.
public struct CountStat: Sendable, Equatable, Codable {
    /// The name.
    public var name: String
    /// The count.
    public var count: Int
    /// Creates a row.
    public init(name: String, count: Int) {
        self.name = name
        self.count = count
    }
}

/// Documents shared by two actors.
public struct PairStat: Sendable, Equatable, Codable {
    /// First actor (alphabetically first of the two).
    public var first: String
    /// Second actor.
    public var second: String
    /// Documents mentioning both.
    public var documents: Int
    /// Creates a row.
    public init(first: String, second: String, documents: Int) {
        self.first = first
        self.second = second
        self.documents = documents
    }
}

/// A quotation with where it comes from.
public struct QuoteRecord: Sendable, Equatable, Codable {
    /// Speaker.
    public var speaker: String
    /// The quotation.
    public var text: String
    /// Document id.
    public var documentID: String
    /// Source of the document.
    public var source: String
    /// Publication date.
    public var published: PublishedDate?
    /// Start offset in the document.
    public var start: Int
    /// Creates a record.
    public init(speaker: String, text: String, documentID: String, source: String, published: PublishedDate?, start: Int) {
        self.speaker = speaker
        self.text = text
        self.documentID = documentID
        self.source = source
        self.published = published
        self.start = start
    }
}

/// A document in the appendix.
public struct DocumentRecord: Sendable, Equatable, Codable {
    /// Document id.
    public var id: String
    /// Title.
    public var title: String
    /// Source.
    public var source: String
    /// Publication date.
    public var published: PublishedDate?
    /// Words.
    public var words: Int
    /// Actor mentions.
    public var mentions: Int
    /// Quotations.
    public var quotes: Int
    /// The most mentioned actors in it (up to three).
    public var topActors: [String]
    /// Creates a record.
    public init(id: String, title: String, source: String, published: PublishedDate?, words: Int, mentions: Int, quotes: Int, topActors: [String]) {
        self.id = id
        self.title = title
        self.source = source
        self.published = published
        self.words = words
        self.mentions = mentions
        self.quotes = quotes
        self.topActors = topActors
    }
}
