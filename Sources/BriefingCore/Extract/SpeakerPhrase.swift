// SpeakerPhrase: reads the noun phrase that names a speaker next to a verb of speaking, and turns
// it into a speaker: a pronoun to resolve, a name (titles removed), or a description
// ("the announcer", "the strategy").

/// What a speaker phrase turned out to be.
enum SpeakerPhrase: Sendable, Equatable {
    /// he, she, they… — resolved later from the context.
    case pronoun(String)
    /// A proper name: a person or an organisation, titles removed.
    case name(String)
    /// A description without a proper name at its head.
    case description(String)

    /// Reads the phrase that ends at `tokens[end]` (reading backwards, not below `lower`).
    /// Returns the phrase and the index of its first token.
    static func backward(_ tokens: [ClauseToken], endingAt end: Int, lower: Int) -> (SpeakerPhrase, Int)? {
        var k = end
        while k >= lower, tokens[k].kind == .word, SpeechLexicon.betweenWords.contains(tokens[k]) { k -= 1 }
        guard k >= lower else { return nil }
        // An apposition between commas: "Wu Yikang, deputy director of …, said". Several
        // comma-separated segments may stand between the name and the verb; the first segment back
        // that is a bare name wins, else the one right before the first comma.
        if tokens[k].textIs(",") {
            var comma = k
            var firstCandidate: Int? = nil
            for _ in 0..<4 {
                var j = comma - 1
                while j >= lower, j > comma - 25, !tokens[j].textIs(","), tokens[j].kind != .quoteMark,
                      !(tokens[j].endsSentence && j + 1 < tokens.count && tokens[j + 1].isCapitalized) { j -= 1 }
                guard j > lower, tokens[j].textIs(",") else { break }
                if firstCandidate == nil { firstCandidate = j - 1 }
                let segmentStart = Self.segmentStart(tokens, before: j, lower: lower)
                if isBareName(tokens, segmentStart..<j) {
                    firstCandidate = j - 1
                    break
                }
                comma = j
            }
            guard let candidate = firstCandidate else { return nil }
            k = candidate
        }
        // A parenthesis after a name: "Rep. Meeks (D-N.Y.) said".
        if tokens[k].textIs(")") {
            var j = k - 1
            while j >= lower, !tokens[j].textIs("(") { j -= 1 }
            guard j > lower else { return nil }
            k = j - 1
        }
        guard k >= lower, tokens[k].kind == .word else { return nil }
        if SpeechLexicon.pronouns.contains(tokens[k]) { return (.pronoun(tokens[k].lower), k) }
        let head = tokens[k]
        let numeral = (head.lowerIs("one") || head.lowerIs("two") || head.lowerIs("three")) && k > lower && tokens[k - 1].lowerIs("of")
        if SpeechLexicon.phraseBreakers.contains(head) || SpeechLexicon.determiners.contains(head) && !numeral
            || SpeechLexicon.nameJoiners.contains(head) || SpeechLexicon.speechVerbs.contains(head) && !tokens[k].isCapitalized {
            return nil
        }
        var start = k
        var count = 0
        while start - 1 >= lower, count < 9 {
            let previous = tokens[start - 1]
            guard previous.kind == .word else { break }
            let word = previous
            if SpeechLexicon.determiners.contains(word) {
                start -= 1
                break
            }
            if SpeechLexicon.nameJoiners.contains(word) && !word.lowerIs("and") {
                // Joins capitalised words only: "Academy of Social Sciences", "spokesman for the FBI".
                guard start - 2 >= lower, tokens[start - 2].kind == .word else { break }
                start -= 1
                count += 1
                continue
            }
            if SpeechLexicon.phraseBreakers.contains(word) || SpeechLexicon.speechVerbs.contains(word) && !previous.isCapitalized { break }
            if SpeechLexicon.pronouns.contains(word) { break }
            start -= 1
            count += 1
        }
        while start < k, SpeechLexicon.nameJoiners.contains(tokens[start]) && !SpeechLexicon.determiners.contains(tokens[start]) { start += 1 }
        let phrase = classify(Array(tokens[start...k]))
        // "Obama and Clinton call them …": the first of two names joined by "and" leads.
        if case .name = phrase, start - 2 >= lower, tokens[start - 1].lowerIs("and"), tokens[start - 2].isCapitalized,
           let (first, firstStart) = backward(tokens, endingAt: start - 2, lower: lower), case .name = first {
            return (first, firstStart)
        }
        return (phrase, start)
    }

    /// The first token of the comma-delimited segment ending before `comma`.
    static func segmentStart(_ tokens: [ClauseToken], before comma: Int, lower: Int) -> Int {
        var start = comma - 1
        while start - 1 >= lower, !tokens[start - 1].textIs(","), tokens[start - 1].kind != .quoteMark,
              !tokens[start - 1].endsSentence, start > comma - 12 { start -= 1 }
        return start
    }

