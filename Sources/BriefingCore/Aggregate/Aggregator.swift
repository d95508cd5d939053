// Aggregator: per-document analyses → one BriefingData (the neutral model of the statistics).
// Input: documents, their analyses (same order), the template, the count of skipped inputs.
// Output: BriefingData with every list sorted explicitly (see BriefingData's documentation).
// Invariants: built by merging per-document partials (StatisticsAccumulator), so the result does
// not depend on document order; every count can be recounted from mentions.csv, quotes.csv and
// documents.csv.
import BriefingModel

/// Computes the briefing's statistics.
public enum Aggregator {
    /// Aggregates the analyses of `documents`.
    public static func aggregate(documents: [Document], analyses: [DocumentAnalysis], template: ReportTemplate,
                                 skipped: Int) -> BriefingData {
        var total = StatisticsAccumulator()
        for (document, analysis) in zip(documents, analyses) {
            total.merge(StatisticsAccumulator(document: document, analysis: analysis, template: template))
        }
        var data = finish(total, template: template, skipped: skipped)
        data.featuredQuotes = featuredQuotes(data.speakers, documents: documents, analyses: analyses, template: template)
        data.featuredDocuments = featuredDocuments(documents: documents, analyses: analyses, template: template)
        return data
    }

    static func finish(_ total: StatisticsAccumulator, template: ReportTemplate, skipped: Int) -> BriefingData {
        var data = BriefingData()
        data.totals.documents = total.documents
        data.totals.words = total.words
        data.totals.skipped = skipped
        data.totals.undated = total.undated
        data.totals.mentions = total.mentions
        data.totals.quotations = total.quotations
        data.totals.attributedQuotations = total.attributed
        data.totals.firstPublished = total.first
        data.totals.lastPublished = total.last

        var actors: [ActorStat] = total.actors.map { index, counter in
            let actor = template.actors[index]
            return ActorStat(name: actor.name, kind: actor.kind, inTemplate: true, mentions: counter.mentions,
                             documents: counter.documents, firstPublished: counter.first, lastPublished: counter.last)
        }
        for (name, counter) in total.discovered {
            let words = name.split(separator: " ").map(String.init)
            let kind: ActorKind = NameIndex.looksLikePerson(words) ? .person
                : words.contains { SpeechLexicon.organisationWords.contains($0.lowercased()) } ? .organization : .other
            actors.append(ActorStat(name: name, kind: kind, inTemplate: false, mentions: counter.mentions,
                                    documents: counter.documents, firstPublished: counter.first, lastPublished: counter.last))
        }
        data.actors = actors.sorted { $0.mentions != $1.mentions ? $0.mentions > $1.mentions : $0.name < $1.name }

        data.themes = total.themes.map { ThemeStat(name: template.themes[$0.key].name, documents: $0.value.documents, mentions: $0.value.mentions) }
            .sorted { $0.mentions != $1.mentions ? $0.mentions > $1.mentions : $0.name < $1.name }
        let themeRank = Dictionary(uniqueKeysWithValues: data.themes.enumerated().map { ($1.name, $0) })
        data.themesByYear = total.themeYears.map { ThemeYearStat(theme: $0.key.a, year: $0.key.b, documents: $0.value.documents, mentions: $0.value.mentions) }
            .sorted {
                let left = themeRank[$0.theme] ?? 0, right = themeRank[$1.theme] ?? 0
                if left != right { return left < right }
                return yearOrder($0.year, $1.year)
            }

        data.speakers = total.speakers.map { SpeakerStat(speaker: $0.key.a, actor: $0.key.b, quotes: $0.value.mentions, documents: $0.value.documents) }
            .sorted { $0.quotes != $1.quotes ? $0.quotes > $1.quotes : ($0.speaker != $1.speaker ? $0.speaker < $1.speaker : $0.actor < $1.actor) }

        data.sources = total.sources.map { CountStat(name: $0.key.isEmpty ? "unknown" : $0.key, count: $0.value) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.name < $1.name }
        data.years = yearSeries(total.years)

        let top = Set(data.actors.filter(\.inTemplate).prefix(template.limits.topActors).map(\.name))
        data.cooccurrence = total.pairs.filter { top.contains($0.key.a) && top.contains($0.key.b) }
            .map { PairStat(first: $0.key.a, second: $0.key.b, documents: $0.value) }
            .sorted { $0.documents != $1.documents ? $0.documents > $1.documents : ($0.first != $1.first ? $0.first < $1.first : $0.second < $1.second) }

        let speakerNames = Set(data.actors.map { $0.name.lowercased() })
        data.suggestedActors = total.names.filter { $0.value >= 2 && !speakerNames.contains($0.key.lowercased()) }
            .map { CountStat(name: $0.key, count: $0.value) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.name < $1.name }
        return data
    }

