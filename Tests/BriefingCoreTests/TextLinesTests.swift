@testable import BriefingCore
import Testing

@Suite("Ingest: lines and words on UTF-8 bytes")
struct TextLinesTests {
    /// Texts whose lines, trimmed lines and word counts must not depend on how they are split.
    static let texts = [
        "",
        "one line",
        "a\nb\r\nc\rd\n",
        "\r\n\r\n",
        "  \t lead and trail \t  ",
        "\u{00A0}no-break spaces\u{00A0}\u{00A0}\nideographic\u{3000}\n\u{3000}",
        "Zhao Lijian: “We oppose it.”\u{2009}\n中国 外交部 发言人\n😀 émoji ünïcödé",
        "\u{2003}\u{2003}\n\u{00A0}",
        "word-with-hyphens and it's O’Brien's\r",
        // Old Mac line ends only, mixed ends, breaks at both edges.
        "a\rb\rc\rd",
        "\n",
        "\r",
        "\r\r\n\n\rx\n\r",
        "first\r\nsecond\nthird\rfourth\r\n",
    ]

    @Test(arguments: texts)
    func bytesAndIndicesAgree(_ text: String) {
        let lines = TextLines.split(text)
        // The reference: lines cut on the scalar view, each trimmed and counted on its own.
        var expected: [String] = []
        var current = ""
        var previousCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" && previousCR { previousCR = false; continue }
            previousCR = scalar == "\r"
            if scalar == "\n" || scalar == "\r" { expected.append(current); current = "" } else { current.unicodeScalars.append(scalar) }
        }
        expected.append(current)
        #expect(lines.map { String($0.text) } == expected)
        #expect(lines.map(\.number) == Array(0..<expected.count))
        #expect(lines.map { String($0.trimmed) } == expected.map { String(TextLines.trim($0[...])) })
        #expect(lines.map(\.words) == expected.map { TextLines.wordCount($0) })
    }

    @Test func wordsCountLettersDigitsAndIdeographs() {
        #expect(TextLines.wordCount("It's a well-known fact, 2024.") == 5)
        #expect(TextLines.wordCount("'quoted' - dash") == 2)
        #expect(TextLines.wordCount("中国外交部") == 5)
        #expect(TextLines.wordCount("O’Brien said") == 2)
    }

    /// The signs read with the words: each sign as the furniture rules define it.
    @Test func signsAreReadInTheWordPass() {
        func signs(_ line: String) -> LineSigns { line.withUTF8Buffer(TextLines.scan).signs }
        #expect(signs("App | 中文 |").bars == 2)
        #expect(signs("Home > News » China › Asia").arrows == 3)
        #expect(signs("a -> b").asciiArrow && !signs("a > b").asciiArrow)
        #expect(signs("World · Asia • China").dots == 2)
        let caption = signs("(Photo by Gao / China Daily): PHOTO")
        #expect(caption.photo && caption.slash && caption.colon && caption.bracket)
        #expect(!signs("Philippines, phone, prophet, p").photo)
        #expect(signs("in the Print Edition").printEdition)
        #expect(!signs("print editorial").printEdition)
        #expect(!signs("printed edition").printEdition)
        #expect(signs("plain words only") == LineSigns())
        // Lines of every piece next to every other, at every offset of an eight-byte word: words
        // as the scalar counter counts them, signs as their definitions read the text.
        let pieces = ["word ", "Word", "a", " ", ",", ".", "\"", "'", "-", "|", ">", "/", ":", "(", "[", "p", "P", "photo", "PHOTO",
                      "print edition", "Print Edition", "2024", "\t", "’", "“", "é", "中", "»", "·", "•", "›", "->", "x'y", "--"]
        for line in PieceTexts.make(pieces, count: 400, pieces: 4...35, seed: 0x5851_F42D_4C95_7F2D) {
            let scan = line.withUTF8Buffer(TextLines.scan)
            let scalars = ScalarText.scalars(of: line)
            #expect(scan.words == ScalarText.wordCount(scalars, 0..<scalars.count), "\(line)")
            let folded = line.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            func has(_ needle: String) -> Bool {
                let wanted = Array(needle.utf8)
                return folded.indices.contains { folded[$0...].starts(with: wanted) }
            }
            func count(_ marks: Set<Unicode.Scalar>) -> Int { line.unicodeScalars.filter { marks.contains($0) }.count }
            var expected = LineSigns()
            expected.bars = count(["|"])
            expected.arrows = count([">", "\u{BB}", "\u{203A}"])
            expected.dots = count(["\u{B7}", "\u{2022}"])
            expected.slash = has("/")
            expected.colon = has(":")
            expected.bracket = has("(") || has("[")
            expected.photo = has("photo")
            expected.printEdition = has("print edition")
            expected.asciiArrow = has("->")
            #expect(scan.signs == expected, "\(line)")
        }
        // The words are counted as the scalar counter counts them, signs or not.
        for line in ["App | 中文 |", "Home > News", "(Photo by Gao / China Daily)", "rock'n'roll - it’s p", "-'x' 'y-z' --"] {
            let scalars = ScalarText.scalars(of: line)
            #expect(line.withUTF8Buffer(TextLines.scan).words == ScalarText.wordCount(scalars, 0..<scalars.count), "\(line)")
        }
    }
}
