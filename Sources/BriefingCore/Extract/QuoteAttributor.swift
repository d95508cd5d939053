// QuoteAttributor: finds every direct quotation of a document and attributes it to its speaker.
// Input: the document's scalars and the template's alias table. Output: quotations with speakers.
// Rules, in order: an attribution after the quote in its sentence ("…," said X / X said /
// according to X / — X), else one before it in its sentence (X said: "…" / X, apposition, said
// it was "…"); pronouns resolve to the most recent person; surnames to the fullest name; documents
// to their issuer; an unattributed quote takes the speaker of the quote before it in its paragraph
// or, opening a paragraph, of the paragraph before. Short unattributed quotes inside a sentence are
// scare quotes or titles, not quotations.
import BriefingModel

/// A quotation found in a document, before actor lookup.
struct FoundQuote: Sendable, Equatable {
    /// The speaker, or empty.
    var speaker: String
    /// Start of the quoted text (scalars).
    var start: Int
    /// End of the quoted text (scalars, exclusive).
    var end: Int
}

/// Finds and attributes quotations in one document.
struct QuoteAttributor {
    let scalars: [Unicode.Scalar]
    let tokens: [ClauseToken]
    let names: NameIndex
    /// Lower-cased alias → actor display name, for "Xi" → "Xi Jinping" and "CAC" → its full name.
    let aliasNames: WordMap<String>
    /// Lower-cased alias → the kind of its actor.
    let actorKinds: WordMap<ActorKind>
    /// The document's paragraphs (`QuoteSpans.layout`).
    let paragraphs: [Range<Int>]
    /// Where in them a quotation mark may stand (`QuoteSpans.layout`).
    let marks: [Int]

    private struct Work {
        var span: QuoteSpan
        var paragraph: Int
        var openToken: Int
        var closeToken: Int
        var phrase: SpeakerPhrase?
        var speaker: String = ""
        var words: Int
        var insideSentence: Bool
        var scare: Bool
    }

