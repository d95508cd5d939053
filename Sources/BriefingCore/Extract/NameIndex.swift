// NameIndex: the proper names written in a document (runs of capitalised words, titles removed),
// with where they occur — to give a surname its full name ("Zhao" → "Zhao Junjie"), to resolve
// "he"/"she" to the most recent person, and to suggest names the template misses.

/// Proper names of one document.
struct NameIndex {
    /// A name occurrence.
    struct Occurrence {
        /// The tokens of the name, titles removed (`NameIndex.name(of:)` writes it when asked:
        /// most names are only looked up by their key).
        var kept: Range<Int>
        /// The name in lower case (`ScalarText.lower`): the key of every lookup by name.
        var key: String
        /// `WordSet.hash` of the key: compared before the key itself where names are scanned.
        var keyHash: Int
        /// How many words the name has.
        var wordCount: Int
        /// Its first and last words in lower case (`ScalarText.lower`; the key for one word).
        var firstKey: String
        var lastKey: String
        /// `WordSet.hash` of `firstKey` and of `lastKey`.
        var firstHash: Int
        var lastHash: Int
        /// Start offset (scalars).
        var start: Int
        /// End offset (scalars).
        var end: Int
        /// True when the run began with a title (President, Sen., Mr.): a person.
        var titled: Bool
        /// Index of the run's first token.
        var firstToken: Int
        /// Index of the run's last token.
        var lastToken: Int
        /// The gender of a gendered title in the run (Mr., Mrs., Ms.), else nil.
        var titleGender: TitleGender?
        /// `NameIndex.looksLikePerson` of the words (computed once: several rules ask).
        var personLike = false
    }

    /// What a gendered title says (a plain enum: an occurrence is copied often, a Character costs a
    /// string's retain and release).
    enum TitleGender { case male, female }

    static let maleTitles: WordSet = ["mr.", "mr", "sir", "lord", "king", "prince"]
    static let femaleTitles: WordSet = ["mrs.", "mrs", "ms.", "ms", "miss", "lady", "dame", "queen", "princess"]

    /// Occurrences in text order.
    private(set) var occurrences: [Occurrence] = []
    /// The document's tokens (their bytes stay with the caller's token list, which outlives the index).
    private let tokens: [ClauseToken]
    /// Lower-cased one-word names that occur alone (surnames used on second mention).
    private(set) var standalone = KeySet()
    /// Lower-cased last words of multi-word person-like names.
    private(set) var surnames = KeySet()
    /// (lower-cased first or last word, its `WordSet.hash`, occurrence index) of multi-word names, in
    /// text order: the occurrences a surname may stand for (a document has a few dozen: scanned, the
    /// hashes compared first).
    private var edges: [(key: String, hash: Int, index: Int)] = []

