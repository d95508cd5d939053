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
        let furniture = FurnitureDetector.classify(lines, of: text)
        let titleLine = findTitleLine(lines, furniture: furniture)
        // Lines are read in place by index (a copied line costs a retain and release of its
        // text); a line's number is its index.
        var words = 0
        for index in lines.indices where !furniture[index] && index != titleLine {
            words += lines[index].words
        }
        let title = titleLine.map { String(lines[$0].trimmed) } ?? ledeTitle(lines, furniture: furniture)
        return ArticleFacts(
            title: title,
            published: findDate(lines, furniture: furniture, titleLine: titleLine),
            source: SourceFinder.find(lines, furniture: furniture),
            words: words)
    }

    /// Last scalars a headline does not end with (an ellipsis aside).
    private static let nonTitleEnds = ScalarList(".:;,")

    /// True when the word `before` ends with is an initial ("E", "E.U", "J") or an abbreviation
    /// of `ClauseTokenizer.abbreviations` ("Sen", "u.s"), in any case: its dot is no full stop.
    private static func keepsItsDot(_ before: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = before.count
        while start > 0, before[start - 1] != 0x20 { start -= 1 }
        let word = UnsafeBufferPointer(rebasing: before[start...])
        guard !word.isEmpty, word.count <= 8, word.allSatisfy({ $0 < 0x80 }) else { return false }
        if word.count == 1 { return word[0] >= 0x41 && word[0] <= 0x5A }
        let lower = word.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        // "E.U" and "U.S" are initials joined by dots: capitals between dots.
        let initials = stride(from: 0, to: word.count, by: 2).allSatisfy { word[$0] >= 0x41 && word[$0] <= 0x5A }
            && stride(from: 1, to: word.count, by: 2).allSatisfy { word[$0] == UInt8(ascii: ".") }
        return initials || ClauseTokenizer.abbreviations.contains(bytes: lower)
    }

    /// The first line that reads as a headline, before the body starts.
    static func findTitleLine(_ lines: [TextLine], furniture: [Bool]) -> Int? {
        for line in lines where !furniture[line.number] && !line.isBlank {
            let trimmed = line.trimmed
            let count = line.words
            if FurnitureDetector.isBodyParagraph(trimmed, words: count) { return nil }
            guard (3...40).contains(count), let last = trimmed.unicodeScalars.last else { continue }
            if Self.nonTitleEnds.contains(last) && !trimmed.hasSuffix("...") { continue }
            if trimmed.hasPrefix("Q:") || trimmed.hasPrefix("A:") { return nil }
            return line.number
        }
        return nil
    }

    /// A title made from the first sentence of the body when the page shows no headline.
    static func ledeTitle(_ lines: [TextLine], furniture: [Bool]) -> String {
        guard let first = lines.first(where: { !furniture[$0.number] && !$0.isBlank }) else { return "" }
        let sentence = firstSentence(first.trimmed)
        // Words split on spaces, on bytes (only the first 17 matter) unless a space is followed by
        // a scalar beyond ASCII, which might join it in one grapheme: then split as Characters.
        let asciiAfterSpaces = sentence.withUTF8Buffer { bytes in
            !zip(bytes, bytes.dropFirst()).contains { $0.0 == 0x20 && $0.1 >= 0x80 }
        }
        guard asciiAfterSpaces else {
            let words = sentence.split(separator: " ", omittingEmptySubsequences: true)
            if words.count <= 16 { return String(sentence) }
            return words.prefix(14).joined(separator: " ") + " …"
        }
        return sentence.withUTF8Buffer { bytes -> String in
            var words: [Range<Int>] = []
            words.reserveCapacity(17)
            var index = 0
            while index < bytes.count && words.count <= 16 {
                while index < bytes.count && bytes[index] == 0x20 { index += 1 }
                guard index < bytes.count else { break }
                let start = index
                while index < bytes.count && bytes[index] != 0x20 { index += 1 }
                words.append(start..<index)
            }
            if words.count <= 16 { return String(sentence) }
            var joined: [UInt8] = []
            for (number, word) in words.prefix(14).enumerated() {
                if number > 0 { joined.append(0x20) }
                joined.append(contentsOf: bytes[word])
            }
            return String(decoding: joined, as: UTF8.self) + " …"
        }
    }

    /// The text before the first ".", "!" or "?" that ends the text or is followed by a space
    /// (ASCII bytes: found on the UTF-8, where they never stand inside a scalar). The dot of an
    /// initial or an abbreviation the tokenizer keeps ("E.U. leaders weigh…", "Sen. Warren said")
    /// ends no sentence before the end of the text.
    static func firstSentence(_ text: Substring) -> Substring {
        let end = text.withUTF8Buffer { bytes -> Int? in
            for index in 0..<bytes.count {
                let byte = bytes[index]
                guard byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") else { continue }
                guard index + 1 == bytes.count || bytes[index + 1] == 0x20 else { continue }
                if byte == UInt8(ascii: "."), index + 1 < bytes.count, keepsItsDot(UnsafeBufferPointer(rebasing: bytes[..<index])) { continue }
                return index
            }
            return nil
        }
        guard let end else { return text }
        let utf8 = text.utf8
        return Substring(utf8[utf8.startIndex..<utf8.index(utf8.startIndex, offsetBy: end)])
    }

    /// A full date in a metadata line or a dateline near the top; the body's history is not read.
    static func findDate(_ lines: [TextLine], furniture: [Bool], titleLine: Int?) -> PublishedDate? {
        // Metadata and furniture lines first (anywhere: some pages put them at the foot).
        for index in lines.indices where furniture[index] {
            if let date = DateFinder.firstDate(in: lines[index].text) { return date }
        }
        // Then the first lines of the body (a dateline), up to three paragraphs.
        var paragraphs = 0
        for index in lines.indices where !furniture[index] && !lines[index].isBlank && index != titleLine {
            if let date = DateFinder.firstDate(in: lines[index].textPrefix(scalars: 120)) { return date }
            paragraphs += 1
            if paragraphs >= 3 { break }
        }
        return nil
    }
}