    /// Every quotation, in text order.
    func extract() -> [FoundQuote] {
        // Every span takes at least one mark: room for them all from the start.
        var work: [Work] = []
        work.reserveCapacity(marks.count)
        var spans: [QuoteSpan] = []
        spans.reserveCapacity(min(marks.count, 32))
        var mark = 0
        for (number, paragraph) in paragraphs.enumerated() {
            while mark < marks.count, marks[mark] < paragraph.lowerBound { mark += 1 }
            var end = mark
            while end < marks.count, marks[end] < paragraph.upperBound { end += 1 }
            guard end > mark else { continue }
            spans.removeAll(keepingCapacity: true)
            QuoteSpans.find(scalars, paragraph: paragraph, marks: marks[mark..<end], into: &spans)
            mark = end
            for span in spans {
                let open = tokenIndex(at: span.open)
                let close = span.closed ? tokenIndex(at: span.close - 1) : tokenIndex(at: span.textEnd) - 1
                let words = ScalarText.wordCount(scalars, span.textStart..<span.textEnd)
                let previousWord = open > 0 ? tokens[open - 1] : nil
                let inside = previousWord.map { $0.kind == .word && $0.start >= paragraph.lowerBound } ?? false
                let scare = previousWord.map { $0.lowerIs("so-called") || $0.lowerIs("called") && words <= 3 } ?? false
                let title = inside && isTitle(span, words: words, after: previousWord)
                    || isNickname(span, words: words, openToken: open) || isPronounOnly(span)
                let stageDirection = scalars[span.textStart] == "(" && (scalars[span.textEnd - 1] == ")" || span.textEnd - span.textStart > 2 && scalars[span.textEnd - 2] == ")")
                work.append(Work(span: span, paragraph: number, openToken: open, closeToken: close, phrase: nil,
                                 words: words, insideSentence: inside, scare: scare || title || stageDirection))
            }
        }
        // A document without quotation marks (many) needs none of what follows.
        guard !work.isEmpty else { return [] }
        let quoteRanges = SortedRanges(work.map { $0.span.open..<$0.span.close })
        // Whether a paragraph has a quote, found by halves (not hashed).
        let paragraphsWithQuotes = SortedRanges(work.map { $0.paragraph..<($0.paragraph + 1) })
        // Built on first use: most documents need no pronoun resolved.
        var resolver: PronounResolver? = nil
        let buildResolver = {
            PronounResolver(tokens: tokens, names: names, isPerson: { isPerson(at: $0) }, fullName: { fullName(ofOccurrence: $0) },
                            excluded: quoteRanges)
        }
        var speakers: [PronounResolver.Candidate] = []
        speakers.reserveCapacity(work.count)
        // Whether each speaker is a person, decided once per ASCII spelling (speakers recur).
        var personSpeakers: [String: Bool] = [:]
        personSpeakers.reserveCapacity(min(work.count, 64))
        // For each quote, the nearest quotes before and after it that are not scare quotes or titles.
        var previousReal = [Int?](repeating: nil, count: work.count), nextReal = [Int?](repeating: nil, count: work.count)
        var last: Int? = nil
        for index in work.indices {
            previousReal[index] = last
            if !work[index].scare { last = index }
        }
        last = nil
        for index in work.indices.reversed() {
            nextReal[index] = last
            if !work[index].scare { last = index }
        }
        for index in work.indices {
            let item = work[index]
            // Titles and scare quotes are words of the sentence: they do not bound attribution windows.
            // Their fields read in place (a copy of a quote's work retains its strings).
            let previousClose = previousReal[index].flatMap { work[$0].paragraph == item.paragraph ? work[$0].closeToken : nil }
            let nextOpen = nextReal[index].flatMap { work[$0].paragraph == item.paragraph ? work[$0].openToken : nil }
            let paragraphRange = paragraphs[item.paragraph]
            let completeSentence = item.span.textEnd > item.span.textStart
                && Self.sentenceEnds.contains(scalars[item.span.textEnd - 1])
            var phrase = usable(transcriptSpeaker(item.span))
                ?? usable(trailingAttribution(item.closeToken, nextOpen: nextOpen, paragraphEnd: paragraphRange.upperBound,
                                              completeSentence: completeSentence))
                ?? usable(leadingAttribution(item.openToken, previousClose: previousClose,
                                             paragraphStart: paragraphRange.lowerBound, shortQuote: item.words <= 4))
            if phrase == nil, previousClose == nil, item.openToken == firstToken(in: paragraphRange), item.paragraph > 0 {
                // "The New York Times reports:" — the paragraph before ends with a colon.
                let previous = paragraphs[item.paragraph - 1]
                let last = tokenIndex(at: previous.upperBound) - 1
                if last >= 0, tokens[last].textIs(":"), !paragraphsWithQuotes.contains(item.paragraph - 1) {
                    phrase = usable(leadingAttribution(last + 1, previousClose: nil, paragraphStart: previous.lowerBound, shortQuote: false))
                }
            }
            if phrase == nil, item.words <= 4, item.insideSentence, !item.scare {
                // A short phrase quoted inside a sentence whose subject is a person is that person's
                // wording ("Trump likened the refugees to a "vicious snake""); otherwise a scare quote.
                let subjectStart = sentenceStart(before: item.openToken)
                if let subject = firstSubject(from: subjectStart, to: item.openToken) {
                    switch subject {
                    case .pronoun(let word) where word == "he" || word == "she": phrase = subject
                    case .name(let name) where isPersonName(name): phrase = subject
                    default: break
                    }
                }
            }
            work[index].phrase = phrase
            guard let phrase else { continue }
            if case .pronoun = phrase, resolver == nil { resolver = buildResolver() }
            let speaker = resolve(phrase, at: item.span.open, pronouns: resolver, speakers: speakers)
            work[index].speaker = speaker
            if !speaker.isEmpty, isPersonSpeaker(speaker, known: &personSpeakers) {
                speakers.append(PronounResolver.Candidate(name: speaker, end: item.span.close))
            }
        }
        continueSpeakers(&work)
        return work.compactMap { item in
            if item.scare { return nil }
            if item.speaker.isEmpty && item.words <= 4 && item.insideSentence { return nil }
            return FoundQuote(speaker: item.speaker, start: item.span.textStart, end: item.span.textEnd)
        }
    }

