// NameIndex: the proper names written in a document (runs of capitalised words, titles removed),
// with where they occur — to give a surname its full name ("Zhao" → "Zhao Junjie"), to resolve
// "he"/"she" to the most recent person, and to suggest names the template misses.

/// Proper names of one document.
struct NameIndex {
    /// Where a key's UTF-8 is (`NameIndex.bytes(of:)` reads it), and its `WordSet.hash` (compared
    /// before the bytes wherever names are scanned). Most keys are a token's lower form, cut
    /// before its possessive; the others (names of several words, words with ’) were written
    /// into the index's own buffer. No String is made for a key.
    struct Key {
        /// The token whose lower form begins with the key, or -1: the key is in the buffer.
        var token: Int32
        /// Where the key starts in the buffer (when `token` is -1).
        var offset: Int32
        var count: Int32
        var hash: Int
    }

    /// A name occurrence (plain values only: occurrences are made, read and freed by the thousand).
    struct Occurrence {
        /// The tokens of the name, titles removed (`NameIndex.name(of:)` writes it when asked:
        /// most names are only looked up by their key).
        var kept: Range<Int>
        /// The name in lower case (`ScalarText.lower`): the key of every lookup by name.
        var key: Key
        /// How many words the name has.
        var wordCount: Int
        /// Its first and last words in lower case (`ScalarText.lower`; the key for one word).
        var firstKey: Key
        var lastKey: Key
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
    /// The bytes of the keys that are no token's lower form.
    private let keyBytes = KeyBuffer()
    /// Lower-cased one-word names that occur alone (surnames used on second mention).
    private(set) var standalone: KeySet
    /// Lower-cased last words of multi-word person-like names.
    private(set) var surnames: KeySet
    /// (lower-cased first or last word, occurrence index) of multi-word names, in text order: the
    /// occurrences a surname may stand for (a document has a few dozen: scanned, the hashes
    /// compared first).
    private var edges: [(key: Key, index: Int)] = []

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
            if !kept.isEmpty, let occurrence = Self.occurrence(tokens, kept, run: index...end, titled: titled, titleGender: titleGender,
                                                               buffer: keyBytes) {
                occurrences.append(occurrence)
            }
            index = end + 1
        }
        standalone = KeySet(capacity: occurrences.count)
        surnames = KeySet(capacity: occurrences.count)
        edges.reserveCapacity(2 * occurrences.count)
        for index in occurrences.indices {
            let occurrence = occurrences[index]
            if occurrence.wordCount == 1 {
                standalone.insert(bytes: bytes(of: occurrence.key), hash: occurrence.key.hash)
                continue
            }
            let lastKey = occurrence.lastKey, firstKey = occurrence.firstKey
            edges.append((lastKey, index))
            if !sameKey(firstKey, lastKey) { edges.append((firstKey, index)) }
            if occurrence.personLike {
                surnames.insert(bytes: bytes(of: lastKey), hash: lastKey.hash)
                if Self.firstWordIsShort(tokens, occurrence.kept) { surnames.insert(bytes: bytes(of: firstKey), hash: firstKey.hash) }
            }
        }
    }

    /// The UTF-8 of a key of this index (valid while the index and the token list live).
    func bytes(of key: Key) -> UnsafeBufferPointer<UInt8> {
        if key.token >= 0 { return UnsafeBufferPointer(start: tokens[Int(key.token)].lowerBytes.baseAddress, count: Int(key.count)) }
        return UnsafeBufferPointer(start: keyBytes.base + Int(key.offset), count: Int(key.count))
    }

    /// The key as a String (for tests and the rare lookup that needs one).
    func string(of key: Key) -> String { String(decoding: bytes(of: key), as: UTF8.self) }

    /// True when two keys are equal as Strings (bytes compared; beyond ASCII, as Strings compare).
    func sameKey(_ first: Key, _ second: Key) -> Bool {
        let a = bytes(of: first), b = bytes(of: second)
        if a.sameBytes(as: b) { return true }
        if a.allSatisfy({ $0 < 0x80 }) && b.allSatisfy({ $0 < 0x80 }) { return false }
        return string(of: first) == string(of: second)
    }

    /// True when the key spelled by `bytes`, of hash `hash`, is `key` (hashes compared first).
    @inline(__always)
    func key(_ key: Key, is bytes: UnsafeBufferPointer<UInt8>, hash: Int) -> Bool {
        key.hash == hash && self.bytes(of: key).sameBytes(as: bytes)
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
    /// tokens `run`: its keys, word count and person-likeness; nil when the name is empty.
    private static func occurrence(_ tokens: [ClauseToken], _ kept: Range<Int>, run: ClosedRange<Int>, titled: Bool,
                                   titleGender: TitleGender?, buffer: KeyBuffer) -> Occurrence? {
        // The keys are the words lowered (`ScalarText.lower`) without their possessive, joined by
        // spaces: read from the tokens' lower forms, or written into the buffer.
        let key: Key
        if kept.count == 1 {
            // A word that is all possessive ("'s") names nothing.
            let text = tokens[kept.lowerBound].textBytes
            guard text.count > SpeakerPhrase.possessiveLength(text) else { return nil }
            key = wordKey(tokens, kept.lowerBound, buffer: buffer)
        } else if let joined = buffer.appendJoinedLower(tokens, kept) {
            key = joined
        } else {
            key = buffer.append(ScalarText.lower(joinedText(tokens, kept)))
        }
        var firstKey = key, lastKey = key, personLike = false
        if kept.count > 1 {
            firstKey = wordKey(tokens, kept.lowerBound, buffer: buffer)
            lastKey = wordKey(tokens, kept.upperBound - 1, buffer: buffer)
            personLike = looksLikePerson(tokens, kept)
        }
        return Occurrence(kept: kept, key: key, wordCount: kept.count, firstKey: firstKey, lastKey: lastKey,
                          start: tokens[run.lowerBound].start, end: tokens[run.upperBound].end, titled: titled,
                          firstToken: run.lowerBound, lastToken: run.upperBound, titleGender: titleGender, personLike: personLike)
    }

    /// The key of the word at `position`: its lower form without the possessive, as
    /// `ScalarText.lower` gives it — the token's own lower form (with the hash it carries when
    /// there is no possessive), unless the word has ’ (its lower form has ' instead).
    private static func wordKey(_ tokens: [ClauseToken], _ position: Int, buffer: KeyBuffer) -> Key {
        let text = tokens[position].textBytes
        if text.contains(0xE2), SpeakerPhrase.containsCurlyApostrophe(text) {
            return buffer.append(ScalarText.lower(SpeakerPhrase.stripPossessive(tokens[position].text)))
        }
        let lower = tokens[position].lowerBytes
        let possessive = SpeakerPhrase.possessiveLength(text)
        let count = max(lower.count - possessive, 0)
        let hash = possessive == 0 ? tokens[position].lowerHash : WordSet.hash(UnsafeBufferPointer(rebasing: lower[..<count]))
        return Key(token: Int32(position), offset: 0, count: Int32(count), hash: hash)
    }

    /// The words of `tokens[range]` without their possessive, joined by single spaces, as written.
    static func joinedText(_ tokens: [ClauseToken], _ range: Range<Int>) -> String { joined(tokens, range, lower: false) }

    /// `joinedText` as `ScalarText.lower` would lower it, written from the tokens' lower forms; nil
    /// when they cannot give it: a word with ’ (its token's lower form has ' instead). The String
    /// form of the keys `KeyBuffer.appendJoinedLower` writes (tests hold them equal).
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

    /// The occurrence (its index in `occurrences`) of the fullest name having the key spelled by
    /// `key` (UTF-8: a word in lower case, `ScalarText.lower`; of `WordSet.hash` `hash`) as its
    /// first or last word: the most recent one before `offset`, else the first one after.
    func fullNameIndex(forKey key: UnsafeBufferPointer<UInt8>, hash: Int, before offset: Int) -> Int? {
        var first: Int? = nil, latest: Int? = nil
        for edge in edges where self.key(edge.key, is: key, hash: hash) {
            if first == nil { first = edge.index }
            // Ends ascend in text order: the last occurrence ending by `offset`.
            guard occurrences[edge.index].end <= offset else { break }
            latest = edge.index
        }
        return latest ?? first
    }
}

