// DocumentExtractor: one document → its DocumentAnalysis (actor mentions, theme hits, quotations,
// names the template misses). Built once per template and shared by all workers (immutable).
// Invariants: offsets are code points of the document text; results are in text order.
import BriefingModel

/// Extracts actors, themes and quotations from documents, for one template.
public final class DocumentExtractor: Sendable {
    /// The template the extractor was built for.
    public let template: ReportTemplate
    private let automaton: PhraseAutomaton
    private let aliasNames: WordMap<String>
    private let actorByName: WordMap<Int>
    private let actorKinds: WordMap<ActorKind>

    static let actorChannel = 0
    static let themeChannel = 1

    /// Builds the automaton of every alias and term of `template`.
    public init(template: ReportTemplate) {
        self.template = template
        var patterns: [PhrasePattern] = []
        var aliasNames: [String: String] = [:]
        var actorByName: [String: Int] = [:]
        var actorKinds: [String: ActorKind] = [:]
        for (index, actor) in template.actors.enumerated() {
            actorByName[actor.name.lowercased()] = index
            for alias in actor.aliases {
                patterns.append(PhrasePattern(channel: Self.actorChannel, payload: index, text: Array(alias.unicodeScalars),
                                              caseSensitive: AliasRules.isCaseSensitive(alias), isPrefix: false))
                // Speaker lookup uses multi-letter aliases only, and short all-capital ones when written so.
                aliasNames[alias.lowercased()] = actor.name
                actorKinds[alias.lowercased()] = actor.kind
                actorByName[alias.lowercased()] = index
            }
        }
        for (index, theme) in template.themes.enumerated() {
            for term in theme.terms {
                let isPrefix = term.hasSuffix("*")
                let text = isPrefix ? String(term.dropLast()) : term
                patterns.append(PhrasePattern(channel: Self.themeChannel, payload: index, text: Array(text.unicodeScalars),
                                              caseSensitive: AliasRules.isCaseSensitive(text), isPrefix: isPrefix))
            }
        }
        automaton = PhraseAutomaton(patterns)
        self.aliasNames = WordMap(aliasNames)
        self.actorByName = WordMap(actorByName)
        self.actorKinds = WordMap(actorKinds)
    }

    /// The analysis of one document.
    public func extract(_ document: Document) -> DocumentAnalysis {
        let (scalars, layout, offsets) = ScalarText.scalarsAndLayout(of: document.text)
        var analysis = DocumentAnalysis(documentID: document.id)
        var actorSpans: [Range<Int>] = []
        let matches = automaton.matches(in: scalars)
        // Sized once: most matches are actor mentions.
        actorSpans.reserveCapacity(matches.count)
        analysis.mentions.reserveCapacity(matches.count)
        for match in matches {
            let text = ScalarText.string(scalars, match.start..<match.end)
            if match.channel == Self.actorChannel {
                analysis.mentions.append(ActorMention(actor: match.payload, text: text, start: match.start, end: match.end))
                actorSpans.append(match.start..<match.end)
            } else {
                analysis.themeHits.append(ThemeHit(theme: match.payload, text: text, start: match.start, end: match.end))
            }
        }
        // The tokens point into the list's buffer: it lives until the analysis is made (of Strings).
        let list = ClauseTokenizer.tokenize(scalars, 0..<scalars.count)
        withExtendedLifetime(list) {
            let tokens = list.tokens
            let paragraphs = layout.paragraphs
            let names = NameIndex(tokens: tokens, headings: Self.headings(scalars, paragraphs: paragraphs, tokens: tokens))
            let attributor = QuoteAttributor(scalars: scalars, tokens: tokens, names: names, aliasNames: aliasNames, actorKinds: actorKinds,
                                             paragraphs: paragraphs, marks: layout.marks)
            // A speaker's quotations often follow one another: its actor is looked up once for them.
            var lastSpeaker: String? = nil, lastActor: Int? = nil
            analysis.quotations = attributor.extract().map { found in
                if found.speaker != lastSpeaker {
                    lastSpeaker = found.speaker
                    lastActor = actorByName[ScalarText.lower(found.speaker)]
                }
                return Quotation(speaker: found.speaker, actor: lastActor,
                                 text: offsets.string(found.start..<found.end, of: document.text),
                                 start: found.start, end: found.end)
            }
            analysis.unmatchedNames = unmatchedNames(names, actorSpans: actorSpans)
            analysis.speakerMentions = speakerMentions(analysis.quotations, names: names, scalars: scalars, actorSpans: actorSpans)
        }
        return analysis
    }

