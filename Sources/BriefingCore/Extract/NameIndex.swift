// NameIndex: the proper names written in a document (runs of capitalised words, titles removed),
// with where they occur — to give a surname its full name ("Zhao" → "Zhao Junjie"), to resolve
// "he"/"she" to the most recent person, and to suggest names the template misses.

/// Proper names of one document.
struct NameIndex {
    /// A name occurrence.
    struct Occurrence {
        /// The name, titles removed.
        var name: String
        /// The name in lower case (`ScalarText.lower`): the key of every lookup by name.
        var key: String
        /// Its words.
        var words: [String]
        /// Its words in lower case (curly apostrophes straight), for the word lists.
        var lowerWords: [String]
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
        /// "m" or "f" when a gendered title stood in the run (Mr., Mrs., Ms.), else nil.
        var titleGender: Character?
        /// `NameIndex.looksLikePerson` of the words (computed once: several rules ask).
        var personLike = false
    }

    static let maleTitles: WordSet = ["mr.", "mr", "sir", "lord", "king", "prince"]
    static let femaleTitles: WordSet = ["mrs.", "mrs", "ms.", "ms", "miss", "lady", "dame", "queen", "princess"]

    /// Occurrences in text order.
    private(set) var occurrences: [Occurrence] = []
    /// Lower-cased one-word names that occur alone (surnames used on second mention).
    private(set) var standalone: Set<String> = []
    /// Lower-cased last words of multi-word person-like names.
    private(set) var surnames: Set<String> = []
    /// Lower-cased first or last word → indices of multi-word occurrences (in text order).
    private var byEdgeWord: [String: [Int]] = [:]

    /// Scans the tokens of the whole document.
    init(tokens: [ClauseToken], headings: SortedRanges = SortedRanges([])) {
        var index = 0
        while index < tokens.count {
            guard tokens[index].isCapitalized, !headings.contains(tokens[index].start) else { index += 1; continue }
            var end = index
            while end + 1 < tokens.count {
                let next = tokens[end + 1]
                if SpeakerPhrase.isPossessive(tokens[end].text) { break }
                if next.isCapitalized { end += 1; continue }
                if next.kind == .word, SpeechLexicon.nameJoiners.contains(next.lower), next.lower != "and",
                   end + 2 < tokens.count, tokens[end + 2].isCapitalized {
                    end += 2
                    continue
                }
                break
            }
            // A sentence-initial word that is not a name ("The", "But", "In").
            var first = index
            while first <= end, SpeechLexicon.notNames.contains(tokens[first].lower) { first += 1 }
            guard first <= end else { index = end + 1; continue }
            var titled = false
            var titleGender: Character? = nil
            // Titles count even where they were dropped as a sentence start ("Mr. Obama").
            for position in index...end {
                let word = tokens[position].lower
                if SpeechLexicon.titles.contains(word) { titled = true }
                if Self.maleTitles.contains(word) { titleGender = "m" } else if Self.femaleTitles.contains(word) { titleGender = "f" }
            }
            let cleaned: (words: [String], lowers: [String])
            if first == end && !titled {
                let word = SpeakerPhrase.stripPossessive(tokens[first].text)
                cleaned = word.isEmpty ? ([], []) : ([word], [SpeakerPhrase.stripPossessive(tokens[first].lower)])
            } else {
                cleaned = SpeakerPhrase.cleanNameWords(tokens[first...end].map(\.text), lowers: tokens[first...end].map(\.lower))
            }
            if !cleaned.words.isEmpty {
                let name = cleaned.words.count == 1 ? cleaned.words[0] : cleaned.words.joined(separator: " ")
                occurrences.append(Occurrence(name: name, key: ScalarText.lower(name), words: cleaned.words, lowerWords: cleaned.lowers,
                                              start: tokens[index].start, end: tokens[end].end, titled: titled,
                                              firstToken: index, lastToken: end, titleGender: titleGender))
            }
            index = end + 1
        }
        standalone.reserveCapacity(occurrences.count)
        surnames.reserveCapacity(occurrences.count)
        for index in occurrences.indices {
            let occurrence = occurrences[index]
            if occurrence.words.count > 1, let first = occurrence.words.first.map(ScalarText.lower),
               let last = occurrence.words.last.map(ScalarText.lower) {
                byEdgeWord[last, default: []].append(index)
                if first != last { byEdgeWord[first, default: []].append(index) }
            }
            if occurrence.words.count == 1 {
                standalone.insert(occurrence.key)
            } else if Self.looksLikePerson(occurrence.words, lowered: occurrence.lowerWords), let last = occurrence.words.last {
                occurrences[index].personLike = true
                surnames.insert(ScalarText.lower(last))
                if let first = occurrence.words.first, first.count <= 4 { surnames.insert(ScalarText.lower(first)) }
            }
        }
    }

    /// True when a name reads as a person's: two to four words, none of them an organisation word.
    static func looksLikePerson(_ words: [String]) -> Bool {
        looksLikePerson(words, lowered: words.map(ScalarText.lower))
    }

    /// `looksLikePerson` with the words' lower forms given.
    static func looksLikePerson(_ words: [String], lowered: [String]) -> Bool {
        guard (2...4).contains(words.count) else { return false }
        if let first = lowered.first, SpeechLexicon.demonyms.contains(first) { return false }
        if lowered.dropFirst().contains(where: { SpeechLexicon.placeWords.contains($0) }) { return false }
        // "Scrutinizing the Science", "Bank of America": "the", "of", "for", "and" join no person's names.
        if lowered.contains(where: { nonPersonJoiners.contains($0) }) { return false }
        if lowered.contains(where: { SpeechLexicon.organisationWords.contains($0) }) { return false }
        if words.contains(where: { word in word.utf8.allSatisfy { ($0 >= 0x41 && $0 <= 0x5A) || $0 == UInt8(ascii: ".") } }) { return false }
        if lowered.contains(where: isContraction) { return false }
        return !SpeechLexicon.placeNames.contains(lowered.joined(separator: " "))
    }

    /// Words that join no person's names.
    private static let nonPersonJoiners: WordSet = ["the", "of", "for", "and", "&"]

    /// "You're", "That's": a contraction, not a name ("O'Reilly" and possessives are names).
    static func isContraction(_ word: String) -> Bool {
        guard word.utf8.contains(where: { $0 == UInt8(ascii: "'") || $0 == 0xE2 }),
              let apostrophe = word.firstIndex(where: { $0 == "'" || $0 == "\u{2019}" }) else { return false }
        let before = word[..<apostrophe], after = word[word.index(after: apostrophe)...]
        return before.count > 1 && after != "s" && !after.isEmpty
    }

    /// The fullest name containing `short` as its first or last word: the most recent one before
    /// `offset`, else the first one after.
    func fullName(for short: String, before offset: Int) -> String? {
        guard let indices = byEdgeWord[ScalarText.lower(short)], !indices.isEmpty else { return nil }
        if let position = lastIndex(in: indices, atOrBefore: offset, key: { occurrences[$0].end }) {
            return occurrences[indices[position]].name
        }
        return occurrences[indices[0]].name
    }
}