    /// Unattributed quotes take the speaker of the previous quote of their paragraph, else of the
    /// next one in it, else — when they open their paragraph — of the paragraph before.
    private func continueSpeakers(_ work: inout [Work]) {
        // The speaker of the latest quote with a speaker, per paragraph, as we go forwards; and the
        // next attributed quote's speaker in the same paragraph, found going backwards.
        var nextAttributed = [String?](repeating: nil, count: work.count)
        var following: (paragraph: Int, speaker: String)? = nil
        for index in work.indices.reversed() {
            if let following, following.paragraph == work[index].paragraph { nextAttributed[index] = following.speaker }
            if work[index].phrase != nil && !work[index].speaker.isEmpty {
                following = (work[index].paragraph, work[index].speaker)
            } else if following?.paragraph != work[index].paragraph {
                following = nil
            }
        }
        var latest: (paragraph: Int, speaker: String)? = nil
        for index in work.indices {
            let paragraph = work[index].paragraph
            if work[index].phrase == nil {
                if let latest, latest.paragraph == paragraph {
                    work[index].speaker = latest.speaker
                } else if let next = nextAttributed[index] {
                    work[index].speaker = next
                } else if !work[index].insideSentence, index > 0, work[index - 1].paragraph == paragraph - 1,
                          !work[index - 1].speaker.isEmpty {
                    work[index].speaker = work[index - 1].speaker
                } else if !work[index].span.closed, index + 1 < work.count, work[index + 1].paragraph == paragraph + 1,
                          !work[index + 1].insideSentence, !work[index + 1].speaker.isEmpty {
                    // A quote left open at the paragraph's end runs on into the next one, whose speaker it shares.
                    work[index].speaker = work[index + 1].speaker
                }
            }
            if !work[index].speaker.isEmpty { latest = (paragraph, work[index].speaker) }
        }
    }

    // MARK: - Attribution windows

    /// The title of a show, book or film: a few capitalised words after a possessive or a
    /// preposition (MSNBC's "Morning Joe", on "Fox News Sunday", in "Barack Obama Election Day").
    private func isTitle(_ span: QuoteSpan, words: Int, after previous: ClauseToken?) -> Bool {
        guard words <= 6, let previous else { return false }
        let leadsTitle = previous.isPossessive || Self.titleLeads.contains(previous)
            || previous.kind == .punctuation && (previous.textIs("'") || previous.textIs("\u{2019}"))
        guard leadsTitle else { return false }
        let list = ClauseTokenizer.tokenize(scalars, span.textStart..<span.textEnd)
        return withExtendedLifetime(list) {
            let inner = list.tokens.filter { $0.kind == .word }
            guard !inner.isEmpty else { return false }
            return inner.allSatisfy { $0.isCapitalized || $0.startsWithNumber || SpeechLexicon.nameJoiners.contains($0) }
                && inner.first?.isCapitalized == true
        }
    }

    private static let sentenceEnds = ScalarList(".!?")

    /// Words after which a few capitalised quoted words are a title.
    private static let titleLeads: WordSet = [
        "on", "of", "in", "at", "his", "her", "their", "its", "titled", "entitled", "show", "program", "film", "book", "documentary", "a", "an",
    ]

    /// Marcia "Cia" Price: a one- or two-word capitalised quote between two capitalised words.
    private func isNickname(_ span: QuoteSpan, words: Int, openToken: Int) -> Bool {
        guard words <= 2, openToken > 0, tokens[openToken - 1].isCapitalized, span.closed else { return false }
        let after = tokenIndex(at: span.close)
        guard after < tokens.count, tokens[after].isCapitalized, tokens[after].start == span.close + 1 || tokens[after].start == span.close else {
            return false
        }
        return scalars[span.textStart].properties.isUppercase
    }

    /// "she" is a "he": a quoted pronoun is a word being mentioned, not a quotation.
    private func isPronounOnly(_ span: QuoteSpan) -> Bool {
        var word: ClauseToken? = nil
        var index = tokenIndex(at: span.textStart)
        while index < tokens.count, tokens[index].start < span.textEnd {
            if tokens[index].kind == .word {
                guard word == nil else { return false }
                word = tokens[index]
            }
            index += 1
        }
        return word.map { Self.pronounsAlone.contains($0) } ?? false
    }

    /// Pronouns that, quoted alone, are a word cited, not a quotation.
    private static let pronounsAlone = SpeechLexicon.pronouns.union(["him", "her", "his", "them"])

    /// Prepositions before a place name.
    private static let placePrepositions: WordSet = ["in", "at", "from", "near", "across", "throughout", "outside", "inside"]

    /// A phrase that names someone (an empty description names no one).
    private func usable(_ phrase: SpeakerPhrase?) -> SpeakerPhrase? {
        if case .description(let text)? = phrase, text.isEmpty { return nil }
        return phrase
    }