    /// A segment made only of a capitalised name (with initials and joiners): "Michael Mulgrew".
    static func isBareName(_ tokens: [ClauseToken], _ range: Range<Int>) -> Bool {
        guard !range.isEmpty, range.count <= 6 else { return false }
        var capitals = 0
        for index in range {
            let token = tokens[index]
            if token.isCapitalized && !SpeechLexicon.notNames.contains(token) { capitals += 1; continue }
            if SpeechLexicon.nameJoiners.contains(token) && !token.lowerIs("and") && !token.lowerIs("the") { continue }
            return false
        }
        return capitals >= 2 || capitals == 1 && range.count == 1
    }

    /// Reads the phrase that starts at `tokens[begin]` (reading forwards, below `upper`).
    static func forward(_ tokens: [ClauseToken], from begin: Int, upper: Int) -> (SpeakerPhrase, Int)? {
        guard begin < upper, tokens[begin].kind == .word else { return nil }
        if SpeechLexicon.pronouns.contains(tokens[begin]) { return (.pronoun(tokens[begin].lower), begin) }
        var begin = begin
        if !tokens[begin].isCapitalized && !SpeechLexicon.determiners.contains(tokens[begin]) {
            // Descriptors before a name: "said 9/11 widow Terry Strada", "said retired general Lloyd Newton".
            var probe = begin
            while probe < upper, probe < begin + 7,
                  tokens[probe].kind == .word && !tokens[probe].isCapitalized
                    && !SpeechLexicon.phraseBreakers.contains(tokens[probe]) && !SpeechLexicon.pronouns.contains(tokens[probe])
                    || tokens[probe].kind == .punctuation && (tokens[probe].textIs("/") || tokens[probe].textIs("-")) {
                probe += 1
            }
            guard probe < upper, tokens[probe].isCapitalized, !SpeechLexicon.notNames.contains(tokens[probe]) else { return nil }
            begin = probe
        }
        var end = begin
        var count = 1
        while end + 1 < upper, count < 10 {
            let next = tokens[end + 1]
            guard next.kind == .word else { break }
            let word = next
            if SpeechLexicon.nameJoiners.contains(word) && !word.lowerIs("and") {
                // "Stacey Plaskett of the Virgin Islands": after a person's name, "of" starts a place.
                let runLength = (begin...end).reversed().prefix { tokens[$0].isCapitalized }.count
                if runLength >= 2, !SpeechLexicon.organisationWords.contains(tokens[end]), word.lowerIs("of") || word.lowerIs("for") { break }
                guard end + 2 < upper, tokens[end + 2].kind == .word else { break }
                let capitalAfter = tokens[end + 2].isCapitalized
                let theCapital = tokens[end + 2].lowerIs("the") && end + 3 < upper && tokens[end + 3].isCapitalized
                guard capitalAfter || theCapital else { break }
                end += 1
                count += 1
                continue
            }
            if SpeechLexicon.phraseBreakers.contains(word) || (SpeechLexicon.speechVerbs.contains(word) && !next.isCapitalized) { break }
            // After a proper name, a lower-case word starts something else ("said Zhao on Monday"),
            // unless descriptors lead on to a name ("Clinton campaign manager Robby Mook").
            if !next.isCapitalized && tokens[end].isCapitalized && !SpeechLexicon.determiners.contains(tokens[begin]) {
                var probe = end + 1
                while probe < upper, probe <= end + 3, tokens[probe].kind == .word, !tokens[probe].isCapitalized,
                      SpeechLexicon.descriptorWords.contains(tokens[probe]) {
                    probe += 1
                }
                guard probe > end + 1, probe < upper, tokens[probe].isCapitalized,
                      !SpeechLexicon.notNames.contains(tokens[probe]) else { break }
                count += probe - end - 1
                end = probe - 1
            }
            end += 1
            count += 1
        }
        return (classify(Array(tokens[begin...end])), end)
    }

