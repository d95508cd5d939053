/// What extraction found in one document: the input of aggregation.
///
/// Offsets count Unicode scalars of the document's text, end exclusive.
public struct DocumentAnalysis: Sendable, Hashable, Codable {
    /// The document analysed.
    public var documentID: String
    /// Mentions of template actors, in text order.
    public var mentions: [ActorMention] = []
    /// Hits of template themes, in text order.
    public var themeHits: [ThemeHit] = []
    /// Direct quotations, in text order.
    public var quotations: [Quotation] = []
    /// Mentions of speakers who are not template actors (their names as written), in text order.
    public var speakerMentions: [NameMention] = []
    /// Capitalised multi-word names matching no actor (candidates for "suggested actors"), sorted, unique.
    public var unmatchedNames: [String] = []

    /// Creates an empty analysis.
    public init(documentID: String) {
        self.documentID = documentID
    }
}

/// One mention of a template actor.
public struct ActorMention: Sendable, Hashable, Codable {
    /// Index of the actor in the template's `actors`.
    public var actor: Int
    /// The text as written (without a possessive 's).
    public var text: String
    /// Start offset (code points).
    public var start: Int
    /// End offset (code points, exclusive).
    public var end: Int

    /// Creates a mention.
    public init(actor: Int, text: String, start: Int, end: Int) {
        self.actor = actor
        self.text = text
        self.start = start
        self.end = end
    }
}

/// One mention of a speaker who is not a template actor.
public struct NameMention: Sendable, Hashable, Codable {
    /// The speaker's name (as in quotes.csv).
    public var name: String
    /// The text as written.
    public var text: String
    /// Start offset (code points).
    public var start: Int
    /// End offset (code points, exclusive).
    public var end: Int

    /// Creates a mention.
    public init(name: String, text: String, start: Int, end: Int) {
        self.name = name
        self.text = text
        self.start = start
        self.end = end
    }
}

/// One occurrence of a theme's term.
public struct ThemeHit: Sendable, Hashable, Codable {
    /// Index of the theme in the template's `themes`.
    public var theme: Int
    /// The text as written.
    public var text: String
    /// Start offset (code points).
    public var start: Int
    /// End offset (code points, exclusive).
    public var end: Int

    /// Creates a hit.
    public init(theme: Int, text: String, start: Int, end: Int) {
        self.theme = theme
        self.text = text
        self.start = start
        self.end = end
    }
}

/// A direct quotation and who said it.
public struct Quotation: Sendable, Hashable, Codable {
    /// The speaker's fullest name in the document, or the organisation, document or description
    /// that speaks; empty when no speaker was found.
    public var speaker: String
    /// Index of the template actor the speaker is, when it is one.
    public var actor: Int?
    /// The quoted text, without its quotation marks.
    public var text: String
    /// Start offset of the quoted text (code points, after the opening mark).
    public var start: Int
    /// End offset (code points, exclusive, before the closing mark).
    public var end: Int

    /// Creates a quotation.
    public init(speaker: String, actor: Int?, text: String, start: Int, end: Int) {
        self.speaker = speaker
        self.actor = actor
        self.text = text
        self.start = start
        self.end = end
    }
}
