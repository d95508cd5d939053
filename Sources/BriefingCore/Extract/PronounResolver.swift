// PronounResolver: "he" and "she" → the person they most likely refer to. Each person's gender is
// read from the document itself (a title such as Mr. or Ms., and the first he/his or she/her after
// the name); the most recent salient person of a fitting gender wins — a speaker, or a name in
// subject position (not after a preposition, not a possessive).

/// Resolves third-person pronouns to persons named in a document.
struct PronounResolver {
    /// A candidate antecedent: a person and where it was last salient.
    struct Candidate {
        var name: String
        var end: Int
    }

    private let salient: [Candidate]
    private let gender: [String: Character]

    private static let prepositions: WordSet = [
        "by", "to", "with", "about", "of", "for", "at", "on", "against", "from", "alongside", "than", "toward",
        "towards", "under", "after", "before", "like", "between", "among", "including", "into", "over", "via",
        "as", "behind", "beside", "besides", "unlike", "versus", "vs.", "upon", "without", "called", "named",
    ]
    private static let male: WordSet = ["he", "him", "his", "himself"]
    private static let female: WordSet = ["she", "her", "hers", "herself"]

    /// Reads the persons of a document; `fullName` gives each name its fullest form.
    /// `isPerson` and `fullName` are asked with an occurrence's index in `names.occurrences`.
    init(tokens: [ClauseToken], names: NameIndex, isPerson: (Int) -> Bool,
         fullName: (Int) -> String, excluded: SortedRanges) {
        // Votes per full name; the given name's gender is read once per name (it votes +3 at each
        // occurrence).
        var votes: [String: (m: Int, f: Int, given: Character?)] = [:]
        // Room for a document's persons from the start (growing it rehashed every name).
        votes.reserveCapacity(min(names.occurrences.count, 64))
        var salient: [Candidate] = []
        salient.reserveCapacity(names.occurrences.count)
        let occurrences = names.occurrences
        for number in occurrences.indices {
            // Read in place, not copied (an occurrence holds four Strings).
            if excluded.contains(occurrences[number].start) || !isPerson(number) { continue }
            let name = fullName(number)
            let slot: Dictionary<String, (m: Int, f: Int, given: Character?)>.Index
            if let found = votes.index(forKey: name) {
                slot = found
            } else {
                votes[name] = (0, 0, GivenNames.gender(ofFirstWordOf: name))
                guard let made = votes.index(forKey: name) else { continue }
                slot = made
            }
            var vote = votes.values[slot]
            let titleGender = occurrences[number].titleGender
            if titleGender == .male { vote.m += 2 }
            if titleGender == .female { vote.f += 2 }
            switch vote.given {
            case "m"?: vote.m += 3
            case "f"?: vote.f += 3
            default: break
            }
            // The first gendered pronoun after the name, before the next name.
            let stop = number + 1 < occurrences.count ? occurrences[number + 1].firstToken : tokens.count
            let lastToken = occurrences[number].lastToken, firstToken = occurrences[number].firstToken
            var index = lastToken + 1
            while index < min(stop, lastToken + 25) {
                // Every gendered pronoun starts with h or s: other words are passed over at once,
                // and only a pronoun is checked against the quotations.
                let word = tokens[index]
                let initial = word.lowerBytes.first
                if initial == UInt8(ascii: "h") || initial == UInt8(ascii: "s"), !excluded.contains(word.start) {
                    if Self.male.contains(word) { vote.m += 1; break }
                    if Self.female.contains(word) { vote.f += 1; break }
                }
                index += 1
            }
            votes.values[slot] = vote
            let possessive = tokens[lastToken].isPossessive
            let introduced = lastToken + 2 < tokens.count && tokens[lastToken + 1].textIs(",")
                && (SpeechLexicon.descriptorWords.contains(tokens[lastToken + 2])
                    || SpeechLexicon.determiners.contains(tokens[lastToken + 2])
                    || tokens[lastToken + 2].startsWithNumber)
            if !possessive && (introduced || Self.isSubjectPosition(tokens, firstToken)) {
                salient.append(Candidate(name: name, end: occurrences[number].end))
            }
        }
        self.salient = salient
        gender = votes.compactMapValues { vote in vote.m > vote.f ? "m" : vote.f > vote.m ? "f" : nil }
    }

    /// Words after which a name starts a clause (so may be its subject).
    private static let clauseOpeners: WordSet = [
        "that", "and", "but", "while", "when", "as", "because", "which", "so", "then", "although", "though",
        "after", "before", "since", "if", "whereas", "meanwhile", "also", "however",
    ]

    /// True when the name at token `first` opens a clause: after a sentence start, punctuation or a
    /// conjunction — stepping back over a description before it ("Democratic nominee Hillary Clinton"),
    /// or after a verb of speaking ("said Zhao"). Not after a preposition or another verb.
    static func isSubjectPosition(_ tokens: [ClauseToken], _ first: Int) -> Bool {
        var index = first - 1
        var steps = 0
        while index >= 0, steps < 5 {
            let token = tokens[index]
            let possessiveMark = token.kind == .punctuation && (token.textIs("'") || token.textIs("\u{2019}"))
            let descriptor = token.kind == .word && (SpeechLexicon.descriptorWords.contains(token)
                || token.isCapitalized && !SpeechLexicon.notNames.contains(token))
            guard possessiveMark || descriptor else { break }
            index -= 1
            steps += 1
        }
        guard index >= 0 else { return true }
        let previous = tokens[index]
        if previous.kind != .word { return true }
        let word = previous
        if SpeechLexicon.determiners.contains(word) { return index == 0 || tokens[index - 1].kind != .word || clauseOpeners.contains(tokens[index - 1]) }
        return clauseOpeners.contains(word) || SpeechLexicon.attributionVerbs.contains(word)
    }

    /// The gender read for `name`, if any.
    func gender(of name: String) -> Character? { gender[name] }

    /// The person `pronoun` ("he" or "she") at `offset` refers to, given the speakers so far.
    func resolve(_ pronoun: String, before offset: Int, speakers: [Candidate]) -> String? {
        let wanted: Character = pronoun == "she" ? "f" : "m"
        func fits(_ candidate: Candidate) -> Bool {
            guard let known = gender[candidate.name] else { return true }
            return known == wanted
        }
        // The most recent fitting candidates, looking back a bounded number of entries.
        func recent(_ list: [Candidate]) -> Candidate? {
            guard var index = lastIndex(in: list, atOrBefore: offset, key: \.end) else { return nil }
            var steps = 0
            var unknown: Candidate? = nil
            while index >= 0, steps < 64 {
                let candidate = list[index]
                if let known = gender[candidate.name] {
                    if known == wanted { return unknown.map { offset - $0.end < 600 ? $0 : candidate } ?? candidate }
                } else if unknown == nil {
                    unknown = candidate
                }
                index -= 1
                steps += 1
            }
            return unknown
        }
        var mention = recent(salient)
        var speaker = recent(speakers)
        if mention == nil && speaker == nil {
            // No person of that gender: the most recent person at all.
            mention = lastIndex(in: salient, atOrBefore: offset, key: \.end).map { salient[$0] }
            speaker = lastIndex(in: speakers, atOrBefore: offset, key: \.end).map { speakers[$0] }
        }
        switch (mention, speaker) {
        case let (mention?, speaker?): return speaker.end >= mention.end ? speaker.name : mention.name
        case let (mention?, nil): return mention.name
        case let (nil, speaker?): return speaker.name
        case (nil, nil): return nil
        }
    }
}