    /// Years ascending with `unknown` last.
    static func yearOrder(_ a: String, _ b: String) -> Bool {
        if a == "unknown" { return false }
        if b == "unknown" { return true }
        return a < b
    }

    /// Every year from the first to the last (gaps as zero), then `unknown` when present.
    static func yearSeries(_ years: [String: Int]) -> [CountStat] {
        let known = years.keys.compactMap(Int.init).sorted()
        var series: [CountStat] = []
        if let first = known.first, let last = known.last {
            for year in first...last { series.append(CountStat(name: String(year), count: years[String(year)] ?? 0)) }
        }
        if let unknown = years["unknown"] { series.append(CountStat(name: "unknown", count: unknown)) }
        return series
    }

    /// For each top speaker, their longest quotations (most words), earliest first on ties.
    static func featuredQuotes(_ speakers: [SpeakerStat], documents: [Document], analyses: [DocumentAnalysis],
                               template: ReportTemplate) -> [QuoteRecord] {
        let top = speakers.filter { !$0.speaker.isEmpty }.prefix(template.limits.topSpeakers).map(\.speaker)
        let wanted = Set(top)
        var bySpeaker: [String: [(words: Int, record: QuoteRecord)]] = [:]
        for (document, analysis) in zip(documents, analyses) {
            for quote in analysis.quotations where wanted.contains(quote.speaker) {
                let record = QuoteRecord(speaker: quote.speaker, text: quote.text, documentID: document.id,
                                         source: document.source, published: document.published, start: quote.start)
                bySpeaker[quote.speaker, default: []].append((TextLines.wordCount(quote.text), record))
            }
        }
        var result: [QuoteRecord] = []
        for speaker in top {
            let chosen = (bySpeaker[speaker] ?? []).sorted {
                if $0.words != $1.words { return $0.words > $1.words }
                if $0.record.documentID != $1.record.documentID { return $0.record.documentID < $1.record.documentID }
                return $0.record.start < $1.record.start
            }.prefix(template.limits.quotesPerSpeaker)
            result.append(contentsOf: chosen.map(\.record))
        }
        return result
    }

    /// The documents with the most actor mentions (bounded by the template), with their top actors.
    static func featuredDocuments(documents: [Document], analyses: [DocumentAnalysis], template: ReportTemplate) -> [DocumentRecord] {
        let ranked = zip(documents, analyses).sorted {
            $0.1.mentions.count != $1.1.mentions.count ? $0.1.mentions.count > $1.1.mentions.count : $0.0.id < $1.0.id
        }.prefix(template.limits.documentsListed)
        return ranked.map { document, analysis in
            var counts: [Int: Int] = [:]
            for mention in analysis.mentions { counts[mention.actor, default: 0] += 1 }
            let top = counts.sorted { $0.value != $1.value ? $0.value > $1.value : template.actors[$0.key].name < template.actors[$1.key].name }
                .prefix(3).map { template.actors[$0.key].name }
            return DocumentRecord(id: document.id, title: document.title, source: document.source, published: document.published,
                                  words: document.words, mentions: analysis.mentions.count, quotes: analysis.quotations.count, topActors: top)
        }
    }
}