    /// Scans the tokens of the whole document.
    init(tokens: [ClauseToken], headings: SortedRanges = SortedRanges([])) {
        self.tokens = tokens
        // About one name in twelve tokens in news text: room for that from the start.
        occurrences.reserveCapacity(tokens.count / 12 + 8)
        // The word lists taken once (each use of a static asks whether it is initialised).
        let nameJoiners = SpeechLexicon.nameJoiners, notNames = SpeechLexicon.notNames, titles = SpeechLexicon.titles
        let maleTitles = Self.maleTitles, femaleTitles = Self.femaleTitles
        var index = 0
        while index < tokens.count {
            // Most tokens are not capitalised: passed over on the raw buffer.
            index = tokens.withUnsafeBufferPointer { buffer in
                var next = index
                while next < buffer.count, !buffer[next].isCapitalized { next &+= 1 }
                return next
            }
            guard index < tokens.count else { break }
            guard !headings.contains(tokens[index].start) else { index += 1; continue }
            var end = index
            while end + 1 < tokens.count {
                if tokens[end].isPossessive { break }
                if tokens[end + 1].isCapitalized { end += 1; continue }
                if tokens[end + 1].kind == .word, !tokens[end + 1].lowerIs("and"), nameJoiners.contains(tokens[end + 1]),
                   end + 2 < tokens.count, tokens[end + 2].isCapitalized {
                    end += 2
                    continue
                }
                break
            }
            // A sentence-initial word that is not a name ("The", "But", "In").
            var first = index
            while first <= end, notNames.contains(tokens[first]) { first += 1 }
            guard first <= end else { index = end + 1; continue }
            var titled = false
            var titleGender: TitleGender? = nil
            // Titles count even where they were dropped as a sentence start ("Mr. Obama").
            // Every gendered title is a title (a test holds the word lists to that).
            for position in index...end where titles.contains(tokens[position]) {
                titled = true
                if maleTitles.contains(tokens[position]) {
                    titleGender = .male
                } else if femaleTitles.contains(tokens[position]) {
                    titleGender = .female
                }
            }
            // The cleaned words, as token positions; every word is read with its possessive removed.
            let kept: Range<Int>
            if first == end && !titled {
                kept = first..<(first + 1)
            } else {
                let range = SpeakerPhrase.cleanedRange(count: end - first + 1) { set, position in
                    set.contains(tokens[first + position], withoutPossessive: true)
                }
                kept = (first + range.lowerBound)..<(first + range.upperBound)
            }
            if !kept.isEmpty, let occurrence = Self.occurrence(tokens, kept, run: index...end, titled: titled, titleGender: titleGender) {
                occurrences.append(occurrence)
            }
            index = end + 1
        }
        standalone = KeySet(capacity: occurrences.count)
        surnames = KeySet(capacity: occurrences.count)
        edges.reserveCapacity(2 * occurrences.count)
        // Fields read in place: an occurrence (four Strings) is not copied.
        for index in occurrences.indices {
            if occurrences[index].wordCount == 1 {
                standalone.insert(occurrences[index].key, hash: occurrences[index].keyHash)
                continue
            }
            let lastKey = occurrences[index].lastKey, firstKey = occurrences[index].firstKey
            let lastHash = occurrences[index].lastHash, firstHash = occurrences[index].firstHash
            edges.append((lastKey, lastHash, index))
            if firstKey != lastKey { edges.append((firstKey, firstHash, index)) }
            if occurrences[index].personLike {
                surnames.insert(lastKey, hash: lastHash)
                if Self.firstWordIsShort(tokens, occurrences[index].kept) { surnames.insert(firstKey, hash: firstHash) }
            }
        }
    }

    /// The name of the occurrence at `index` (its words without possessives, joined by spaces).
    func name(of index: Int) -> String { Self.joinedText(tokens, occurrences[index].kept) }

    /// `firstWordIsShort(joinedText(tokens, kept))` of a name of several words, read from its first
    /// token: at most four characters before its possessive.
    static func firstWordIsShort(_ tokens: [ClauseToken], _ kept: Range<Int>) -> Bool {
        guard kept.count > 1 else { return false }
        let text = tokens[kept.lowerBound].textBytes
        let word = UnsafeBufferPointer(rebasing: text[..<(text.count - SpeakerPhrase.possessiveLength(text))])
        if word.count <= 4 { return true }
        // ASCII letters are a character each; beyond ASCII, the characters are counted.
        return word.allSatisfy { $0 < 0x80 } ? false : String(decoding: word, as: UTF8.self).count <= 4
    }

