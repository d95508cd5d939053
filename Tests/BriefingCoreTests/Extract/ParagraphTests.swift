@testable import BriefingCore
import Testing

@Suite("Extract: paragraphs")
struct ParagraphTests {
    /// The definition, scalar by scalar: a paragraph runs between line breaks (\n, \r, U+2029) and
    /// holds a scalar that is not a space.
    static func reference(_ scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        for index in 0...scalars.count {
            let atBreak = index == scalars.count || ["\n", "\r", "\u{2029}"].contains(scalars[index])
            guard atBreak else { continue }
            if scalars[start..<index].contains(where: { !ScalarFolding.isSpace($0) }) { result.append(start..<index) }
            start = index + 1
        }
        return result
    }

    @Test(arguments: [
        "", "one", "\n", "a\nb", "a\r\nb\r\n", "a\rb\rc", "  \n\t\nx  \n  ", "p1\u{2029}p2\u{2029}\u{2029}",
        "mixed\r\n\u{2029}end\n\r\n", "\u{00A0}\u{3000}\nword\u{2029}  \r", "“Quoted,” he said.\n\n中国 外交部\n😀", "\"a\" \u{AB}b\u{BB}\n  \"\n\u{3000}\u{300C}c\u{300D}\u{2029}\"",
    ])
    func paragraphsAsDefined(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        #expect(QuoteSpans.paragraphs(scalars) == Self.reference(scalars))
        // The mark candidates: every " or scalar from « up in a paragraph, from its first scalar
        // that is not a space (spaces before it are never marks).
        let candidates = Self.reference(scalars).flatMap { paragraph in
            (paragraph.first { !ScalarFolding.isSpace(scalars[$0]) }.map { $0..<paragraph.upperBound } ?? paragraph)
                .filter { QuoteSpans.isMarkCandidate(scalars[$0].value) }
        }
        #expect(QuoteSpans.layout(scalars).marks == candidates)
    }

    @Test func longTextWithEveryBreak() {
        var text = ""
        for index in 0..<500 { text += "Paragraph \(index) text" + ["\n", "\r\n", "\r", "\u{2029}", "\n  \n"][index % 5] }
        let scalars = Array(text.unicodeScalars)
        #expect(QuoteSpans.paragraphs(scalars) == Self.reference(scalars))
        #expect(QuoteSpans.paragraphs(scalars).count == 500)
    }

    /// The one-pass decoder gives the scalars and the layout that decoding, then `layout`, give.
    static func expectSameAsTwoPasses(_ text: String) {
        let (scalars, layout, offsets) = ScalarText.scalarsAndLayout(of: text)
        let decoded = Array(text.unicodeScalars)
        #expect(scalars == decoded)
        #expect(layout.paragraphs == QuoteSpans.layout(decoded).paragraphs)
        #expect(layout.marks == QuoteSpans.layout(decoded).marks)
        // Every scalar's byte offset is the UTF-8 its scalars before it take; a range's text
        // copied from the UTF-8 is the text made from its scalars.
        var byte = 0
        for position in 0...decoded.count {
            #expect(offsets.byteOffset(position) == byte, "\(position) in \(text)")
            if position < decoded.count { byte += String(decoded[position]).utf8.count }
        }
        for start in stride(from: 0, through: decoded.count, by: 3) {
            for end in stride(from: start, through: min(decoded.count, start + 20), by: 4) {
                #expect(offsets.string(start..<end, of: text) == ScalarText.string(scalars, start..<end))
            }
        }
    }

    @Test(arguments: [
        "", "one", "\n", "a\nb", "a\r\nb\r\n", "  \n\t\nx  \n  ", "p1\u{2029}p2\u{2029}\u{2029}",
        "\u{00A0}\u{3000}\nword\u{2029}  \r", "“Quoted,” he said.\n\n中国 外交部\n😀",
        // Breaks, tabs and marks at every place of an eight-byte word, after long ASCII runs.
        "abcdefgh\"ijklmno\"pqrstuvw\nxyzabcde\tfghijklm\r\n        \n    text \"quoted\" more\u{201C}q\u{201D}",
        "12345678123456781234567\n1234567812345678\"1234567812345678\u{2029}12345678\u{1F}12345678\u{7F}",
    ])
    func onePassEqualsTwo(_ text: String) {
        Self.expectSameAsTwoPasses(text)
    }

    @Test func onePassOnGeneratedTexts() {
        // Every piece next to every other at shifting offsets (deterministic).
        let pieces = ["word ", "\"", "\n", "\r\n", "\t", "  ", "\u{2029}", "é", "“", "”", "中", "😀", "\u{A0}", "abcdefg", "\u{1}", "x"]
        for text in PieceTexts.make(pieces, count: 200, pieces: 60...60, seed: 0x9E37_79B9_7F4A_7C15) {
            Self.expectSameAsTwoPasses(text)
        }
    }
}