    /// A phrase whose last word is a proper name is that name; otherwise it is a description.
    static func classify(_ phrase: [ClauseToken]) -> SpeakerPhrase {
        guard let last = phrase.last else { return .description("") }
        if last.isCapitalized && !SpeechLexicon.notNames.contains(last) {
            var runStart = phrase.count - 1
            while runStart > 0 {
                let previous = phrase[runStart - 1]
                if previous.isCapitalized && !SpeechLexicon.notNames.contains(previous) { runStart -= 1; continue }
                if SpeechLexicon.nameJoiners.contains(previous), !previous.lowerIs("and"), runStart >= 2, phrase[runStart - 2].isCapitalized,
                   !SpeechLexicon.notNames.contains(phrase[runStart - 2]) {
                    runStart -= 1
                    continue
                }
                break
            }
            let run = Array(phrase[runStart...])
            // "CONGRESS HAS INVESTIGATED HIM": a heading in capitals, not a name.
            let shouting = run.count >= 3 && run.allSatisfy { $0.textBytes.allSatisfy { !($0 >= 0x61 && $0 <= 0x7A) } }
            let name = shouting ? "" : cleanName(run)
            if !name.isEmpty { return .name(name) }
        }
        let head = last.lower
        if head.hasSuffix("ly") || head.hasSuffix("n't") || SpeechLexicon.betweenWords.contains(head)
            || SpeechLexicon.phraseBreakers.contains(head) || SpeechLexicon.speechVerbs.contains(head) {
            return .description("")
        }
        let words = phrase.map(\.text)
        var text = words.joined(separator: " ")
        if let first = words.first, SpeechLexicon.determiners.contains(ScalarText.lower(first)) {
            text = ScalarText.lower(first) + text.dropFirst(first.count)
        }
        return .description(text)
    }

    /// Removes titles (and what stands before the last title): "Ohio Gov. John Kasich" → "John Kasich".
    /// A run ending in an organisation word keeps its words ("Foreign Ministry").
    static func cleanName(_ words: [String]) -> String {
        let lowers = words.map { stripPossessive(ScalarText.lower($0)) }
        let kept = cleanedRange(count: words.count) { set, position in set.contains(lowers[position]) }
        return words[kept].map(stripPossessive).joined(separator: " ")
    }

    /// `cleanName` of the tokens' texts, read from the tokens where it can be: without ’ a token's
    /// lower form is its text lowered (with ’ the lower form has ' and the word lists differ: "gov’t").
    static func cleanName(_ tokens: [ClauseToken]) -> String {
        guard tokens.allSatisfy({ !containsCurlyApostrophe($0.textBytes) }) else { return cleanName(tokens.map(\.text)) }
        let kept = cleanedRange(count: tokens.count) { set, position in set.contains(tokens[position], withoutPossessive: true) }
        return NameIndex.joinedText(tokens, kept)
    }

    /// The words `cleanName` keeps, as a range of positions: `isIn(set, i)` tells whether word i, in
    /// lower case with its possessive removed, is in `set`. Titles, what stands before the last
    /// title, and joiners at the edges go.
    @inline(__always)
    static func cleanedRange(count: Int, isIn: (WordSet, Int) -> Bool) -> Range<Int> {
        var start = 0
        while start < count, isIn(SpeechLexicon.nameJoiners, start) { start += 1 }
        guard start < count else { return count..<count }
        let last = count - 1
        if isIn(SpeechLexicon.organisationWords, last) { return start..<count }
        var lastTitle: Int? = nil
        for position in stride(from: last, through: start, by: -1) where isIn(SpeechLexicon.titles, position) {
            lastTitle = position
            break
        }
        if let lastTitle, lastTitle < last {
            start = lastTitle + 1
        } else if start == last, lastTitle == last {
            return count..<count
        }
        while start <= last, isIn(SpeechLexicon.nameJoiners, start) { start += 1 }
        return start..<count
    }

    /// True when these UTF-8 bytes contain ’ (E2 80 99).
    static func containsCurlyApostrophe(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index + 2 < bytes.count {
            if bytes[index] == 0xE2, bytes[index + 1] == 0x80, bytes[index + 2] == 0x99 { return true }
            index += 1
        }
        return false
    }

    static func isPossessive(_ word: String) -> Bool { possessiveLength(word) > 0 }

    static func stripPossessive(_ word: String) -> String {
        let length = possessiveLength(word)
        guard length > 0 else { return word }
        return String(Substring(word.utf8.dropLast(length)))
    }

    /// Bytes of a final "'s" or "’s" (0 when there is none); compared as UTF-8, over the string's
    /// contiguous bytes (its UTF-8 view's `last` costs several times more).
    @inline(__always)
    private static func possessiveLength(_ word: String) -> Int { word.withUTF8Buffer { possessiveLength($0) } }

    /// Bytes of a final "'s" or "’s" in these UTF-8 bytes (0 when there is none).
    @inline(__always)
    static func possessiveLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let count = bytes.count
        guard count >= 2, bytes[count - 1] == UInt8(ascii: "s") else { return 0 }
        if bytes[count - 2] == UInt8(ascii: "'") { return 2 }
        // ’ is E2 80 99.
        guard count >= 4, bytes[count - 2] == 0x99, bytes[count - 3] == 0x80, bytes[count - 4] == 0xE2 else { return 0 }
        return 4
    }
}
