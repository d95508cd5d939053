// ArticleReader: reads what a page's text says about itself.
// Input: the decoded text of one article. Output: headline, date, source, body word count.
// Invariants: site furniture (navigation, promotions, captions, share links, bylines, metadata
// lines) is recognised by its shape and by generic phrases, never by this corpus's lines;
// the text itself is never changed.
import BriefingModel

/// What the text of an article says about it when no manifest does.
public struct ArticleFacts: Sendable, Equatable, Codable {
    /// The headline, or the start of the lede when the page has none.
    public var title: String
    /// The publication date, when a full date is written in the page's header or dateline.
    public var published: PublishedDate?
    /// The outlet or agency named in a dateline, metadata or credit line.
    public var source: String
    /// Words of the body, furniture and headline left out.
    public var words: Int
}

/// Reads headline, date, source and word count from an article's text.
public enum ArticleReader {
    /// Reads the facts of `text`.
    public static func read(_ text: String) -> ArticleFacts {
        let lines = TextLines.split(text)
        let furniture = FurnitureDetector.classify(lines)
        let titleLine = findTitleLine(lines, furniture: furniture)
        var words = 0
        for line in lines where !furniture[line.number] && line.number != titleLine {
            words += line.words
        }
        let title = titleLine.map { String(lines[$0].trimmed) } ?? ledeTitle(lines, furniture: furniture)
        return ArticleFacts(
            title: title,
            published: findDate(lines, furniture: furniture, titleLine: titleLine),
            source: SourceFinder.find(lines, furniture: furniture),
            words: words)
    }

    /// The first line that reads as a headline, before the body starts.
    static func findTitleLine(_ lines: [TextLine], furniture: [Bool]) -> Int? {
        for line in lines where !furniture[line.number] && !line.isBlank {
            let trimmed = line.trimmed
            let count = line.words
            if FurnitureDetector.isBodyParagraph(trimmed, words: count) { return nil }
            guard (3...40).contains(count), let last = trimmed.unicodeScalars.last else { continue }
            if ".:;,".unicodeScalars.contains(last) && !trimmed.hasSuffix("...") { continue }
            if trimmed.hasPrefix("Q:") || trimmed.hasPrefix("A:") { return nil }
            return line.number
        }
        return nil
    }

    /// A title made from the first sentence of the body when the page shows no headline.
    static func ledeTitle(_ lines: [TextLine], furniture: [Bool]) -> String {
        guard let first = lines.first(where: { !furniture[$0.number] && !$0.isBlank }) else { return "" }
        let sentence = firstSentence(first.trimmed)
        let words = sentence.split(separator: " ", omittingEmptySubsequences: true)
        if words.count <= 16 { return String(sentence) }
        return words.prefix(14).joined(separator: " ") + " …"
    }

    private static func firstSentence(_ text: Substring) -> Substring {
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let next = scalars.index(after: index)
            if scalar == "." || scalar == "!" || scalar == "?" {
                if next == scalars.endIndex || scalars[next] == " " {
                    return Substring(scalars[scalars.startIndex..<index])
                }
            }
            index = next
        }
        return text
    }

    /// A full date in a metadata line or a dateline near the top; the body's history is not read.
    static func findDate(_ lines: [TextLine], furniture: [Bool], titleLine: Int?) -> PublishedDate? {
        // Metadata and furniture lines first (anywhere: some pages put them at the foot).
        for line in lines where furniture[line.number] {
            if let date = DateFinder.firstDate(in: line.text) { return date }
        }
        // Then the first lines of the body (a dateline), up to three paragraphs.
        var paragraphs = 0
        for line in lines where !furniture[line.number] && !line.isBlank && line.number != titleLine {
            if let date = DateFinder.firstDate(in: Substring(line.text.unicodeScalars.prefix(120))) { return date }
            paragraphs += 1
            if paragraphs >= 3 { break }
        }
        return nil
    }
}