/// Bytes appended one after another: the name index's keys that are no token's lower form, a key
/// set's keys. They are referred to by offset (the buffer moves as it grows).
final class KeyBuffer {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0

    init(capacity: Int = 256) {
        self.capacity = capacity
        base = HeapBuffer.allocate(UInt8.self, capacity)
    }

    deinit { HeapBuffer.free(base) }

    /// Room for `extra` more bytes.
    private func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        (base, capacity) = ByteBuffer.grown(base, capacity: capacity, keeping: count, toHold: count + extra)
    }

    /// Copies `bytes` in; returns where they start.
    func append(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        reserve(bytes.count)
        let start = count
        if let source = bytes.baseAddress { (base + count).update(from: source, count: bytes.count) }
        count += bytes.count
        return start
    }

    /// The key of `text`'s UTF-8, copied in.
    func append(_ text: String) -> NameIndex.Key {
        var text = text
        return text.withUTF8 { bytes in
            reserve(bytes.count)
            if let source = bytes.baseAddress { (base + count).update(from: source, count: bytes.count) }
            let key = NameIndex.Key(token: -1, offset: Int32(count), count: Int32(bytes.count), hash: WordSet.hash(bytes))
            count += bytes.count
            return key
        }
    }

    /// `NameIndex.joinedKey(tokens, range)` written in: the words' lower forms without their
    /// possessive, joined by single spaces; nil (nothing written) when a word has ’.
    func appendJoinedLower(_ tokens: [ClauseToken], _ range: Range<Int>) -> NameIndex.Key? {
        var length = range.count - 1
        for position in range {
            let text = tokens[position].textBytes
            if text.contains(0xE2), SpeakerPhrase.containsCurlyApostrophe(text) { return nil }
            length += max(tokens[position].lowerBytes.count - SpeakerPhrase.possessiveLength(text), 0)
        }
        reserve(length)
        let start = count
        for position in range {
            if position > range.lowerBound {
                base[count] = 0x20
                count += 1
            }
            let lower = tokens[position].lowerBytes
            let kept = max(lower.count - SpeakerPhrase.possessiveLength(tokens[position].textBytes), 0)
            if kept > 0, let source = lower.baseAddress { (base + count).update(from: source, count: kept) }
            count += kept
        }
        let written = UnsafeBufferPointer(start: base + start, count: count - start)
        return NameIndex.Key(token: -1, offset: Int32(start), count: Int32(count - start), hash: WordSet.hash(written))
    }
}