    private func firstToken(in range: Range<Int>) -> Int { tokenIndex(at: range.lowerBound) }

    /// A transcript line inside the quote: "PENCE: Well, …" → Pence.
    private func transcriptSpeaker(_ span: QuoteSpan) -> SpeakerPhrase? {
        // What every label has (checked first: most quotes have neither): a capital first letter
        // and a colon within the first 30 scalars.
        let window = span.textStart..<min(span.textEnd, span.textStart + 30)
        guard !window.isEmpty, ScalarFolding.isUppercase(scalars[span.textStart]),
              window.contains(where: { scalars[$0] == ":" }) else { return nil }
        var index = span.textStart
        var letters = 0, lower = 0, words = 1
        while index < span.textEnd, index < span.textStart + 30 {
            let scalar = scalars[index]
            if scalar == ":" { break }
            if scalar == " " {
                words += 1
                // Each word of a "Chris Matthews:" label starts with a capital.
                if index + 1 < span.textEnd, !ScalarFolding.isUppercase(scalars[index + 1]) { return nil }
            } else if !ScalarFolding.isWordScalar(scalar) && scalar != "." && scalar != "-" && scalar != "'" {
                return nil
            }
            if scalar.value < 0x80 {
                if scalar.value >= 0x61 && scalar.value <= 0x7A { lower += 1; letters += 1 } else if scalar.value >= 0x41 && scalar.value <= 0x5A { letters += 1 }
            } else {
                if scalar.properties.isLowercase { lower += 1 }
                if scalar.properties.isAlphabetic { letters += 1 }
            }
            index += 1
        }
        guard letters >= 2, words <= 3, index < span.textEnd, scalars[index] == ":",
              index + 1 < span.textEnd, ScalarFolding.isSpace(scalars[index + 1]),
              ScalarFolding.isUppercase(scalars[span.textStart]) else { return nil }
        let raw = ScalarText.string(scalars, span.textStart..<index)
        if lower == 0 {
            return .name(raw.split(separator: " ").map { $0.prefix(1) + $0.dropFirst().lowercased() }.joined(separator: " "))
        }
        // Mixed case: a name ("Chris Matthews"), not a heading word ("Note", "Update").
        guard words >= 2 else { return nil }
        return .name(raw)
    }

    private static let leadingDashes: WordSet = [",", "—", "–", "-", "―", "\u{2015}", "(", ":"]

