/// One article of the corpus, decoded, with what is known about it.
///
/// Offsets anywhere in the model count Unicode scalars (code points) of `text`, end exclusive.
public struct Document: Sendable, Hashable {
    /// Stable identifier: the path relative to the corpus root without extension, or a JSONL id.
    public var id: String
    /// The path of the file it came from, relative to the corpus root.
    public var path: String
    /// The decoded text, furniture included (offsets point into it).
    public var text: String
    /// The headline, from the manifest, the JSONL record or the text.
    public var title: String
    /// The outlet or agency, when known.
    public var source: String
    /// The publication date, when known.
    public var published: PublishedDate?
    /// The article body's word count (site furniture left out).
    public var words: Int
    /// Optional link to the original.
    public var url: String

    /// Creates a document.
    public init(id: String, path: String, text: String, title: String = "", source: String = "",
                published: PublishedDate? = nil, words: Int = 0, url: String = "") {
        self.id = id
        self.path = path
        self.text = text
        self.title = title
        self.source = source
        self.published = published
        self.words = words
        self.url = url
    }

    /// The publication year as text, or `unknown`.
    public var yearLabel: String {
        published.map { String($0.year) } ?? "unknown"
    }
}
