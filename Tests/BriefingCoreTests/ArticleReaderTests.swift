@testable import BriefingCore
import BriefingModel
import Testing

@Suite("Ingest: headline, date, source and words read from the text")
struct ArticleReaderTests {
    @Test func seed000HeadlineSkipsPromotionAndCaption() throws {
        let facts = ArticleReader.read(try Repo.seed("000"))
        #expect(facts.title == "China to work with EU on cybersecurity as Xi wraps up Europe tour")
        #expect(facts.source == "South China Morning Post")
        #expect(facts.published == nil)
    }

    @Test func seed001DatelineWithoutYearIsNoDate() throws {
        let facts = ArticleReader.read(try Repo.seed("001"))
        #expect(facts.title == "China offers opportunities for EU's digital development, says diplomat")
        #expect(facts.source == "Xinhua")
        #expect(facts.published == nil)
    }

    @Test func seed002DateAndSourceFromMetadataLine() throws {
        let facts = ArticleReader.read(try Repo.seed("002"))
        #expect(facts.title == "China announces cybersecurity strategy")
        #expect(facts.published?.description == "2016-12-27")
        #expect(facts.source == "Xinhua")
    }

    @Test func seed003PhotoCreditAndNoHeadline() throws {
        let facts = ArticleReader.read(try Repo.seed("003"))
        #expect(facts.source == "China Daily")
        #expect(facts.title.hasPrefix("The Cyberspace Administration of China (CAC) aims"))
    }

    @Test func seed004BreadcrumbIsNotTheTitle() throws {
        let facts = ArticleReader.read(try Repo.seed("004"))
        #expect(facts.title.hasPrefix("Remarks by Foreign Ministry Spokesperson Lu Kang"))
        #expect(facts.source == "")
    }

    /// The byte tests of the furniture rules equal the character and scalar tests they replace.
    @Test(arguments: [
        "", ":", "a:", "Tags:", "Related: ", "中文:", "e\u{301}:", ":\u{301}", "x\u{200D}:", "\u{600}:", "Done.", "Why?", "Stop!",
        "“Quoted.”", "He said “no”", "ends in \"", "x\u{201C}", "\u{1F600}", "Zhao Junjie, academic", "Updated: Dec 27,2016 9:12 PM",
    ])
    func furnitureByteTestsEqualCharacterTests(_ text: String) {
        let line = Substring(text)
        line.withUTF8Buffer { bytes in
            #expect(FurnitureDetector.endsSentence(bytes) == (line.unicodeScalars.last.map { ".!?\"”".unicodeScalars.contains($0) } ?? false))
            #expect(FurnitureDetector.endsWithColon(bytes, { line }) == line.hasSuffix(":"))
        }
    }

