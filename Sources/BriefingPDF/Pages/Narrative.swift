// Narrative: plain sentences written from the numbers — singular and plural right, names joined
// as a reader expects, dates at the precision known.
import BriefingModel

/// Sentences for the cover, key findings and section introductions.
enum Narrative {
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                         "October", "November", "December"]

    /// "1 document", "5 documents", "1,204 quotations".
    static func count(_ value: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(ChartFrame.format(value)) \(value == 1 ? singular : (plural ?? singular + "s"))"
    }

    /// "A", "A and B", "A, B and C".
    static func join(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
        }
    }

    /// "27 December 2016", "April 2014", "2015".
    static func date(_ date: PublishedDate) -> String {
        guard let month = date.month else { return String(date.year) }
        let name = months[month - 1]
        if let day = date.day { return "\(day) \(name) \(date.year)" }
        return "\(name) \(date.year)"
    }

    /// "27 Dec 2016", "Apr 2014", "2015" (tables).
    static func shortDate(_ date: PublishedDate) -> String {
        guard let month = date.month else { return String(date.year) }
        let name = String(months[month - 1].prefix(3))
        if let day = date.day { return "\(day) \(name) \(date.year)" }
        return "\(name) \(date.year)"
    }

    /// "April 2014 – March 2025", or one date, or "undated".
    static func period(_ totals: BriefingData.Totals) -> String {
        guard let first = totals.firstPublished, let last = totals.lastPublished else { return "undated documents" }
        return first == last ? date(first) : "\(date(first)) – \(date(last))"
    }

    /// "2014–2025" for source lines.
    static func yearSpan(_ totals: BriefingData.Totals) -> String {
        guard let first = totals.firstPublished, let last = totals.lastPublished else { return "undated" }
        return first.year == last.year ? String(first.year) : "\(first.year)–\(last.year)"
    }

    /// The source line under every chart.
    static func sourceLine(_ data: BriefingData) -> String {
        "Source: \(count(data.totals.documents, "document")), \(yearSpan(data.totals)); counts in the CSV files of this run."
    }

    /// "The corpus holds 5 documents from 4 sources, published between April 2014 and March 2025."
    static func corpusSentence(_ data: BriefingData) -> String {
        let sources = data.sources.filter { $0.name != "unknown" }.count
        var sentence = "The corpus holds \(count(data.totals.documents, "document"))"
        if sources > 0 { sentence += " from \(count(sources, "source"))" }
        if let first = data.totals.firstPublished, let last = data.totals.lastPublished {
            sentence += first == last ? ", published \(first.day == nil ? "in" : "on") \(date(first))" : ", published between \(date(first)) and \(date(last))"
        }
        if data.totals.undated > 0 { sentence += " (\(ChartFrame.format(data.totals.undated)) undated)" }
        return sentence + "."
    }

    /// "China is the most mentioned actor (50 mentions in 5 documents), followed by …"
    static func actorsSentence(_ data: BriefingData) -> String? {
        let actors = data.actors.filter(\.inTemplate)
        guard let top = actors.first else { return nil }
        var sentence = "\(top.name) is the most mentioned actor (\(count(top.mentions, "mention")) in \(count(top.documents, "document")))"
        let next = actors.dropFirst().prefix(2).map { "\($0.name) (\(ChartFrame.format($0.mentions)))" }
        if !next.isEmpty { sentence += ", followed by \(join(next))" }
        return sentence + "."
    }

    /// "Zhao Junjie is the most quoted voice, with 4 quotations in 1 document, followed by …"
    static func voicesSentence(_ data: BriefingData) -> String? {
        let speakers = data.speakers.filter { !$0.speaker.isEmpty }
        guard let top = speakers.first else { return nil }
        var sentence = "\(top.speaker) is the most quoted voice, with \(count(top.quotes, "quotation")) in \(count(top.documents, "document"))"
        let next = speakers.dropFirst().prefix(2).map { "\($0.speaker) (\(ChartFrame.format($0.quotes)))" }
        if !next.isEmpty { sentence += ", followed by \(join(next))" }
        return sentence + "."
    }

    /// A theme's share of documents before and after the corpus's middle year.
    struct ThemeShift: Equatable {
        let theme: String
        let earlyDocuments: Int
        let earlyTotal: Int
        let lateDocuments: Int
        let lateTotal: Int
        let splitYear: Int

        var change: Double {
            Double(lateDocuments) / Double(max(lateTotal, 1)) - Double(earlyDocuments) / Double(max(earlyTotal, 1))
        }
    }

    /// Each theme's change of document share between the earlier and the later half of the dated corpus.
    static func themeShifts(_ data: BriefingData) -> [ThemeShift] {
        let dated = data.years.filter { $0.name != "unknown" && $0.count > 0 }
        let total = dated.reduce(0) { $0 + $1.count }
        guard dated.count >= 2, total >= 2 else { return [] }
        // The split year: the first year from which the later documents are no more than half.
        var running = 0
        var splitYear = Int(dated.last?.name ?? "") ?? 0
        for year in dated {
            if running >= (total + 1) / 2 { splitYear = Int(year.name) ?? splitYear; break }
            running += year.count
        }
        let earlyTotal = dated.filter { (Int($0.name) ?? 0) < splitYear }.reduce(0) { $0 + $1.count }
        let lateTotal = total - earlyTotal
        // Too few documents on either side make a change of share meaningless.
        guard earlyTotal >= 3, lateTotal >= 3, Double(min(earlyTotal, lateTotal)) >= 0.15 * Double(total) else { return [] }
        return data.themes.map { theme in
            let cells = data.themesByYear.filter { $0.theme == theme.name && $0.year != "unknown" }
            let early = cells.filter { (Int($0.year) ?? 0) < splitYear }.reduce(0) { $0 + $1.documents }
            let late = cells.filter { (Int($0.year) ?? 0) >= splitYear }.reduce(0) { $0 + $1.documents }
            return ThemeShift(theme: theme.name, earlyDocuments: early, earlyTotal: earlyTotal, lateDocuments: late,
                              lateTotal: lateTotal, splitYear: splitYear)
        }
    }

    /// "Cyber sovereignty rose: 2 of 2 documents since 2019 against 1 of 3 before; … fell: …"
    static func themesSentence(_ data: BriefingData) -> String? {
        let shifts = themeShifts(data).sorted { $0.change != $1.change ? $0.change > $1.change : $0.theme < $1.theme }
        guard let rising = shifts.first, let falling = shifts.last, rising.change > 0 || falling.change < 0 else {
            if let top = data.themes.first {
                return "\(top.name) is the most present theme (\(count(top.documents, "document")), \(count(top.mentions, "mention")))."
            }
            return nil
        }
        func describe(_ shift: ThemeShift) -> String {
            "\(ChartFrame.format(shift.lateDocuments)) of \(count(shift.lateTotal, "document")) since \(shift.splitYear), "
                + "against \(ChartFrame.format(shift.earlyDocuments)) of \(ChartFrame.format(shift.earlyTotal)) before"
        }
        var parts: [String] = []
        if rising.change > 0 { parts.append("\(rising.theme) gained ground (\(describe(rising)))") }
        if falling.change < 0 && falling.theme != rising.theme { parts.append("\(falling.theme) lost ground (\(describe(falling)))") }
        guard !parts.isEmpty else { return nil }
        return parts.joined(separator: "; ") + "."
    }

    /// "15 of 16 quotations are attributed to a speaker."
    static func attributionSentence(_ data: BriefingData) -> String {
        let total = data.totals.quotations
        guard total > 0 else { return "No direct quotation was found." }
        let attributed = data.totals.attributedQuotations
        if total == 1 { return attributed == 1 ? "The one direct quotation is attributed to a speaker." : "The one direct quotation has no identified speaker." }
        return attributed == total
            ? "All \(count(total, "direct quotation")) are attributed to a speaker."
            : "\(ChartFrame.format(attributed)) of \(count(total, "direct quotation")) \(attributed == 1 ? "is" : "are") attributed to a speaker."
    }

    /// "Xinhua supplies the most documents (2 of 5)."
    static func sourcesSentence(_ data: BriefingData) -> String? {
        guard let top = data.sources.first(where: { $0.name != "unknown" }) else { return nil }
        return "\(top.name) supplies the most documents (\(ChartFrame.format(top.count)) of \(ChartFrame.format(data.totals.documents)))."
    }

    /// What changed since the previous run, in sentences.
    static func changeSentences(_ changes: ChangeSet) -> [String] {
        var sentences: [String] = []
        let delta = changes.currentDocuments - changes.previousDocuments
        var first = "Since the previous run (as of \(changes.previousAsOf.prefix(10))), the briefing went from \(count(changes.previousDocuments, "document")) to \(ChartFrame.format(changes.currentDocuments))"
        first += changes.newDocuments > 0 ? ", \(count(changes.newDocuments, "new document")) among them." : (delta == 0 ? "; no new document." : ".")
        sentences.append(first)
        func movers(_ kind: String, _ noun: String) {
            let rows = changes.rows.filter { $0.kind == kind }
            let up = rows.filter { $0.delta > 0 }.prefix(3).map { "\($0.name) (+\($0.delta))" }
            let down = rows.filter { $0.delta < 0 }.prefix(3).map { "\($0.name) (\($0.delta))" }
            if !up.isEmpty { sentences.append("Rising \(noun): \(join(up)).") }
            if !down.isEmpty { sentences.append("Falling \(noun): \(join(down)).") }
        }
        movers("actor", "actors")
        movers("theme", "themes")
        let newVoices = changes.rows.filter { $0.kind == "speaker" && $0.previous == 0 }.prefix(5).map(\.name)
        if !newVoices.isEmpty { sentences.append("New voices: \(join(newVoices)).") }
        if changes.rows.isEmpty { sentences.append("No count changed.") }
        return sentences
    }

    /// The cover's three sentences.
    static func summary(_ data: BriefingData) -> [String] {
        [corpusSentence(data), actorsSentence(data), voicesSentence(data) ?? themesSentence(data)].compactMap { $0 }
    }

    /// Five to seven key findings.
    static func keyFindings(_ data: BriefingData) -> [String] {
        var findings = [corpusSentence(data)]
        if let changes = data.changes, let first = changeSentences(changes).first { findings.append(first) }
        if let actors = actorsSentence(data) { findings.append(actors) }
        let shifts = !themeShifts(data).isEmpty
        if let themes = themesSentence(data) { findings.append(themes) }
        if shifts, let top = data.themes.first {
            findings.append("\(top.name) is the most widespread theme, present in \(ChartFrame.format(top.documents)) of \(count(data.totals.documents, "document")).")
        }
        if let voices = voicesSentence(data) { findings.append(voices) }
        findings.append(attributionSentence(data))
        if let sources = sourcesSentence(data) { findings.append(sources) }
        return Array(findings.prefix(7))
    }
}