    /// True when the name has a space and at most four characters before the first one ("Xi
    /// Jinping"); decided on the bytes unless the word is longer than four bytes beyond ASCII.
    static func firstWordIsShort(_ name: String) -> Bool {
        let decided = name.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            guard let space = bytes.firstIndex(of: 0x20) else { return false }
            if space <= 4 { return true }
            // ASCII letters are a character each (a word holds no CR LF).
            return bytes[..<space].allSatisfy { $0 < 0x80 } ? false : nil
        }
        if let decided, let answer = decided { return answer }
        guard let first = name.utf8.firstIndex(of: 0x20) else { return false }
        return Substring(name.utf8[..<first]).count <= 4
    }

    /// The occurrence of the words at token positions `kept` (possessives removed) of the run of
    /// tokens `run`: its name, keys, word count and person-likeness; nil when the name is empty.
    private static func occurrence(_ tokens: [ClauseToken], _ kept: Range<Int>, run: ClosedRange<Int>, titled: Bool,
                                   titleGender: TitleGender?) -> Occurrence? {
        // The name and its key are written from the tokens' bytes: the words without their
        // possessive, joined by spaces; the key is the name lowered (`ScalarText.lower`).
        let (key, keyHash): (String, Int)
        if kept.count == 1 {
            // A word that is all possessive ("'s") names nothing.
            let text = tokens[kept.lowerBound].textBytes
            guard text.count > SpeakerPhrase.possessiveLength(text) else { return nil }
            (key, keyHash) = wordKey(tokens, kept.lowerBound)
        } else {
            let joined = joinedKey(tokens, kept) ?? ScalarText.lower(joinedText(tokens, kept))
            (key, keyHash) = (joined, WordSet.hash(joined))
        }
        var (firstKey, firstHash) = (key, keyHash), (lastKey, lastHash) = (key, keyHash), personLike = false
        if kept.count > 1 {
            (firstKey, firstHash) = wordKey(tokens, kept.lowerBound)
            (lastKey, lastHash) = wordKey(tokens, kept.upperBound - 1)
            personLike = looksLikePerson(tokens, kept)
        }
        // Made once, with every field: the occurrence is moved into the index, not copied.
        return Occurrence(kept: kept, key: key, keyHash: keyHash, wordCount: kept.count, firstKey: firstKey, lastKey: lastKey,
                          firstHash: firstHash, lastHash: lastHash,
                          start: tokens[run.lowerBound].start, end: tokens[run.upperBound].end, titled: titled,
                          firstToken: run.lowerBound, lastToken: run.upperBound, titleGender: titleGender, personLike: personLike)
    }

    /// The key of the word at `position` (its lower form without the possessive, as
    /// `ScalarText.lower` gives it) and its `WordSet.hash`: the token's carried hash when there is
    /// no possessive.
    private static func wordKey(_ tokens: [ClauseToken], _ position: Int) -> (String, Int) {
        // A plain word (no possessive, no ’: most): its key is its lower form, its hash carried.
        let text = tokens[position].textBytes
        if SpeakerPhrase.possessiveLength(text) == 0, !text.contains(0xE2) {
            return (String(decoding: tokens[position].lowerBytes, as: UTF8.self), tokens[position].lowerHash)
        }
        guard let key = joinedKey(tokens, position..<(position + 1)) else {
            let lowered = ScalarText.lower(SpeakerPhrase.stripPossessive(tokens[position].text))
            return (lowered, WordSet.hash(lowered))
        }
        let plain = SpeakerPhrase.possessiveLength(tokens[position].textBytes) == 0
        return (key, plain ? tokens[position].lowerHash : WordSet.hash(key))
    }

    /// The words of `tokens[range]` without their possessive, joined by single spaces, as written.
    static func joinedText(_ tokens: [ClauseToken], _ range: Range<Int>) -> String { joined(tokens, range, lower: false) }

    /// `joinedText` as `ScalarText.lower` would lower it, written from the tokens' lower forms; nil
    /// when they cannot give it: a word with ’ (its token's lower form has ' instead).
    static func joinedKey(_ tokens: [ClauseToken], _ range: Range<Int>) -> String? {
        for position in range {
            let text = tokens[position].textBytes
            if text.contains(0xE2), SpeakerPhrase.containsCurlyApostrophe(text) { return nil }
        }
        return joined(tokens, range, lower: true)
    }

    /// The words of `tokens[range]`, text or lower form, each without the possessive its text ends
    /// in, joined by single spaces. (A final "'s" of the text is a final "'s" of the lower form.)
    private static func joined(_ tokens: [ClauseToken], _ range: Range<Int>, lower: Bool) -> String {
        if range.count == 1 {
            // One word: its form without the possessive, decoded as it is.
            let position = range.lowerBound
            let source = lower ? tokens[position].lowerBytes : tokens[position].textBytes
            let count = source.count - SpeakerPhrase.possessiveLength(tokens[position].textBytes)
            return count > 0 ? String(decoding: UnsafeBufferPointer(rebasing: source[..<count]), as: UTF8.self) : ""
        }
        var length = range.count - 1
        for position in range {
            let text = tokens[position].textBytes
            length += (lower ? tokens[position].lowerBytes.count : text.count) - SpeakerPhrase.possessiveLength(text)
        }
        guard length > 0 else { return "" }
        return String(unsafeUninitializedCapacity: length) { buffer in
            guard let out = buffer.baseAddress else { return 0 }
            var offset = 0
            for position in range {
                if position > range.lowerBound {
                    out[offset] = 0x20
                    offset += 1
                }
                // Without ’, lowering maps the text scalar by scalar to the token's lower form.
                let source = lower ? tokens[position].lowerBytes : tokens[position].textBytes
                let count = source.count - SpeakerPhrase.possessiveLength(tokens[position].textBytes)
                // Within `length` (the first loop summed the same counts).
                if count > 0, let from = source.baseAddress { (out + offset).update(from: from, count: count) }
                offset += max(count, 0)
            }
            return offset
        }
    }

    /// True when a name reads as a person's: two to four words, none of them an organisation word.
    static func looksLikePerson(_ words: [String]) -> Bool {
        let lowered = words.map(ScalarText.lower)
        return looksLikePerson(count: words.count, word: { words[$0] }, lower: { lowered[$0] })
    }

    /// `looksLikePerson(ScalarText.spaceSeparated(name))`, read from the bytes when the name is
    /// ASCII (lowered in a buffer, the word lists asked with its slices; no String made unless a
    /// word has an apostrophe).
    static func looksLikePerson(spaceSeparated name: String) -> Bool {
        let decided = name.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return ASCIISearch.withFolded(bytes) { looksLikePerson(ascii: bytes, lower: $0) }
        }
        if let decided, let answer = decided { return answer }
        return looksLikePerson(ScalarText.spaceSeparated(name))
    }

    /// `looksLikePerson` of the words between spaces of ASCII `bytes`, `lower` their lower case.
    static func looksLikePerson(ascii bytes: UnsafeBufferPointer<UInt8>, lower: UnsafeBufferPointer<UInt8>) -> Bool {
        // The words' bounds (start, end): five at most are needed (more than four is no person's name).
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 10) { bounds in
            var count = 0, start = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x20 {
                if index > start {
                    guard count < 5 else { return false }
                    bounds[2 * count] = start
                    bounds[2 * count + 1] = index
                    count += 1
                }
                start = index + 1
            }
            return looksLikePerson(count: count,
                                   written: { UnsafeBufferPointer(rebasing: bytes[bounds[2 * $0]..<bounds[2 * $0 + 1]]) },
                                   lower: { UnsafeBufferPointer(rebasing: lower[bounds[2 * $0]..<bounds[2 * $0 + 1]]) })
        }
    }

    /// `looksLikePerson` of `count` words, read through `word(i)` and their lower forms `lower(i)`.
    @inline(__always)
    static func looksLikePerson(count: Int, word: (Int) -> String, lower: (Int) -> String) -> Bool {
        guard (2...4).contains(count) else { return false }
        if SpeechLexicon.demonyms.contains(lower(0)) { return false }
        var lowered: [String] = []
        lowered.reserveCapacity(count)
        for position in 0..<count {
            let text = lower(position)
            if position > 0, SpeechLexicon.placeWords.contains(text) { return false }
            lowered.append(text)
        }
        // "Scrutinizing the Science", "Bank of America": "the", "of", "for", "and" join no person's names.
        if lowered.contains(where: { nonPersonJoiners.contains($0) }) { return false }
        if lowered.contains(where: { SpeechLexicon.organisationWords.contains($0) }) { return false }
        for position in 0..<count where word(position).withUTF8Buffer({ $0.allSatisfy { ($0 >= 0x41 && $0 <= 0x5A) || $0 == UInt8(ascii: ".") } }) {
            return false
        }
        if lowered.contains(where: isContraction) { return false }
        return !SpeechLexicon.placeNames.contains(lowered.joined(separator: " "))
    }

    /// `looksLikePerson` of the words of `tokens[kept]` (each without its possessive), read from
    /// the tokens' bytes: no String is made unless a word has an apostrophe.
    static func looksLikePerson(_ tokens: [ClauseToken], _ kept: Range<Int>) -> Bool {
        func withoutPossessive(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: bytes[..<(bytes.count - SpeakerPhrase.possessiveLength(bytes))])
        }
        return looksLikePerson(count: kept.count, written: { withoutPossessive(tokens[kept.lowerBound + $0].textBytes) },
                               lower: { withoutPossessive(tokens[kept.lowerBound + $0].lowerBytes) })
    }

    /// The rules of `looksLikePerson(count:word:lower:)` over UTF-8: `count` words as written and
    /// in lower case (' for ’), the word lists asked with their bytes. The fast forms (tokens,
    /// ASCII names) are held by tests to the String form above.
    private static func looksLikePerson(count: Int, written: (Int) -> UnsafeBufferPointer<UInt8>,
                                        lower: (Int) -> UnsafeBufferPointer<UInt8>) -> Bool {
        guard (2...4).contains(count) else { return false }
        var length = count - 1
        for position in 0..<count {
            // Each word hashed once for the four lists.
            let word = lower(position)
            let hash = WordSet.hash(word)
            if position == 0, SpeechLexicon.demonyms.contains(bytes: word, hash: hash) { return false }
            if position > 0, SpeechLexicon.placeWords.contains(bytes: word, hash: hash) { return false }
            if nonPersonJoiners.contains(bytes: word, hash: hash) || SpeechLexicon.organisationWords.contains(bytes: word, hash: hash) {
                return false
            }
            if written(position).allSatisfy({ ($0 >= 0x41 && $0 <= 0x5A) || $0 == UInt8(ascii: ".") }) { return false }
            if word.contains(UInt8(ascii: "'")), isContraction(String(decoding: word, as: UTF8.self)) { return false }
            length += word.count
        }
        // The words in lower case, joined by spaces, against the place names.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: length) { buffer in
            var offset = 0
            for position in 0..<count {
                if position > 0 {
                    buffer[offset] = 0x20
                    offset += 1
                }
                for byte in lower(position) {
                    buffer[offset] = byte
                    offset += 1
                }
            }
            return !SpeechLexicon.placeNames.contains(bytes: UnsafeBufferPointer(rebasing: buffer[..<offset]))
        }
    }

    /// Words that join no person's names.
    private static let nonPersonJoiners: WordSet = ["the", "of", "for", "and", "&"]

    /// "You're", "That's": a contraction, not a name ("O'Reilly" and possessives are names).
    static func isContraction(_ word: String) -> Bool {
        guard word.withUTF8Buffer({ $0.contains { $0 == UInt8(ascii: "'") || $0 == 0xE2 } }),
              let apostrophe = word.firstIndex(where: { $0 == "'" || $0 == "\u{2019}" }) else { return false }
        let before = word[..<apostrophe], after = word[word.index(after: apostrophe)...]
        return before.count > 1 && after != "s" && !after.isEmpty
    }

    /// The fullest name having `key` (a word in lower case, `ScalarText.lower`) as its first or last
    /// word: the most recent one before `offset`, else the first one after.
    func fullName(forKey key: String, before offset: Int) -> String? { fullName(forKey: key, hash: WordSet.hash(key), before: offset) }

    /// `fullName(forKey:before:)` of a key whose `WordSet.hash` is known.
    func fullName(forKey key: String, hash: Int, before offset: Int) -> String? {
        fullNameIndex(forKey: key, hash: hash, before: offset).map { name(of: $0) }
    }

    /// The index in `occurrences` of the name `fullName(forKey:hash:before:)` gives (its key and
    /// hash are then at hand).
    func fullNameIndex(forKey key: String, hash: Int, before offset: Int) -> Int? {
        var first: Int? = nil, latest: Int? = nil
        for edge in edges where edge.hash == hash && edge.key == key {
            if first == nil { first = edge.index }
            // Ends ascend in text order: the last occurrence ending by `offset`.
            guard occurrences[edge.index].end <= offset else { break }
            latest = edge.index
        }
        return latest ?? first
    }
}
