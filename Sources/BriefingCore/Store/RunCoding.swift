// RunCoding: the stored form of a run kept for reuse (`ReusableRun`), in the same varint and
// length-prefixed UTF-8 form as the analyses (BinaryCoding). Decoding it with Foundation's
// JSONDecoder was the largest step of a warm run (52 M instructions at 10,000 documents).
// A record that does not read back exactly (another format, truncated, trailing bytes) is nil:
// the run is then made in full, as for any unexpected state.
import BriefingModel

extension BinaryWriter {
    /// The format byte of a kept run (analyses start with 1).
    static let runFormat: UInt8 = 2

    /// A kept run's stored form.
    static func encode(_ run: ReusableRun) -> [UInt8] {
        var writer = BinaryWriter(format: runFormat)
        writer.write(run)
        return writer.bytes
    }

    mutating func bool(_ value: Bool) { int(value ? 1 : 0) }

    /// -1 for nil (counts and offsets are never negative).
    mutating func optional(_ value: Int?) { int(value ?? -1) }

    /// Pairs in key order, so that equal dictionaries give equal bytes.
    mutating func dictionary<Value>(_ values: [String: Value], _ element: (inout BinaryWriter, Value) -> Void) {
        int(values.count)
        for key in values.keys.sorted() {
            string(key)
            if let value = values[key] { element(&self, value) }
        }
    }

    mutating func write(_ run: ReusableRun) {
        string(run.signature)
        write(run.data)
        int(run.read)
        int(run.skipped)
        int(run.warnings.count)
        for warning in run.warnings {
            string(warning.severity.rawValue)
            string(warning.path)
            optional(warning.line)
            optional(warning.column)
            string(warning.message)
        }
        dictionary(run.tables) { $0.int($1) }
        dictionary(run.files) { $0.string($1) }
    }

    mutating func write(_ data: BriefingData) {
        let totals = data.totals
        for value in [totals.documents, totals.words, totals.skipped, totals.undated, totals.mentions, totals.quotations,
                      totals.attributedQuotations] { int(value) }
        date(totals.firstPublished)
        date(totals.lastPublished)
        int(data.actors.count)
        for actor in data.actors {
            string(actor.name)
            string(actor.kind.rawValue)
            bool(actor.inTemplate)
            int(actor.mentions)
            int(actor.documents)
            date(actor.firstPublished)
            date(actor.lastPublished)
        }
        int(data.themesByYear.count)
        for cell in data.themesByYear { string(cell.theme); string(cell.year); int(cell.documents); int(cell.mentions) }
        int(data.themes.count)
        for theme in data.themes { string(theme.name); int(theme.documents); int(theme.mentions) }
        int(data.speakers.count)
        for speaker in data.speakers { string(speaker.speaker); string(speaker.actor); int(speaker.quotes); int(speaker.documents) }
        for counts in [data.sources, data.years] { write(counts) }
        int(data.cooccurrence.count)
        for pair in data.cooccurrence { string(pair.first); string(pair.second); int(pair.documents) }
        write(data.suggestedActors)
        int(data.featuredQuotes.count)
        for quote in data.featuredQuotes {
            string(quote.speaker); string(quote.text); string(quote.documentID); string(quote.source); date(quote.published); int(quote.start)
        }
        int(data.featuredDocuments.count)
        for document in data.featuredDocuments {
            string(document.id); string(document.title); string(document.source); date(document.published)
            int(document.words); int(document.mentions); int(document.quotes)
            int(document.topActors.count)
            for actor in document.topActors { string(actor) }
        }
        bool(data.changes != nil)
        if let changes = data.changes {
            string(changes.previousAsOf)
            int(changes.previousDocuments); int(changes.currentDocuments); int(changes.newDocuments)
            int(changes.rows.count)
            for row in changes.rows { string(row.kind); string(row.name); int(row.previous); int(row.current) }
        }
        optional(data.period.since)
        optional(data.period.until)
        string(data.period.label)
        int(data.undatedExcluded)
        int(data.outsidePeriod)
    }

    private mutating func write(_ counts: [CountStat]) {
        int(counts.count)
        for count in counts { string(count.name); int(count.count) }
    }
}

extension BinaryReader {
    /// The kept run in `bytes`, or nil when they are not exactly one.
    static func readRun(_ bytes: [UInt8]) -> ReusableRun? {
        guard bytes.first == BinaryWriter.runFormat else { return nil }
        var reader = BinaryReader(bytes)
        reader.skipFormat()
        let run = reader.run()
        guard !reader.failed, reader.atEnd else { return nil }
        return run
    }