    /// After the closing mark: "…," said X / X said / according to X / — X.
    private func trailingAttribution(_ close: Int, nextOpen: Int?, paragraphEnd: Int, completeSentence: Bool) -> SpeakerPhrase? {
        var start = close + 1
        var sawDash = false
        while start < tokens.count, tokens[start].kind == .punctuation, Self.leadingDashes.contains(tokens[start].text) {
            if !tokens[start].textIs(",") && !tokens[start].textIs("(") { sawDash = true }
            start += 1
        }
        var end = start
        while end < tokens.count, tokens[end].start < paragraphEnd, end < (nextOpen ?? Int.max), !endsSentence(end) { end += 1 }
        guard start < end else { return nil }
        let first = tokens[start]
        if first.lowerIs("according"), start + 1 < end, tokens[start + 1].lowerIs("to") {
            return accordingTo(from: start + 2, upper: end)
        }
        // After a quote that is a full sentence, an attribution is short ("Lynch said."); a longer
        // sentence is reported speech of its own.
        let endsAtSentence = end >= tokens.count || endsSentence(end) || tokens[end].start >= paragraphEnd
        func shortTail(after index: Int) -> Bool {
            guard completeSentence else { return true }
            guard endsAtSentence else { return false }
            var tail = index + 1
            while tail < end, tokens[tail].textIs(",") || tokens[tail].kind == .word && SpeechLexicon.descriptorWords.contains(tokens[tail]) { tail += 1 }
            return end - tail <= 7
        }
        if first.kind == .word, !first.isCapitalized, SpeechLexicon.attributionVerbs.contains(first) {
            var from = start + 1
            if from < end, tokens[from].textIs(",") { from += 1 }
            if let (phrase, last) = SpeakerPhrase.forward(tokens, from: from, upper: end) {
                return completeSentence && end - last > 12 && !tokens[last + 1].text.hasPrefix(",") ? nil : phrase
            }
            return nil
        }
        if sawDash, let (phrase, last) = SpeakerPhrase.forward(tokens, from: start, upper: end), case .name = phrase, last >= end - 1 || tokens[last + 1].textIs(",") {
            return phrase
        }
        for verb in start..<min(end, start + 16) where isSpeechVerb(verb) {
            guard verb > start else { return nil }
            // "He said that …" after a quote is reported speech of its own, not this quote's attribution.
            if verb + 1 < tokens.count, tokens[verb + 1].lowerIs("that") { return nil }
            guard shortTail(after: verb) else { return nil }
            if let (phrase, phraseStart) = SpeakerPhrase.backward(tokens, endingAt: verb - 1, lower: start) {
                // "…" for criminal behavior, she said. — the attribution after a comma ends the sentence.
                if phraseStart == start || phraseStart > start && tokens[phraseStart - 1].textIs(",") && endsAtSentence && end - verb <= 4 {
                    return phrase
                }
            }
            // A longer description before the verb: "a narrator in the Clinton ad asks".
            let between = tokens[start..<verb]
            guard between.count <= 8, between.allSatisfy({ $0.kind == .word && !SpeechLexicon.speechVerbs.contains($0) }),
                  let first = between.first, SpeechLexicon.determiners.contains(first) || first.isCapitalized else { return nil }
            return SpeakerPhrase.classify(Array(between))
        }
        // "…" Scott Pruitt, the attorney general of Oklahoma, one of the states suing, said.
        if let (phrase, last) = SpeakerPhrase.forward(tokens, from: start, upper: end), case .name = phrase,
           last + 1 < end, tokens[last + 1].textIs(",") {
            for verb in (last + 2)..<min(end, last + 40) where isSpeechVerb(verb) && tokens[verb - 1].textIs(",") {
                return shortTail(after: verb) ? phrase : nil
            }
        }
        return nil
    }

    /// Before the opening mark, in its sentence: X said: "…" / X said it was "…".
    private func leadingAttribution(_ open: Int, previousClose: Int?, paragraphStart: Int, shortQuote: Bool) -> SpeakerPhrase? {
        var lower = open - 1
        while lower >= 0, tokens[lower].start >= paragraphStart, lower > (previousClose ?? -1) {
            if endsSentence(lower) && lower < open - 1 { break }
            lower -= 1
        }
        lower += 1
        if open >= 3, tokens[open - 1].endsSentence, tokens[open - 1].start >= paragraphStart, lower >= open - 1 || tokens[open - 1].endsSentence {
            // "…, Schiff said. "The other factor…"" — the sentence before ends with its own attribution.
            let verb = open - 2
            if tokens[verb].kind == .word, SpeechLexicon.attributionVerbs.contains(tokens[verb]), !tokens[verb].isCapitalized,
               tokens[verb].start >= paragraphStart, verb > (previousClose ?? -1) + 1,
               let (phrase, phraseStart) = SpeakerPhrase.backward(tokens, endingAt: verb - 1, lower: max(paragraphStart == 0 ? 0 : tokenIndex(at: paragraphStart), (previousClose ?? -1) + 1)),
               phraseStart > 0, tokens[phraseStart - 1].textIs(",") || tokens[phraseStart - 1].endsSentence {
                if case .description = phrase { return nil }
                return phrase
            }
            return nil
        }
        guard lower < open, !tokens[open - 1].endsSentence else { return nil }
        var index = open - 1
        while index >= lower {
            let token = tokens[index]
            if token.lowerIs("according"), index + 1 < open, tokens[index + 1].lowerIs("to") {
                return accordingTo(from: index + 2, upper: open)
            }
            if isSpeechVerb(index) {
                if shortQuote {
                    let distance = open - index
                    let determinerBefore = tokens[open - 1].lowerIs("a") || tokens[open - 1].lowerIs("an") || tokens[open - 1].lowerIs("the")
                    if distance > 25 || distance > 10 && determinerBefore { return nil }
                }
                let infinitive = index > lower && tokens[index - 1].lowerIs("to")
                if token.lowerHasSuffix("ing") || infinitive {
                    // After an earlier quote in the sentence, the subject follows that quote.
                    return firstSubject(from: previousClose != nil ? lower : sentenceStart(before: index), to: index)
                }
                if index > lower, let (phrase, _) = SpeakerPhrase.backward(tokens, endingAt: index - 1, lower: lower) {
                    return phrase
                }
                if index > lower, tokens[index - 1].kind == .word {
                    return firstSubject(from: previousClose != nil ? lower : sentenceStart(before: index), to: index)
                }
                var from = index + 1
                while from < open, tokens[from].kind == .punctuation { from += 1 }
                return SpeakerPhrase.forward(tokens, from: from, upper: open)?.0
            }
            index -= 1
        }
        // "President Obama is rolling out a new message: "It's about me."" — the subject of the sentence.
        if tokens[open - 1].textIs(":") { return firstSubject(from: sentenceStart(before: open - 1), to: open - 1) }
        return nil
    }