    /// A line of a split text is judged as the same line given as a substring.
    @Test func furnitureOfSplitLinesEqualsFurnitureOfSubstrings() throws {
        var texts = try ["000", "001", "002", "003", "004"].map(Repo.seed)
        texts.append("Home > News\n  Tags: \n\nPhoto: Xinhua\r\nUpdated: Dec 27,2016 9:12 PM  Xinhua\n中文:\nShort line\n")
        texts.append(String(repeating: "é😀中a ", count: 40) + "\n" + String(repeating: "x", count: 130) + "\r\ne\u{301}e\u{301}\n")
        var judged = 0
        for text in texts {
            let lines = TextLines.split(text)
            let flags = FurnitureDetector.lineFlags(lines, of: text)
            for line in lines {
                #expect(flags[line.number] == FurnitureDetector.isFurnitureLine(line.trimmed, words: line.words, signs: line.signs))
                #expect(line.withTrimmedBytes { Array($0) } == Array(line.trimmed.utf8))
                for count in [0, 1, 5, 120, 10_000] { #expect(Array(line.textPrefix(scalars: count).unicodeScalars) == Array(line.text.unicodeScalars.prefix(count))) }
                judged += 1
            }
        }
        #expect(judged > 100)
    }

    @Test func furnitureShapes() {
        #expect(FurnitureDetector.isFurnitureLine("App | 中文 |"))
        #expect(FurnitureDetector.isFurnitureLine("Home > Spokesperson's Remarks"))
        #expect(FurnitureDetector.isFurnitureLine("Suggest to a friend:868"))
        #expect(FurnitureDetector.isFurnitureLine("Zhao Junjie, academic"))
        #expect(FurnitureDetector.isFurnitureLine("Share on Facebook"))
        #expect(!FurnitureDetector.isFurnitureLine("China announces cybersecurity strategy"))
        #expect(!FurnitureDetector.isFurnitureLine("The market will be open and transparent, he said."))
    }

    @Test func datesWithYearOnly() {
        #expect(DateFinder.firstDate(in: "Updated: Dec 27,2016 9:12 PM")?.description == "2016-12-27")
        #expect(DateFinder.firstDate(in: "Published 3 March 2019, 10:00")?.description == "2019-03-03")
        #expect(DateFinder.firstDate(in: "2015-07-06 14:00")?.description == "2015-07-06")
        #expect(DateFinder.firstDate(in: "2016年12月27日")?.description == "2016-12-27")
        #expect(DateFinder.firstDate(in: "BRUSSELS, March 19 (Xinhua)") == nil)
        #expect(DateFinder.firstDate(in: "Feb 30, 2016") == nil)
    }

    /// Without a headline the lede's first sentence is the title: whole up to 16 words, else its
    /// first 14 and an ellipsis; a space before a combining mark is no word break.
    @Test func ledeTitles() {
        let short = "The talks in Brussels ended on Friday with a statement. More followed."
        #expect(ArticleReader.ledeTitle(TextLines.split(short), furniture: [false]) == "The talks in Brussels ended on Friday with a statement")
        let long = "One  two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen. Next"
        #expect(ArticleReader.ledeTitle(TextLines.split(long), furniture: [false])
            == "One two three four five six seven eight nine ten eleven twelve thirteen fourteen …")
        let sixteen = "a b c d e f g h i j k l m n o p"
        #expect(ArticleReader.ledeTitle(TextLines.split(sixteen), furniture: [false]) == sixteen)
        // " \u{301}" is one grapheme: the Character split keeps it inside a word, as before.
        let combining = "a b c d e f g h i j k l m n o p \u{301}q"
        #expect(ArticleReader.ledeTitle(TextLines.split(combining), furniture: [false]) == combining)
        // Initials and abbreviations keep their dot; a sentence ending with one still ends there.
        #expect(ArticleReader.firstSentence("U.S. talks end.") == "U.S. talks end")
        #expect(ArticleReader.firstSentence("E.U. leaders weigh plans. After Brexit") == "E.U. leaders weigh plans")
        #expect(ArticleReader.firstSentence("Sen. Elizabeth Warren and J. K. Rowling spoke. Then") == "Sen. Elizabeth Warren and J. K. Rowling spoke")
        #expect(ArticleReader.firstSentence("Talks moved to the U.S.") == "Talks moved to the U.S")
        #expect(ArticleReader.firstSentence("It rained. Talks ended.") == "It rained")
        #expect(ArticleReader.firstSentence("No end") == "No end")
        // The headline of a page that ends it with a full stop (a Washington Post scrape).
        let page = "E.U. leaders weigh plans for greater military coordination.\n\nAfter Brexit and Trump's threats, bloc aims to rely less on U.S. support.\n\n"
            + "BRUSSELS - European leaders gathered Friday to discuss the torrent of challenges facing their continent after Britain's decision "
            + "to leave the European Union, offering broad new defense efforts amid growing concerns that they are too dependent on the United States."
        #expect(ArticleReader.read(page).title == "E.U. leaders weigh plans for greater military coordination")
    }

    /// A dateline's agency is read when its parenthesis opens within the first 80 scalars.
    @Test func datelineParenthesisWithinEightyScalars() {
        #expect(SourceFinder.dateline("BRUSSELS, March 19 (Xinhua) -- China said") == "Xinhua")
        let padding = String(repeating: "É", count: 70)
        #expect(SourceFinder.dateline(Substring(padding + "(Xinhua) -- text")) == "Xinhua")
        #expect(SourceFinder.dateline(Substring(padding + String(repeating: "É", count: 10) + "(Xinhua) -- text")) == nil)
        #expect(SourceFinder.dateline("BRUSSELS, March 19 -- no agency") == nil)
    }

