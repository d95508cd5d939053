@testable import BriefingCore
import Testing

/// The tokens keep their text and lower form as bytes in their list's buffer: these tests hold
/// those bytes to the String definitions the rules were written against.
@Suite("Extract: clause tokens")
struct TokenizerTests {
    static let sample = """
        Sen. Elizabeth Warren’s aide said: “It’s over,” in the U.S. and the E.U. — W. Bush, Mr. O’Brien's dog. \
        Inc. inc. JOHN'S İstanbul ẞtraße Ärzte ÉLAN 习近平说 l'état d'Ivoire 3M x.y, ‘quoted’ «dit» … 9/11 — “»
        Second line; no. 5 vs. 6 Gen. Dec. St.Louis sept.
        DON’T STOP: China’s rock’n’roll ’90s ’ mr’s. Ⓐ ⅷ ⁂ \u{2003}x\u{3000}y\u{00A0}z — ‐ ‹›
        """

    /// A token's text is its scalars; its lower form is the text lowered with ’ made '.
    @Test func formsMatchTheirStringDefinitions() {
        let scalars = ScalarText.scalars(of: Self.sample)
        let list = ClauseTokenizer.tokenize(scalars, 0..<scalars.count)
        withExtendedLifetime(list) {
            #expect(list.tokens.count > 60)
            for token in list.tokens {
                let text = ScalarText.string(scalars, token.start..<token.end)
                #expect(token.text == text)
                #expect(token.lower == ClauseToken.lowerForm(text), "\(text)")
                #expect(token.lowerHash == WordSet.hash(token.lower), "\(text)")
                #expect(token.textIs("Sen.") == (text == "Sen."))
                #expect(token.isPossessive == SpeakerPhrase.isPossessive(text), "\(text)")
                #expect(token.startsWithNumber == (text.first?.isNumber == true), "\(text)")
                #expect(token.endsSentence == (token.kind == .punctuation && [".", "!", "?"].contains(text)), "\(text)")
            }
            let words = list.tokens.filter { $0.kind == .word }.map(\.text)
            for expected in ["Sen.", "Warren’s", "U.S.", "E.U.", "W.", "Mr.", "O’Brien's", "Inc.", "inc.", "İstanbul", "no.", "vs.",
                             "Gen.", "Dec.", "St.", "Louis", "sept."] {
                #expect(words.contains(expected), "\(expected)")
            }
            #expect(list.tokens.filter { $0.kind == .quoteMark }.count == 6)
        }
    }

