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
    /// The persons read and the gender read for each (nil: none, or a tie).
    private let persons: PersonTable<Character?>

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
        var votes = PersonTable<(m: Int, f: Int, given: Character?)>()
        var salient: [Candidate] = []
        salient.reserveCapacity(names.occurrences.count)
        let occurrences = names.occurrences
        for number in occurrences.indices {
            // Read in place, not copied (an occurrence holds four Strings).
            if excluded.contains(occurrences[number].start) || !isPerson(number) { continue }
            let name = fullName(number)
            let slot = votes.index(of: name) ?? votes.append(name, (0, 0, GivenNames.gender(ofFirstWordOf: name)))
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
        persons = votes.mapValues { vote in vote.m > vote.f ? "m" : vote.f > vote.m ? "f" : nil }
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
    func gender(of name: String) -> Character? { persons.index(of: name).flatMap { persons.values[$0] } }

    /// The person `pronoun` ("he" or "she") at `offset` refers to, given the speakers so far.
    func resolve(_ pronoun: String, before offset: Int, speakers: [Candidate]) -> String? {
        let wanted: Character = pronoun == "she" ? "f" : "m"
        // The most recent fitting candidates, looking back a bounded number of entries.
        func recent(_ list: [Candidate]) -> Candidate? {
            guard var index = lastIndex(in: list, atOrBefore: offset, key: \.end) else { return nil }
            var steps = 0
            var unknown: Candidate? = nil
            while index >= 0, steps < 64 {
                let candidate = list[index]
                if let known = gender(of: candidate.name) {
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

/// Values by person name, in the order the names came. A document names a few persons: they are
/// found by comparing names (most are small strings, compared in place), which costs less than
/// hashing them; past `linearLimit` names a dictionary finds them. Names are equal as Strings are.
struct PersonTable<Value> {
    private(set) var names: [String] = []
    var values: [Value] = []
    private var positions: [String: Int] = [:]
    static var linearLimit: Int { 32 }

    /// The position of `name`, if it is in the table.
    func index(of name: String) -> Int? {
        guard names.count > Self.linearLimit else { return names.firstIndex(of: name) }
        return positions[name]
    }

    /// Adds `name` (not in the table) with `value`; its position.
    mutating func append(_ name: String, _ value: Value) -> Int {
        names.append(name)
        values.append(value)
        if names.count > Self.linearLimit {
            if positions.isEmpty {
                positions.reserveCapacity(2 * Self.linearLimit)
                for (position, known) in names.enumerated() { positions[known] = position }
            } else {
                positions[name] = names.count - 1
            }
        }
        return names.count - 1
    }

    /// The same names with `transform` of each value.
    func mapValues<Other>(_ transform: (Value) -> Other) -> PersonTable<Other> {
        var table = PersonTable<Other>()
        table.names = names
        table.values = values.map(transform)
        table.positions = positions
        return table
    }
}