    /// "according to a complaint filed by the SEC" → the SEC; "according to Zhao" → Zhao.
    private func accordingTo(from begin: Int, upper: Int) -> SpeakerPhrase? {
        guard let (phrase, last) = SpeakerPhrase.forward(tokens, from: begin, upper: upper) else { return nil }
        if case .description = phrase {
            var index = last + 1
            while index < min(upper, last + 5) {
                if tokens[index].lowerIs("by"), let (byPhrase, _) = SpeakerPhrase.forward(tokens, from: index + 1, upper: upper),
                   case .name = byPhrase {
                    return byPhrase
                }
                index += 1
            }
        }
        return phrase
    }

    /// The first token of the sentence holding `index` (quotation marks do not stop it).
    private func sentenceStart(before index: Int) -> Int {
        var start = index
        while start > 0, index - start < 80 {
            let previous = tokens[start - 1]
            if endsSentence(start - 1) && previous.kind == .punctuation { break }
            if tokens[start].start > 0, scalars[tokens[start].start - 1] == "\n", start < index { break }
            if start - 1 >= 0, tokens[start - 1].end <= (tokens[start].start - 1), scalars[tokens[start - 1].end..<tokens[start].start].contains("\n") { break }
            start -= 1
        }
        return start
    }

    /// The first name or pronoun of a clause (the subject of "…, saying").
    private func firstSubject(from lower: Int, to upper: Int) -> SpeakerPhrase? {
        var lower = lower
        // Skip an introductory phrase: "During a speech in Ohio, Trump …".
        if lower < upper, SpeechLexicon.notNames.contains(tokens[lower]) || SpeechLexicon.phraseBreakers.contains(tokens[lower]),
           let comma = tokens[lower..<upper].firstIndex(where: { $0.textIs(",") }) {
            lower = comma + 1
        }
        for index in lower..<upper where tokens[index].kind == .word {
            if SpeechLexicon.pronouns.contains(tokens[index]) { return .pronoun(tokens[index].lower) }
            if tokens[index].isCapitalized, !SpeechLexicon.notNames.contains(tokens[index]),
               let (phrase, _) = SpeakerPhrase.forward(tokens, from: index, upper: upper) {
                return phrase
            }
        }
        return nil
    }

    /// A full stop, question or exclamation mark followed by a capital, a quotation mark or nothing
    /// ("(R-Wis.) said" does not end a sentence).
    /// (The mark is tested where the windows are walked, token by token; the rest is out of line.)
    @inline(__always)
    private func endsSentence(_ index: Int) -> Bool {
        tokens[index].endsSentence && markEndsSentence(index)
    }

    /// `endsSentence` of a sentence-ending mark at `index`.
    private func markEndsSentence(_ index: Int) -> Bool {
        guard index + 1 < tokens.count else { return true }
        let next = tokens[index + 1]
        return next.isCapitalized || next.kind == .quoteMark || next.start > tokens[index].end + 1 && next.kind == .word && next.startsWithNumber
    }

    /// A verb of speaking at `index`; a form that is also a plural noun counts only right after a
    /// name or a pronoun ("Trump tweets", not "late-night tweets").
    /// (Punctuation and capitalised words are passed over inline; a lower-case word is looked up.)
    @inline(__always)
    private func isSpeechVerb(_ index: Int) -> Bool {
        tokens[index].kind == .word && !tokens[index].isCapitalized && isLowerCaseSpeechVerb(index)
    }