    /// Mentions of the document's speakers who are not template actors: their full name, or their
    /// surname alone, wherever it stands outside an actor mention.
    private func speakerMentions(_ quotations: [Quotation], names: NameIndex, scalars: [Unicode.Scalar],
                                 actorSpans: [Range<Int>]) -> [NameMention] {
        // Most documents quote no one outside the template: nothing to make for them.
        guard quotations.contains(where: { $0.actor == nil && !$0.speaker.isEmpty }) else { return [] }
        var speakers: [String: String] = [:]
        // Two keys per speaker at most: sized once for a document's quotations.
        speakers.reserveCapacity(min(2 * quotations.count, 64))
        var done: String? = nil
        for quote in quotations where quote.actor == nil && !quote.speaker.isEmpty {
            // Consecutive quotes often share their speaker: the same entries again.
            if quote.speaker == done { continue }
            guard let first = quote.speaker.unicodeScalars.first,
                  first.value < 0x80 ? (0x41...0x5A).contains(first.value) : first.properties.isUppercase else { continue }
            done = quote.speaker
            speakers[ScalarText.lower(quote.speaker)] = quote.speaker
            if let last = ScalarText.lastOfSeveralWords(quote.speaker).map(ScalarText.lower) { speakers[last] = speakers[last] ?? quote.speaker }
        }
        guard !speakers.isEmpty else { return [] }
        // A document has a handful of such speakers: compared in turn, not hashed per name.
        let pairs = speakers.sorted { $0.key < $1.key }.map { (key: $0.key, hash: WordSet.hash($0.key), value: $0.value) }
        var result: [NameMention] = []
        result.reserveCapacity(min(names.occurrences.count, 32))
        var spanIndex = 0
        for index in names.occurrences.indices {
            // Hashes compared first: most occurrences name no such speaker.
            let key = names.occurrences[index].key
            guard let speaker = pairs.first(where: { $0.hash == key.hash && $0.key == names.string(of: key) })?.value else { continue }
            let (start, end) = (names.occurrences[index].start, names.occurrences[index].end)
            // Actor spans are sorted and do not overlap; occurrences come in text order.
            while spanIndex < actorSpans.count, actorSpans[spanIndex].upperBound <= start { spanIndex += 1 }
            if spanIndex < actorSpans.count, actorSpans[spanIndex].lowerBound < end { continue }
            // The name itself, without a title before it: find where the cleaned name starts.
            let span = Self.nameSpan(names.name(of: index), start..<end, scalars: scalars)
            result.append(NameMention(name: speaker, text: ScalarText.string(scalars, span),
                                      start: span.lowerBound, end: span.upperBound))
        }
        return result
    }

    /// The offsets of an occurrence's cleaned name inside its run ("Gov. John Kasich" → "John Kasich").
    /// `name` is compared scalar by scalar, walking its scalars in place.
    static func nameSpan(_ name: String, _ run: Range<Int>, scalars: [Unicode.Scalar]) -> Range<Int> {
        // An ASCII name (most) is compared byte to scalar in place; others through their scalars,
        // decoded once.
        let found = name.utf8.withContiguousStorageIfAvailable { bytes -> Range<Int>? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return scalars.withUnsafeBufferPointer { firstMatch(of: bytes, in: $0, run) { UInt32($0) } }
        }
        if let found, let span = found { return span }
        let wanted = name.unicodeScalars.map(\.value)
        return scalars.withUnsafeBufferPointer { text in wanted.withUnsafeBufferPointer { firstMatch(of: $0, in: text, run) { $0 } } }
    }

    /// The first place in `run` where the scalars of `text` are `wanted` (read as values through
    /// `value`), else the whole run.
    @inline(__always)
    private static func firstMatch<Unit>(of wanted: UnsafeBufferPointer<Unit>, in text: UnsafeBufferPointer<Unicode.Scalar>,
                                         _ run: Range<Int>, _ value: (Unit) -> UInt32) -> Range<Int> {
        let count = wanted.count
        var start = run.lowerBound
        while start + count <= run.upperBound {
            var offset = 0
            while offset < count, text[start + offset].value == value(wanted[offset]) { offset += 1 }
            if offset == count { return start..<(start + count) }
            start += 1
        }
        return run
    }