    /// Spaces beyond ASCII are Unicode's White_Space; the punctuation blocks asked no case question
    /// have none.
    @Test func spaceAndCaselessBlocksMatchUnicodeProperties() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(ScalarFolding.isSpace(scalar) == scalar.properties.isWhitespace, "U+\(String(value, radix: 16))")
            if ClauseTokenizer.caselessPunctuation(scalar) {
                #expect(!scalar.properties.changesWhenLowercased, "U+\(String(value, radix: 16))")
            }
        }
    }

    /// The tokenizer's rules written plainly, a scalar at a time: (kind, start, end) of each token.
    static func tokensByTheRules(_ scalars: [Unicode.Scalar]) -> [(ClauseToken.Kind, Int, Int)] {
        func isWord(_ at: Int) -> Bool { at < scalars.count && ScalarFolding.isWordScalar(scalars[at]) }
        let joiners: Set<Unicode.Scalar> = ["'", "-", ".", "&", "\u{2019}"]
        var result: [(ClauseToken.Kind, Int, Int)] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if isWord(index) {
                var end = index + 1
                while end < scalars.count {
                    if isWord(end) { end += 1; continue }
                    if joiners.contains(scalars[end]) && isWord(end + 1) {
                        // A dot joins single capitals only (U.S); other dots end the word.
                        if scalars[end] == "." && !(end - index == 1 && scalar.properties.isUppercase) { break }
                        end += 2
                        continue
                    }
                    break
                }
                let lower = ClauseToken.lowerForm(ScalarText.string(scalars, index..<end))
                if end < scalars.count, scalars[end] == ".",
                   ClauseTokenizer.abbreviations.contains(lower) || end - index == 1 && scalar.properties.isUppercase {
                    end += 1
                }
                result.append((.word, index, end))
                index = end
            } else if scalar.properties.isWhitespace {
                index += 1
            } else {
                result.append((QuoteMarks.isQuoteMark(scalar) ? .quoteMark : .punctuation, index, index + 1))
                index += 1
            }
        }
        return result
    }

    /// Tokens of generated texts (words in every case, abbreviations, initials, joiners, marks and
    /// scalars beyond ASCII next to each other) are those of the rules, with their text, lower form
    /// and hash.
    @Test func tokensOfGeneratedTextsFollowTheRules() {
        let pieces = ["Mr", "mr", "MR", "U", "S", "W", ".", " ", "  ", "-", "'", "\u{2019}", "&", "word", "Word", "WORD", "sept",
                      "Dec", "é", "É", "İ", "中", "3", "x", ",", "“", "\"", "\u{A0}", "\n", "’s", "O", "Brien", "inc", "😀", "ẞ"]
        var checked = 0
        for (number, text) in PieceTexts.make(pieces, count: 300, pieces: 40...40, seed: 0x2545_F491_4F6C_DD1D).enumerated() {
            let scalars = ScalarText.scalars(of: text)
            // Buffers of every size from one byte up: most must grow.
            let list = ClauseTokenizer.tokenize(scalars, 0..<scalars.count, initialCapacity: number % 16)
            let expected = Self.tokensByTheRules(scalars)
            withExtendedLifetime(list) {
                #expect(list.tokens.count == expected.count, "\(text)")
                for (token, rule) in zip(list.tokens, expected) {
                    #expect(token.kind == rule.0 && token.start == rule.1 && token.end == rule.2, "\(text): \(token.text)")
                    let written = ScalarText.string(scalars, token.start..<token.end)
                    #expect(token.text == written)
                    #expect(token.lower == ClauseToken.lowerForm(written))
                    #expect(token.lowerHash == WordSet.hash(token.lower))
                    #expect(token.isCapitalized == (token.kind == .word && scalars[token.start].properties.isUppercase))
                    checked += 1
                }
            }
        }
        #expect(checked > 5000)
    }

    /// A buffer too small from the start grows; the tokens are the same.
    @Test func growingTheBufferKeepsEveryToken() {
        let scalars = ScalarText.scalars(of: String(repeating: Self.sample, count: 20))
        let roomy = ClauseTokenizer.tokenize(scalars, 0..<scalars.count)
        let tight = ClauseTokenizer.tokenize(scalars, 0..<scalars.count, initialCapacity: 1)
        withExtendedLifetime((roomy, tight)) {
            #expect(roomy.tokens.count == tight.tokens.count)
            for (a, b) in zip(roomy.tokens, tight.tokens) {
                #expect(a.text == b.text && a.lower == b.lower && a.start == b.start && a.end == b.end && a.kind == b.kind)
            }
        }
    }

    /// Tokens are written into the room of their array (one in four scalars); a text with more goes
    /// on in a buffer of its own. Either way, with the bytes' buffer moving or not, every token is
    /// kept and points at its bytes.
    @Test func moreTokensThanTheRoomKeepsEveryToken() {
        let texts = [String(repeating: "a,", count: 500), String(repeating: "é,", count: 300), String(repeating: "Word ", count: 40),
                     String(repeating: "“x” ", count: 100), "a"]
        for text in texts {
            for capacity in [nil, 1] {
                let scalars = ScalarText.scalars(of: text)
                let list = ClauseTokenizer.tokenize(scalars, 0..<scalars.count, initialCapacity: capacity)
                let expected = Self.tokensByTheRules(scalars)
                withExtendedLifetime(list) {
                    #expect(list.tokens.count == expected.count, "\(text.prefix(12))")
                    for (token, rule) in zip(list.tokens, expected) {
                        #expect(token.kind == rule.0 && token.start == rule.1 && token.end == rule.2)
                        #expect(token.text == ScalarText.string(scalars, token.start..<token.end))
                    }
                }
            }
        }
    }

    /// Word lists are asked with a token's carried hash: the same answers as with its lower form.
    @Test func wordSetsAnswerForTokensAsForTheirLowerForm() {
        let scalars = ScalarText.scalars(of: Self.sample)
        let list = ClauseTokenizer.tokenize(scalars, 0..<scalars.count)
        withExtendedLifetime(list) {
            for set in [SpeechLexicon.titles, SpeechLexicon.notNames, SpeechLexicon.nameJoiners, ClauseTokenizer.abbreviations] {
                for token in list.tokens {
                    #expect(set.contains(token) == set.contains(token.lower), "\(token.text)")
                    #expect(set.contains(token, withoutPossessive: true) == set.contains(SpeakerPhrase.stripPossessive(token.lower)))
                }
            }
        }
    }

    /// A name and its key written from token bytes equal the names joined and lowered as Strings.
    @Test func namesJoinedFromTokensEqualTheirStrings() {
        let scalars = ScalarText.scalars(of: Self.sample)
        let list = ClauseTokenizer.tokenize(scalars, 0..<scalars.count)
        withExtendedLifetime(list) {
            let tokens = list.tokens
            for start in tokens.indices {
                for end in start..<min(tokens.count, start + 4) {
                    let words = tokens[start...end].map { SpeakerPhrase.stripPossessive($0.text) }
                    let name = words.joined(separator: " ")
                    #expect(NameIndex.joinedText(tokens, start..<(end + 1)) == name)
                    if end > start {
                        #expect(NameIndex.firstWordIsShort(tokens, start..<(end + 1)) == NameIndex.firstWordIsShort(name), "\(name)")
                    }
                    if let key = NameIndex.joinedKey(tokens, start..<(end + 1)) {
                        #expect(key == ScalarText.lower(name), "\(name)")
                    } else {
                        #expect(tokens[start...end].contains { $0.text.contains("\u{2019}") }, "\(name)")
                    }
                }
            }
        }
    }

    /// The name index's keys, read from token lower forms or written into its buffer, are the
    /// names and their first and last words lowered as Strings, with those Strings' hashes.
    @Test func nameKeysEqualTheirStrings() throws {
        var text = Self.sample + " Xi’s aide O’Brien’s Zhao's Wang Yi’s José Ramírez's Jean-Claude Juncker Mr. Ann O'Neill's "
        if let seed = try? Repo.seed("002") { text += seed }
        let scalars = ScalarText.scalars(of: text)
        let list = ClauseTokenizer.tokenize(scalars, 0..<scalars.count)
        try withExtendedLifetime(list) {
            let tokens = list.tokens
            let names = NameIndex(tokens: tokens)
            try #require(names.occurrences.count > 20)
            func wordKey(_ position: Int) -> String {
                NameIndex.joinedKey(tokens, position..<(position + 1)) ?? ScalarText.lower(SpeakerPhrase.stripPossessive(tokens[position].text))
            }
            var several = 0
            for occurrence in names.occurrences {
                let kept = occurrence.kept
                let key = NameIndex.joinedKey(tokens, kept) ?? ScalarText.lower(NameIndex.joinedText(tokens, kept))
                #expect(names.string(of: occurrence.key) == key)
                #expect(occurrence.key.hash == WordSet.hash(key), "\(key)")
                let first = kept.count == 1 ? key : wordKey(kept.lowerBound), last = kept.count == 1 ? key : wordKey(kept.upperBound - 1)
                #expect(names.string(of: occurrence.firstKey) == first && occurrence.firstKey.hash == WordSet.hash(first), "\(key)")
                #expect(names.string(of: occurrence.lastKey) == last && occurrence.lastKey.hash == WordSet.hash(last), "\(key)")
                if kept.count > 1 { several += 1 }
            }
            #expect(several > 5)
        }
    }

    /// Whether a name reads as a person's is the same read from tokens as from its words.
    @Test func personLikenessFromTokensEqualsItsStringDefinition() throws {
        var text = Self.sample + " Chinese Foreign Ministry Wang Yi; New York Times' Ms. Ann O'Neill, Hong Kong Bank of China "
            + "You're SEN. JOHN DOE U.S. President Xi Jinping's Donald J. Trump's don't Li Keqiang Jean-Claude Juncker"
        if let seed = try? Repo.seed("001") { text += seed }
        let scalars = ScalarText.scalars(of: text)
        let list = ClauseTokenizer.tokenize(scalars, 0..<scalars.count)
        var persons = 0
        withExtendedLifetime(list) {
            let tokens = list.tokens
            for start in tokens.indices {
                for count in 1...5 where start + count <= tokens.count {
                    let words = tokens[start..<(start + count)].map { SpeakerPhrase.stripPossessive($0.text) }
                    let expected = NameIndex.looksLikePerson(words)
                    #expect(NameIndex.looksLikePerson(tokens, start..<(start + count)) == expected, "\(words)")
                    if expected { persons += 1 }
                }
            }
        }
        #expect(persons > 10)
    }

    /// The document's scalars, copied eight ASCII bytes at a time, are its Unicode scalars.
    /// Whether a speaker's name reads as a person's is the same read from its bytes as from its words.
    @Test func personLikenessFromBytesEqualsItsWords() {
        var names = ["Xi Jinping", "Wang Yi", "Chinese Foreign Ministry", "New York Times", "Ann O'Neill", "You're Right", "JOHN DOE",
                     "U.S. President", "Bank of China", "Hong Kong", "Jean-Claude Juncker", "A B C D E", "Li", "", " ", "  Zhao  Junjie ",
                     "José Ramírez", "Donald J. Trump", "Chinese Li", "Li Kong", "Ursula von der Leyen", "Don't Stop", "Mr X", "X.Y. Z."]
        let words = Self.sample.split(separator: " ").map(String.init)
        for start in words.indices { for count in 1...5 where start + count <= words.count {
            names.append(words[start..<(start + count)].joined(separator: " "))
        } }
        var persons = 0
        for name in names {
            let expected = NameIndex.looksLikePerson(ScalarText.spaceSeparated(name))
            #expect(NameIndex.looksLikePerson(spaceSeparated: name) == expected, "\(name)")
            if expected { persons += 1 }
        }
        #expect(persons > 5)
    }

    /// A cleaned name is found in its run as a plain search of its scalars finds it.
    @Test func nameSpanIsTheFirstPlaceTheNameIsWritten() {
        let text = "Gov. John Kasich said; Président José Ramírez; Mr. Xi Xi Jinping; 中国 外交部 Zhao; Li  Wei"
        let scalars = ScalarText.scalars(of: text)
        for (name, from) in [("John Kasich", 0), ("José Ramírez", 20), ("Xi Jinping", 45), ("Xi", 45), ("外交部", 60), ("Li Wei", 70),
                             ("Nobody", 0), ("", 5)] {
            let run = from..<scalars.count
            let wanted = Array(name.unicodeScalars)
            let expected = run.lowerBound > run.upperBound - wanted.count ? run
                : (run.lowerBound...(run.upperBound - wanted.count)).first { Array(scalars[$0..<($0 + wanted.count)]) == wanted }
                    .map { $0..<($0 + wanted.count) } ?? run
            #expect(DocumentExtractor.nameSpan(name, run, scalars: scalars) == expected, "\(name)")
        }
    }

    /// A name's first word is short (four characters at most) on its bytes as on its characters.
    @Test func shortFirstWordOnBytesEqualsCharacters() {
        for name in ["Xi Jinping", "Li Keqiang", "Wang Yi", "Zhao", "Hillary Clinton", "José Ramírez", "Joé Biden", "Éva Joly",
                     "中国 外交部", "习近平 主席", "Ab\u{301}cd Ef", "Abcd\u{301} Ef", "Abcde Fg", "Abcd Ef", " Lead", "", "O’Neil Ann",
                     "e\u{301}\u{301}\u{301}\u{301}\u{301} X", "😀😀😀😀 Y", "😀😀😀😀😀 Y"] {
            let expected = name.utf8.firstIndex(of: 0x20).map { Substring(name.utf8[..<$0]).count <= 4 } ?? false
            #expect(NameIndex.firstWordIsShort(name) == expected, "\(name)")
        }
    }

    /// The last word of a name of several words, as `spaceSeparated` gives it.
    @Test func lastOfSeveralWordsIsTheLastSpaceSeparatedWord() {
        for text in ["Zhao Junjie", "Zhao", "", "  ", " Xi  Jinping ", "Hillary Rodham Clinton", "a b", "José  Ramírez", "x "] {
            let words = ScalarText.spaceSeparated(text)
            #expect(ScalarText.lastOfSeveralWords(text) == (words.count > 1 ? words.last : nil), "\(text)")
        }
    }

    @Test func scalarsOfATextAreItsUnicodeScalars() {
        var texts = [Self.sample, "", "a", "é", "12345678", "1234567é", "é12345678x", String(repeating: "abcdefg中", count: 50)]
        for length in 0..<20 { texts.append(String(repeating: "x", count: length) + "’" + String(repeating: "y", count: 19 - length)) }
        for text in texts { #expect(ScalarText.scalars(of: text) == Array(text.unicodeScalars), "\(text)") }
        // Words of a span of scalars are counted as the line's words are.
        for text in texts + ["rock'n'roll - 'quoted' it’s ’s 中文字 x-ray --", "a'b’c-d"] {
            let scalars = ScalarText.scalars(of: text)
            #expect(ScalarText.wordCount(scalars, 0..<scalars.count) == TextLines.wordCount(text), "\(text)")
        }
    }

    /// A name phrase is cleaned from its tokens as `cleanName` cleans its words: titles, what
    /// stands before the last title, joiners at the edges and possessives go.
    @Test(arguments: [
        "Ohio Gov. John Kasich", "President Barack Obama's", "Foreign Ministry", "Sen. Elizabeth Warren", "the Rev. Al Sharpton",
        "Mr. Xi", "Chancellor Angela Merkel", "Gov't spokesman Li", "Gov’t spokesman Li", "Gov’t Li", "Hillary Clinton’s", "OBAMA'S",
        "Ms. Ursula von der Leyen", "Dr.", "de Gaulle", "Zhao Junjie", "Prime Minister Li Keqiang", "Émile Zola's",
    ])
    func namePhraseCleanedAsItsWords(_ text: String) {
        let scalars = ScalarText.scalars(of: text)
        let list = ClauseTokenizer.tokenize(scalars, 0..<scalars.count)
        withExtendedLifetime(list) {
            let words = list.tokens.filter { $0.kind == .word }
            #expect(SpeakerPhrase.cleanName(words) == SpeakerPhrase.cleanName(words.map(\.text)))
        }
    }
}