    /// `isSpeechVerb` of a lower-case word.
    private func isLowerCaseSpeechVerb(_ index: Int) -> Bool {
        let token = tokens[index]
        guard SpeechLexicon.speechVerbs.contains(token) else { return false }
        if SpeechLexicon.nounLikeForms.contains(token) {
            guard index > 0 else { return false }
            let previous = tokens[index - 1]
            var runStart = index - 1
            while runStart > 0, tokens[runStart - 1].isCapitalized { runStart -= 1 }
            let afterDeterminer = runStart > 0 && (SpeechLexicon.determiners.contains(tokens[runStart - 1])
                || tokens[runStart - 1].isPossessive || SpeechLexicon.prepositionsBeforeNouns.contains(tokens[runStart - 1]))
                || SpeechLexicon.demonyms.contains(previous)
            let byName = previous.isCapitalized && !SpeechLexicon.notNames.contains(previous) && !afterDeterminer
                && !previous.text.hasSuffix("s\u{2019}") && !previous.isPossessive
            let byDocument = SpeechLexicon.documentNouns.contains(previous) && index > 1
                && SpeechLexicon.determiners.contains(tokens[index - 2])
            return byName || byDocument || SpeechLexicon.pronouns.contains(previous)
        }
        return true
    }

    // MARK: - Resolution

    /// The speaker string for a phrase: pronouns resolved, names made full, documents to issuers.
    private func resolve(_ phrase: SpeakerPhrase, at offset: Int, pronouns: PronounResolver?,
                         speakers: [PronounResolver.Candidate]) -> String {
        switch phrase {
        case .pronoun(let pronoun):
            guard pronoun == "he" || pronoun == "she" else { return "" }
            return pronouns?.resolve(pronoun, before: offset, speakers: speakers) ?? ""
        case .name(let name):
            return fullName(name, at: offset)
        case .description(let text):
            if let head = Self.lastWordLowered(text), SpeechLexicon.documentNouns.contains(head), let issuer = issuer(of: head, before: offset) {
                return fullName(issuer, at: offset)
            }
            return text
        }
    }

    /// The last of the words between spaces of `text`, lowered (`text.split(separator: " ").last`,
    /// cut from the bytes when `text` is ASCII — there every byte is a Character — without
    /// splitting the rest).
    static func lastWordLowered(_ text: String) -> String? {
        let cut = text.utf8.withContiguousStorageIfAvailable { bytes -> String?? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            var end = bytes.count
            while end > 0, bytes[end - 1] == 0x20 { end -= 1 }
            guard end > 0 else { return .some(nil) }
            var start = end
            while start > 0, bytes[start - 1] != 0x20 { start -= 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self).lowercased()
        }
        if let cut, let word = cut { return word }
        return text.split(separator: " ").last.map { $0.lowercased() }
    }

    /// A speaker is a person: a template person, or a name that looks like one. Remembered in
    /// `known` for ASCII spellings (others, which String equality may fold, are decided each time).
    private func isPersonSpeaker(_ speaker: String, known: inout [String: Bool]) -> Bool {
        let ascii = speaker.withUTF8Buffer { $0.allSatisfy { $0 < 0x80 } }
        if ascii, let answer = known[speaker] { return answer }
        let answer = ascii ? Self.isPersonSpeaker(ascii: speaker, actorKinds: actorKinds)
            : actorKinds[ScalarText.lower(speaker)].map { $0 == .person } ?? NameIndex.looksLikePerson(spaceSeparated: speaker)
        if ascii { known[speaker] = answer }
        return answer
    }

    /// The same rule for an ASCII speaker, lowered once in a buffer (ASCII lowering maps A–Z alone,
    /// as `ScalarText.lower` does there) for both the actor table and the person test.
    static func isPersonSpeaker(ascii speaker: String, actorKinds: WordMap<ActorKind>) -> Bool {
        speaker.withUTF8Buffer { bytes in
            ASCIISearch.withFolded(bytes) { lower in
                if let kind = actorKinds.value(ascii: lower) { return kind == .person }
                return NameIndex.looksLikePerson(ascii: bytes, lower: lower)
            }
        }
    }