    /// Heading lines (a headline, a subheading): short, mostly capitalised, no sentence end. Names
    /// are not read from them ("Obama Sees 'Personal Insult'", "Scrutinizing the Science").
    /// Read from the document's tokens (a paragraph's tokens are the same whether it is tokenised
    /// alone or with the document: no token crosses a line break).
    static func headings(_ scalars: [Unicode.Scalar], paragraphs: [Range<Int>], tokens: [ClauseToken]) -> SortedRanges {
        var ranges: [Range<Int>] = []
        var next = 0
        for paragraph in paragraphs where paragraph.count <= 120 {
            var end = paragraph.upperBound
            while end > paragraph.lowerBound, ScalarFolding.isSpace(scalars[end - 1]) { end -= 1 }
            guard end > paragraph.lowerBound, !Self.headingRefusals.contains(scalars[end - 1]) else { continue }
            // The paragraph's first token, searched by halves (most lines between are long).
            if next < tokens.count, tokens[next].start < paragraph.lowerBound {
                var high = tokens.count
                while next < high {
                    let middle = next + (high - next) / 2
                    if tokens[middle].start < paragraph.lowerBound { next = middle + 1 } else { high = middle }
                }
            }
            // The line's words counted in place (most lines are too long to be headings).
            var wordCount = 0, capitalised = 0
            var last = next
            while last < tokens.count, tokens[last].start < end {
                if tokens[last].kind == .word {
                    wordCount += 1
                    if tokens[last].isCapitalized { capitalised += 1 }
                }
                last += 1
            }
            // Scraped subheadings often end in a full stop; only short lines count as headings then.
            let limit = scalars[end - 1] == "." ? 8 : 12
            guard (2...limit).contains(wordCount) else { continue }
            if scalars[end - 1] == "." {
                // With a full stop, only Title Case reads as a heading ("Scrutinizing the Science.",
                // not "Elizabeth Warren spoke.").
                let titleCase = tokens[next..<last].allSatisfy { $0.kind != .word || $0.isCapitalized || headingSmallWords.contains($0) }
                if titleCase { ranges.append(paragraph) }
            } else if capitalised * 10 >= wordCount * 6 {
                ranges.append(paragraph)
            }
        }
        return SortedRanges(ranges)
    }

    /// Last scalars a heading does not end with.
    private static let headingRefusals = ScalarList("!?:\"”’)")

    /// Small words a Title Case heading leaves in lower case.
    private static let headingSmallWords: WordSet = ["the", "of", "and", "for", "a", "an", "in", "on", "to", "at", "with", "or"]

    /// Multi-word proper names that overlap no actor mention, unique and sorted.
    private func unmatchedNames(_ names: NameIndex, actorSpans: [Range<Int>]) -> [String] {
        // A document has a few dozen, most of them repeats: a repeat (same key hash, same name)
        // is dropped as it comes, the few distinct names sorted at the end.
        var found: [String] = []
        var foundHashes: [Int] = []
        found.reserveCapacity(32)
        foundHashes.reserveCapacity(32)
        var spanIndex = 0
        let occurrences = names.occurrences
        // Fields read in place: an occurrence (four Strings) is not copied.
        for index in occurrences.indices where occurrences[index].wordCount >= 2 && occurrences[index].wordCount <= 6 {
            while spanIndex < actorSpans.count, actorSpans[spanIndex].upperBound <= occurrences[index].start { spanIndex += 1 }
            if spanIndex < actorSpans.count, actorSpans[spanIndex].lowerBound < occurrences[index].end { continue }
            let key = occurrences[index].key, keyBytes = names.bytes(of: key)
            if actorByName.value(bytes: keyBytes, hash: key.hash) != nil { continue }
            // The key's words are the name's words in lower case (lowering maps scalar by scalar).
            if ScalarText.allWords(of: keyBytes, { slice in
                let word = UnsafeBufferPointer(rebasing: slice), hash = WordSet.hash(word)
                return SpeechLexicon.titles.contains(bytes: word, hash: hash) || SpeechLexicon.notNames.contains(bytes: word, hash: hash)
            }) {
                continue
            }
            let hash = key.hash, name = names.name(of: index)
            if foundHashes.indices.contains(where: { foundHashes[$0] == hash && found[$0] == name }) { continue }
            found.append(name)
            foundHashes.append(hash)
        }
        found.sort()
        var unique: [String] = []
        unique.reserveCapacity(found.count)
        for name in found where unique.last != name { unique.append(name) }
        return unique
    }
}