    /// The byte check before graphemes: a dash after a closing parenthesis, past white space of
    /// any kind; a line without one is no dateline, one with it is read as before.
    @Test func datelineNeedsADashAfterItsParenthesis() {
        func check(_ line: String) -> Bool { line.withUTF8Buffer { SourceFinder.hasDashAfterClosing($0) } }
        #expect(check("BEIJING (Reuters) - text"))
        #expect(check("BEIJING (Reuters)\u{A0}\u{2014} text"))
        #expect(check("BEIJING (Reuters)\u{2013}text"))
        #expect(check("(a) b (Reuters) -- text"))
        #expect(!check("BEIJING (Reuters) said the ministry - later"))
        #expect(!check("BEIJING (Reuters)"))
        #expect(!check("no parenthesis - here"))
        #expect(SourceFinder.dateline("BEIJING, May 2 (Reuters)\u{A0}\u{2014} The ministry said") == "Reuters")
        #expect(SourceFinder.dateline("BEIJING, May 2 (Reuters) said the ministry") == nil)
        #expect(SourceFinder.dateline("BEIJING, May 2 (Reuters)\u{2013}The ministry said") == "Reuters")
    }

    @Test func wordsLeaveFurnitureAndHeadlineOut() {
        let text = "Home > News\n\nBig headline about the talks\n\nOne two three four five.\nShare on Twitter\n"
        let facts = ArticleReader.read(text)
        #expect(facts.title == "Big headline about the talks")
        #expect(facts.words == 5)
    }
}

@Suite("Ingest: caption markers found from their punctuation")
struct CaptionMarkerSearchTests {
    /// Searching from the places of a marker's punctuation finds exactly what a plain scan finds,
    /// at any place in the line, in any case, at both ends and where the mark repeats.
    @Test func anchoredSearchAgreesWithPlainSearch() {
        let lines = [
            "Photo: Xinhua", "A caption (PHOTO by Li Wei / China Daily)", "ends with photo:", "photo", ":photo:",
            "Beijing / Getty Images", "/getty", "/ getty", "x/ gettx / getty", "IMAGE:", "imag:", "no marker here (or there)",
            "[Photo] EU and China", "(Xinhua/Li Xueren)", "((xinhua/", "photo/Reuters", "photo /", "credit: AFP", "",
        ]
        for line in lines {
            for marker in FurnitureDetector.captionMarkers {
                let bytes = Array(marker.utf8)
                guard let anchor = bytes.firstIndex(where: { ":/([".utf8.contains($0) }) else { continue }
                let plain = ASCIISearch.find(marker, in: line) != nil
                let anchored = line.withUTF8Buffer { ASCIISearch.contains(bytes, anchor: anchor, in: $0) }
                #expect(anchored == plain, "\(marker) in \(line)")
            }
        }
        // Cases the plain search settles: found, not found.
        #expect("Beijing / Getty Images".withUTF8Buffer { ASCIISearch.contains(Array("/ getty".utf8), anchor: 0, in: $0) })
        #expect(!"imag:".withUTF8Buffer { ASCIISearch.contains(Array("image:".utf8), anchor: 5, in: $0) })
    }

    /// A prefix at an offset, ignoring ASCII case: what lowering the line and comparing its bytes
    /// says, at every offset up to the end, for needles short and long, empty included.
    @Test func prefixAtAnOffsetAgreesWithLoweredBytes() {
        let lines = ["Photo: Xinhua", "PRINT EDITION", "print editio", "Sign up for our newsletter", "", "中文 photo", "pHoTo"]
        let needles = ["photo", "hoto", "rint edition", "sign up", "", "中文", "p"]
        var compared = 0
        for line in lines {
            let lowered = line.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
            for needle in needles {
                for offset in 0...lowered.count {
                    let expected = offset + needle.utf8.count <= lowered.count
                        && Array(lowered[offset..<(offset + needle.utf8.count)]) == Array(needle.utf8)
                    #expect(line.withUTF8Buffer { ASCIISearch.hasPrefix($0, at: offset, needle) } == expected, "\(needle) at \(offset) of \(line)")
                    compared += 1
                }
            }
        }
        #expect(compared > 500)
    }
}
