// DocumentExtractor: one document → its DocumentAnalysis (actor mentions, theme hits, quotations,
// names the template misses). Built once per template and shared by all workers (immutable).
// Invariants: offsets are code points of the document text; results are in text order.
import BriefingModel

/// Extracts actors, themes and quotations from documents, for one template.
public final class DocumentExtractor: Sendable {
    /// The template the extractor was built for.
    public let template: ReportTemplate
    private let automaton: PhraseAutomaton
    private let aliasNames: [String: String]
    private let actorByName: [String: Int]
    private let actorKinds: [String: ActorKind]

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
        self.aliasNames = aliasNames
        self.actorByName = actorByName
        self.actorKinds = actorKinds
    }

    /// The analysis of one document.
    public func extract(_ document: Document) -> DocumentAnalysis {
        let scalars = Array(document.text.unicodeScalars)
        var analysis = DocumentAnalysis(documentID: document.id)
        var actorSpans: [Range<Int>] = []
        for match in automaton.matches(in: scalars) {
            let text = String(String.UnicodeScalarView(scalars[match.start..<match.end]))
            if match.channel == Self.actorChannel {
                analysis.mentions.append(ActorMention(actor: match.payload, text: text, start: match.start, end: match.end))
                actorSpans.append(match.start..<match.end)
            } else {
                analysis.themeHits.append(ThemeHit(theme: match.payload, text: text, start: match.start, end: match.end))
            }
        }
        let tokens = ClauseTokenizer.tokenize(scalars, 0..<scalars.count)
        let names = NameIndex(tokens: tokens)
        let attributor = QuoteAttributor(scalars: scalars, tokens: tokens, names: names, aliasNames: aliasNames, actorKinds: actorKinds)
        analysis.quotations = attributor.extract().map { found in
            Quotation(speaker: found.speaker, actor: actorByName[found.speaker.lowercased()],
                      text: String(String.UnicodeScalarView(scalars[found.start..<found.end])),
                      start: found.start, end: found.end)
        }
        analysis.unmatchedNames = unmatchedNames(names, actorSpans: actorSpans)
        return analysis
    }

    /// Multi-word proper names that overlap no actor mention, unique and sorted.
    private func unmatchedNames(_ names: NameIndex, actorSpans: [Range<Int>]) -> [String] {
        var found: Set<String> = []
        var spanIndex = 0
        for occurrence in names.occurrences where occurrence.words.count >= 2 && occurrence.words.count <= 6 {
            while spanIndex < actorSpans.count, actorSpans[spanIndex].upperBound <= occurrence.start { spanIndex += 1 }
            if spanIndex < actorSpans.count, actorSpans[spanIndex].lowerBound < occurrence.end { continue }
            if actorByName[occurrence.name.lowercased()] != nil { continue }
            if occurrence.words.allSatisfy({ SpeechLexicon.titles.contains($0.lowercased()) || SpeechLexicon.notNames.contains($0.lowercased()) }) { continue }
            found.insert(occurrence.name)
        }
        return found.sorted()
    }
}
