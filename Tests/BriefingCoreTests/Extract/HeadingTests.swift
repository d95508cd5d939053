@testable import BriefingCore
import Testing

@Suite("Extract: heading lines")
struct HeadingTests {
    /// The heading rules written plainly: each short line's tokens filtered from all of them.
    static func expectedHeadings(_ scalars: [Unicode.Scalar], _ paragraphs: [Range<Int>], _ tokens: [ClauseToken]) -> [Range<Int>] {
        let small: Set<String> = ["the", "of", "and", "for", "a", "an", "in", "on", "to", "at", "with", "or"]
        var found: [Range<Int>] = []
        for paragraph in paragraphs where paragraph.count <= 120 {
            var end = paragraph.upperBound
            while end > paragraph.lowerBound, ScalarFolding.isSpace(scalars[end - 1]) { end -= 1 }
            guard end > paragraph.lowerBound, !"!?:\"”’)".unicodeScalars.contains(scalars[end - 1]) else { continue }
            let line = tokens.filter { $0.start >= paragraph.lowerBound && $0.start < end }
            let words = line.filter { $0.kind == .word }
            let capitalised = words.filter(\.isCapitalized).count
            let dotted = scalars[end - 1] == "."
            guard (2...(dotted ? 8 : 12)).contains(words.count) else { continue }
            if dotted {
                if words.allSatisfy({ $0.isCapitalized || small.contains($0.lower) }) { found.append(paragraph) }
            } else if capitalised * 10 >= words.count * 6 {
                found.append(paragraph)
            }
        }
        return found
    }

    /// Generated documents of short and long lines: the ranges found hold exactly the offsets of
    /// the lines the plain rules call headings.
    @Test func headingsMatchThePlainRules() {
        let pieces = ["Obama Sees Insult", "Scrutinizing the Science.", "Elizabeth Warren spoke.", " and then they went on",
                      " to say many things about it", "\n", "\n\n", " ", "?", "\"", "The Memo", " of", "中文", "  \n"]
        var headingLines = 0
        for text in PieceTexts.make(pieces, count: 300, pieces: 4...40, seed: 0x5851_F42D_4C95_7F2D) {
            let scalars = Array(text.unicodeScalars)
            let paragraphs = QuoteSpans.paragraphs(scalars)
            let list = ClauseTokenizer.tokenize(scalars, 0..<scalars.count)
            withExtendedLifetime(list) {
                let expected = Self.expectedHeadings(scalars, paragraphs, list.tokens)
                headingLines += expected.count
                let found = DocumentExtractor.headings(scalars, paragraphs: paragraphs, tokens: list.tokens)
                for offset in 0..<scalars.count {
                    #expect(found.contains(offset) == expected.contains { $0.contains(offset) }, "\(text) at \(offset)")
                }
            }
        }
        // Both outcomes occur often enough to matter.
        #expect(headingLines > 200)
    }
}