    /// A person, not a place or an organisation: a template person; a name written with a title;
    /// or two to four words without organisation words whose last word also stands alone in the text.
    /// Of the occurrence at `index` in `names.occurrences` (its keys looked up by their bytes).
    private func isPerson(at index: Int) -> Bool {
        let occurrence = names.occurrences[index]
        let key = names.bytes(of: occurrence.key)
        if let kind = actorKinds.value(bytes: key, hash: occurrence.key.hash) { return kind == .person }
        if occurrence.wordCount == 1 { return occurrence.titled || names.surnames.contains(bytes: key, hash: occurrence.key.hash) }
        guard occurrence.personLike else { return false }
        if occurrence.titled { return true }
        if SpeechLexicon.placeNames.index(bytes: key, hash: occurrence.key.hash) != nil { return false }
        if SpeechLexicon.demonyms.index(bytes: names.bytes(of: occurrence.firstKey), hash: occurrence.firstKey.hash) != nil { return false }
        let lastKey = names.bytes(of: occurrence.lastKey)
        if SpeechLexicon.placeWords.index(bytes: lastKey, hash: occurrence.lastKey.hash) != nil { return false }
        // "in New York", "from North Carolina": a place.
        let firstToken = occurrence.firstToken
        if firstToken > 0, Self.placePrepositions.contains(tokens[firstToken - 1]) {
            return names.standalone.contains(bytes: lastKey, hash: occurrence.lastKey.hash)
        }
        return true
    }

    /// A name read as a person's (template persons, or person-like names that are not places).
    private func isPersonName(_ name: String) -> Bool {
        if let kind = actorKinds[ScalarText.lower(name)] { return kind == .person }
        let words = ScalarText.spaceSeparated(name)
        if words.count == 1 { return names.surnames.contains(ScalarText.lower(name)) }
        return NameIndex.looksLikePerson(words)
    }

    private func fullName(_ name: String, at offset: Int) -> String {
        guard !name.isEmpty else { return "" }
        let key = ScalarText.lower(name)
        return key.withUTF8Buffer { bytes in
            fullName(key: bytes, hash: WordSet.hash(bytes), oneWord: !name.withUTF8Buffer { $0.contains(0x20) }, at: offset) { name }
        }
    }

    /// `fullName` of the name occurrence at `index` in `names.occurrences` (never empty; one word
    /// exactly when it has no space); its name is written only when it is the answer.
    private func fullName(ofOccurrence index: Int) -> String {
        let occurrence = names.occurrences[index]
        return fullName(key: names.bytes(of: occurrence.key), hash: occurrence.key.hash, oneWord: occurrence.wordCount == 1,
                        at: occurrence.start) { names.name(of: index) }
    }

    /// The rule of `fullName`, for a name of key `key` (UTF-8, `ScalarText.lower`; of hash `hash`):
    /// its actor's display name; else, for one word, the fullest indexed name having it as first or
    /// last word (that name's actor's, else its own); else `own()`.
    private func fullName(key: UnsafeBufferPointer<UInt8>, hash: Int, oneWord: Bool, at offset: Int, own: () -> String) -> String {
        if let actor = aliasNames.value(bytes: key, hash: hash) { return actor }
        if oneWord, let full = names.fullNameIndex(forKey: key, hash: hash, before: offset) {
            let fullKey = names.occurrences[full].key
            return aliasNames.value(bytes: names.bytes(of: fullKey), hash: fullKey.hash) ?? names.name(of: full)
        }
        return own()
    }

    /// Verbs of issuing a document ("released by", "signed by").
    private static let issuingVerbs: WordSet = ["released", "issued", "published", "adopted", "unveiled", "drafted", "written", "signed", "announced"]

    /// "the strategy released by the Cyberspace Administration of China" → its issuer.
    private func issuer(of noun: String, before offset: Int) -> String? {
        let limit = tokenIndex(at: offset)
        var index = limit - 1
        let floor = max(1, limit - 400)
        while index > floor {
            if tokens[index].lowerIs("by"), Self.issuingVerbs.contains(tokens[index - 1]) {
                var nounIndex = index - 2
                while nounIndex >= 0, index - nounIndex < 5, tokens[nounIndex].lower != noun { nounIndex -= 1 }
                if nounIndex >= 0, tokens[nounIndex].lower == noun,
                   let (phrase, _) = SpeakerPhrase.forward(tokens, from: index + 1, upper: min(tokens.count, index + 12)),
                   case .name(let name) = phrase {
                    return name
                }
            }
            index -= 1
        }
        return nil
    }

    /// The index of the first token starting at or after `offset`.
    private func tokenIndex(at offset: Int) -> Int {
        var low = 0, high = tokens.count
        while low < high {
            let mid = (low + high) / 2
            if tokens[mid].start < offset { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
