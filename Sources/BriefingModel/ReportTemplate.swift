/// What a briefing is about and how it looks, read from a YAML template.
public struct ReportTemplate: Sendable, Equatable {
    /// The briefing's title (cover, running header, PDF metadata).
    public var title: String
    /// The line under the title.
    public var subtitle: String = ""
    /// The organisation line on the cover.
    public var organisation: String = ""
    /// Page size of the PDF.
    public var pageSize: PageSize = .a4
    /// Font family list for the PDF (Pango syntax).
    public var font: String = "Noto Sans"
    /// The actors tracked, in template order.
    public var actors: [ActorSpec]
    /// The themes tracked, in template order.
    public var themes: [ThemeSpec]
    /// The sections of the briefing, in order.
    public var sections: [Section] = Section.allCases
    /// Top-N limits.
    public var limits = Limits()

    /// Creates a template.
    public init(title: String, actors: [ActorSpec], themes: [ThemeSpec]) {
        self.title = title
        self.actors = actors
        self.themes = themes
    }

    /// Paper sizes.
    public enum PageSize: String, Sendable, CaseIterable {
        /// ISO A4, 210 × 297 mm.
        case a4 = "A4"
        /// US Letter, 8.5 × 11 in.
        case letter = "Letter"
    }

    /// Sections a briefing can hold.
    public enum Section: String, Sendable, CaseIterable {
        /// Title page with key figures.
        case cover
        /// Contents and key findings.
        case summary
        /// What changed since the previous run.
        case changes
        /// Mentions per actor.
        case actors
        /// Themes by year.
        case themes
        /// Quotations per speaker, with quotations.
        case voices
        /// Documents per source and per year.
        case sources
        /// Names the template misses.
        case suggested
        /// The documents appendix.
        case documents
        /// How every number is counted.
        case methodology
    }

    /// Top-N limits for the briefing's charts and lists.
    public struct Limits: Sendable, Equatable {
        /// Actors in the actors chart and table.
        public var topActors = 12
        /// Speakers in the voices chart.
        public var topSpeakers = 10
        /// Quotations shown under each top speaker.
        public var quotesPerSpeaker = 3
        /// Documents listed in the appendix.
        public var documentsListed = 100
        /// Suggested actors listed.
        public var suggestedActors = 15

        /// Default limits.
        public init() {}
    }
}

/// Kinds of actor.
public enum ActorKind: String, Sendable, CaseIterable, Codable {
    /// A person.
    case person
    /// A company, institution, party, agency.
    case organization
    /// A country, bloc, city or region.
    case place
    /// Anything else (a programme, a law).
    case other
}

/// An actor to track: a display name and the aliases that mention it.
public struct ActorSpec: Sendable, Equatable {
    /// The display name.
    public var name: String
    /// What it is.
    public var kind: ActorKind
    /// Every way the text may name it (the name itself included).
    public var aliases: [String]

    /// Creates an actor.
    public init(name: String, kind: ActorKind, aliases: [String]) {
        self.name = name
        self.kind = kind
        self.aliases = aliases
    }
}

/// A theme to track: a name and the terms that signal it (a term ending in `*` is a prefix).
public struct ThemeSpec: Sendable, Equatable {
    /// The display name.
    public var name: String
    /// The terms.
    public var terms: [String]

    /// Creates a theme.
    public init(name: String, terms: [String]) {
        self.name = name
        self.terms = terms
    }
}
