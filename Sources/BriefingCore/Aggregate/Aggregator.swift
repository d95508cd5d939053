// Aggregator: per-document analyses → one BriefingData (the neutral model of the statistics).
// Input: the run's statistics (StatisticsAccumulator: every document's counts added), the template,
// skipped inputs.
// Output: BriefingData with every list sorted explicitly (see BriefingData's documentation).
// Invariants: built from counts added per document (StatisticsAccumulator), so the result does
// not depend on document order; every count can be recounted from mentions.csv, quotes.csv and
// documents.csv.
import BriefingModel
import Foundation

/// Computes the briefing's statistics.
public enum Aggregator {
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
        data.cooccurrence = total.namedPairs(template).filter { top.contains($0.key.a) && top.contains($0.key.b) }
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

    /// The speakers whose quotations the PDF features: the leading named ones.
    static func leadingSpeakers(_ speakers: [SpeakerStat], template: ReportTemplate) -> [String] {
        speakers.filter { !$0.speaker.isEmpty }.prefix(template.limits.topSpeakers).map(\.speaker)
    }

    /// For each top speaker, their longest quotations, read back from the staged quotes.csv (so that
    /// quotations are never all held in memory); documents' source and date from documents.csv.
    /// The run uses it when `FeaturedQuotes` cannot answer (a leading speaker was pruned).
    static func featuredQuotes(_ speakers: [SpeakerStat], quotesFile: URL, documentsFile: URL,
                               template: ReportTemplate) throws(BriefingError) -> [QuoteRecord] {
        let top = leadingSpeakers(speakers, template: template)
        guard !top.isEmpty else { return [] }
        let wanted = Set(top)
        let limit = template.limits.quotesPerSpeaker
        var bySpeaker: [String: [QuoteCandidate]] = [:]
        func unguard(_ text: String) -> String {
            guard text.count > 1, text.hasPrefix("'"), let second = text.dropFirst().first, "=+-@\t\r".contains(second) else { return text }
            return String(text.dropFirst())
        }
        do {
            var reader = try CSVStreamReader(url: quotesFile)
            _ = reader.next()
            // Rows of other speakers are passed over without decoding their quotation.
            while let row = reader.next(keeping: (column: 1, test: { wanted.contains(unguard($0)) })) {
                guard row.count == 6 else { continue }
                let speaker = unguard(row[1])
                guard wanted.contains(speaker) else { continue }
                let text = unguard(row[3])
                let record = QuoteRecord(speaker: speaker, text: text, documentID: unguard(row[0]), source: "", published: nil, start: Int(row[4]) ?? 0)
                // Kept as the pass keeps them (`FeaturedQuotes`): the same quotations come out.
                FeaturedQuotes.keep(QuoteCandidate(words: TextLines.wordCount(text), record: record), in: &bySpeaker[speaker, default: []], limit: limit)
            }
            var needed = Set(bySpeaker.values.flatMap { $0.map(\.record.documentID) })
            var facts: [String: (String, PublishedDate?)] = [:]
            var documents = try CSVStreamReader(url: documentsFile)
            _ = documents.next()
            while !needed.isEmpty, let row = documents.next() {
                guard row.count == 9 else { continue }
                let id = unguard(row[0])
                if needed.remove(id) != nil { facts[id] = (unguard(row[2]), PublishedDate(iso: row[3])) }
            }
            var result: [QuoteRecord] = []
            for speaker in top {
                for candidate in bySpeaker[speaker] ?? [] {
                    var record = candidate.record
                    record.source = facts[record.documentID]?.0 ?? ""
                    record.published = facts[record.documentID]?.1 ?? nil
                    result.append(record)
                }
            }
            return result
        } catch {
            throw .failure(stage: "aggregate", path: quotesFile.path, reason: "cannot read the quotations back: \(error)")
        }
    }
}