    mutating func bool() -> Bool {
        let value = int()
        if value != 0 && value != 1 { failed = true }
        return value == 1
    }

    mutating func optional() -> Int? {
        let value = int()
        if value < -1 { failed = true }
        return value < 0 ? nil : value
    }

    /// A date written by `BinaryWriter.date` ("" for none); a text that is not a date fails.
    mutating func date() -> PublishedDate? {
        let text = string()
        guard !text.isEmpty else { return nil }
        guard let date = PublishedDate(iso: text) else { failed = true; return nil }
        return date
    }

    /// `count()` elements read by `element`; stops at the first failure.
    mutating func list<Element>(_ element: (inout BinaryReader) -> Element) -> [Element] {
        let count = count()
        var result: [Element] = []
        result.reserveCapacity(count)
        for _ in 0..<count {
            result.append(element(&self))
            if failed { break }
        }
        return result
    }

    mutating func dictionary<Value>(_ element: (inout BinaryReader) -> Value) -> [String: Value] {
        var result: [String: Value] = [:]
        for (key, value) in list({ reader in (reader.string(), element(&reader)) }) { result[key] = value }
        return result
    }

    mutating func run() -> ReusableRun {
        let signature = string()
        let data = briefingData()
        let read = int(), skipped = int()
        let warnings = list { reader -> Diagnostic in
            let severityText = reader.string()
            let severity = Diagnostic.Severity(rawValue: severityText) ?? .warning
            if Diagnostic.Severity(rawValue: severityText) == nil { reader.failed = true }
            return Diagnostic(severity, path: reader.string(), line: reader.optional(), column: reader.optional(), message: reader.string())
        }
        let tables = dictionary { $0.int() }
        let files = dictionary { $0.string() }
        return ReusableRun(signature: signature, data: data, read: read, skipped: skipped, warnings: warnings, tables: tables, files: files)
    }

    mutating func briefingData() -> BriefingData {
        var data = BriefingData()
        data.totals.documents = int()
        data.totals.words = int()
        data.totals.skipped = int()
        data.totals.undated = int()
        data.totals.mentions = int()
        data.totals.quotations = int()
        data.totals.attributedQuotations = int()
        data.totals.firstPublished = date()
        data.totals.lastPublished = date()
        data.actors = list { reader in
            let name = reader.string(), kindText = reader.string()
            let kind = ActorKind(rawValue: kindText) ?? .other
            if ActorKind(rawValue: kindText) == nil { reader.failed = true }
            return ActorStat(name: name, kind: kind, inTemplate: reader.bool(), mentions: reader.int(), documents: reader.int(),
                             firstPublished: reader.date(), lastPublished: reader.date())
        }
        data.themesByYear = list { ThemeYearStat(theme: $0.string(), year: $0.string(), documents: $0.int(), mentions: $0.int()) }
        data.themes = list { ThemeStat(name: $0.string(), documents: $0.int(), mentions: $0.int()) }
        data.speakers = list { SpeakerStat(speaker: $0.string(), actor: $0.string(), quotes: $0.int(), documents: $0.int()) }
        data.sources = counts()
        data.years = counts()
        data.cooccurrence = list { PairStat(first: $0.string(), second: $0.string(), documents: $0.int()) }
        data.suggestedActors = counts()
        data.featuredQuotes = list {
            QuoteRecord(speaker: $0.string(), text: $0.string(), documentID: $0.string(), source: $0.string(), published: $0.date(),
                        start: $0.int())
        }
        data.featuredDocuments = list { reader in
            DocumentRecord(id: reader.string(), title: reader.string(), source: reader.string(), published: reader.date(),
                           words: reader.int(), mentions: reader.int(), quotes: reader.int(), topActors: reader.list { $0.string() })
        }
        if bool() {
            data.changes = ChangeSet(previousAsOf: string(), previousDocuments: int(), currentDocuments: int(), newDocuments: int(),
                                     rows: list { ChangeRow(kind: $0.string(), name: $0.string(), previous: $0.int(), current: $0.int()) })
        }
        data.period = Period(since: optional(), until: optional(), label: string())
        data.undatedExcluded = int()
        data.outsidePeriod = int()
        return data
    }

    private mutating func counts() -> [CountStat] { list { CountStat(name: $0.string(), count: $0.int()) } }
}
