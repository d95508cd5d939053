// BriefingRun: the run — stages in order: ingest → extract → aggregate → CSV / PDF.
// Input: a RunConfiguration. Output: files in the output folder, the store updated, a RunReport.
// Invariants: one run per output folder (lock); per-document work is independent and runs on all
// cores; unchanged documents come from the store; outputs are sorted explicitly; every output is
// written into a new generation folder published by one rename (StagedOutputs), so a killed run
// leaves the previous outputs whole; warnings never stop the run (unless --strict).
import BriefingModel
import Foundation

/// What a finished run did.
public struct RunReport: Sendable {
    /// Documents in the briefing (after the period filter).
    public var documents: Int
    /// Documents read from the corpus.
    public var read: Int
    /// Inputs skipped (files or JSONL lines).
    public var skipped: Int
    /// Documents analysed in this run.
    public var extracted: Int
    /// Documents whose analysis came from the store.
    public var cached: Int
    /// Warnings, sorted.
    public var warnings: [Diagnostic]
    /// Output files written, with their row counts (PDF: pages).
    public var outputs: [(String, Int)]
}

/// Writes the PDF: (statistics, template, warnings, temporary path) → pages. Injected by the CLI so
/// that the core stages never see Cairo.
public typealias PDFWriter = @Sendable (BriefingData, ReportTemplate, [Diagnostic], String) throws(BriefingError) -> Int

/// Runs the briefing pipeline.
public struct BriefingRun: Sendable {
    /// The configuration.
    public let configuration: RunConfiguration
    /// The PDF stage (nil: no PDF can be written).
    public let pdfWriter: PDFWriter?
    /// Processed batches that may wait for the fold at once (each holds its rows and analyses).
    static let batchesAwaitingFold = 2
    /// The store's file in the output folder (unless `--store` names another).
    static let storeName = ".briefing.sqlite"

    /// Creates a run.
    public init(configuration: RunConfiguration, pdfWriter: PDFWriter? = nil) {
        self.configuration = configuration
        self.pdfWriter = pdfWriter
    }

    /// Runs every stage; throws a BriefingError mapped to an exit code.
    public func run(progress: (@Sendable (String) -> Void)? = nil) throws(BriefingError) -> RunReport {
        var clock = StageClock()
        let template = try TemplateLoader.load(path: configuration.templatePath)
        let folder = try CorpusReader(listing: URL(fileURLWithPath: configuration.corpusPath))
        // A run that cannot reuse the last one (no store yet, or --no-cache) reads the manifest at
        // once, so that a bad manifest stops it before the output folder is touched; one that may
        // reuse it reads the manifest only once it turns out to read documents.
        let defaultStore = URL(fileURLWithPath: configuration.outputPath).appendingPathComponent(Self.storeName).path
        let mayReuse = !configuration.noCache && FileManager.default.fileExists(atPath: configuration.storePath ?? defaultStore)
        let early: CorpusReader? = mayReuse ? nil : try folder.withManifest()
        let output = try OutputFolder(URL(fileURLWithPath: configuration.outputPath))
        let lock = try RunLock(folder: output.url)
        defer { withExtendedLifetime(lock) {} }
        output.removeStaleTemporaries()

        var warnings: [Diagnostic] = []
        let storePath = configuration.storePath ?? output.url.appendingPathComponent(Self.storeName).path
        let store = try AnalysisStore.open(path: storePath, warnings: &warnings)
        let scope = output.url.standardizedFileURL.path + "|" + URL(fileURLWithPath: configuration.templatePath).standardizedFileURL.path
        let asOf = RunConfiguration.isoTimestamp(configuration.asOf)
        let rules = ExtractionRules.fingerprint(template)
        let listing = folder.listFiles()
        let (signature, sizes) = RunReuse.signature(listing: listing.files, corpusRoot: folder.root, configuration: configuration)

        // Evidence files are written row by row as documents are analysed.
        var staged = try StagedOutputs(folder: output)
        defer { staged.discard() }
        if !configuration.noCache, let previous = store.reusableRun(scope: scope), previous.signature == signature,
           RunReuse.intact(previous, in: output.url) {
            return try reuse(previous, store: store, scope: scope, rules: rules, asOf: asOf, template: template, staged: &staged, output: output,
                             clock: &clock)
        }
        let corpus: CorpusReader
        if let early { corpus = early } else { corpus = try folder.withManifest() }
        let bom = configuration.csvByteOrderMark
        let documentsCSV = try staged.stream("documents.csv", header: DocumentsTable.header, byteOrderMark: bom)
        let quotesCSV = try staged.stream("quotes.csv", header: EvidenceTables.quotesHeader, byteOrderMark: bom)
        let mentionsCSV = try staged.stream("mentions.csv", header: EvidenceTables.mentionsHeader, byteOrderMark: bom)

        // Ingest and extract in bounded batches on all cores; unchanged documents from the store;
        // per-document counts added as they come.
        warnings += listing.diagnostics
        // Documents are looked up in the store only when it holds analyses under these rules (a
        // run's own are indexed at its end): a first run, or the first after the template's rules
        // changed, asks nothing (200,000 JSONL documents into a new store: 32.6 s with a miss per
        // document, 23.3-25.0 s without, as with --no-cache).
        let lookUp = !configuration.noCache && store.holdsAnalyses(rules: rules)
        var setup = DocumentProcessor(corpus: corpus, extractor: DocumentExtractor(template: template), store: store,
                                      useCache: lookUp, rules: rules)
        setup.maxDocumentBytes = configuration.maxDocumentBytes
        setup.period = configuration.period
        setup.includeUndated = configuration.includeUndated
        let processor = setup
        let stream = CorpusStream(files: listing.files, sizes: sizes, maxDocumentBytes: configuration.maxDocumentBytes)
        let meter = Progress(total: listing.files.count, enabled: configuration.showProgress)
        // Each processed batch is folded in (store, rows, statistics) on a serial queue while the
        // next batches are processed; at most two batches wait to be folded, so that a slow fold
        // (the store's log written back) does not stop the cores (200k JSONL documents: the
        // analysis waited 1.6-1.8 s for folds with one, 0.04 s with two).
        try store.beginJournal()
        let sink = BatchSink(store: store, scope: scope, rules: rules, writers: (documentsCSV, quotesCSV, mentionsCSV),
                             featuredLimit: template.limits.documentsListed, quotesPerSpeaker: template.limits.quotesPerSpeaker)
        let folding = DispatchQueue(label: "briefing.fold")
        let inFlight = DispatchGroup()
        let foldSlots = DispatchSemaphore(value: Self.batchesAwaitingFold)
        // Unchanged article files: their stored analyses, fetched in one transaction per batch.
        @Sendable func prepare(_ batch: [WorkUnit]) -> (units: [WorkUnit], stored: [AnalysisStore.Prefetched?]) {
            var prefetched = [AnalysisStore.Prefetched?](repeating: nil, count: batch.count)
            if lookUp {
                var wanted: [(Int, (path: String, signature: String))] = []
                for (index, unit) in batch.enumerated() {
                    if case .article(let file) = unit, let (signature, size) = DocumentProcessor.signature(file), size <= configuration.maxDocumentBytes {
                        wanted.append((index, (file.path, signature)))
                    }
                }
                for (position, found) in store.prefetch(wanted.map(\.1), rules: processor.rules).enumerated() {
                    prefetched[wanted[position].0] = found
                }
            }
            return (batch, prefetched)
        }
        // The article files a prepared batch will read (those the store does not have).
        @Sendable func toRead(_ prepared: (units: [WorkUnit], stored: [AnalysisStore.Prefetched?])) -> [String] {
            zip(prepared.units, prepared.stored).compactMap { unit, stored in
                if stored == nil, case .article(let file) = unit { return file.path }
                return nil
            }
        }
        // Batches are prepared one ahead: the next one is read (JSONL lines split, files'
        // status and stored analyses asked, their pages advised to the kernel) on a queue of its
        // own while the current one is analysed, so that no core waits for the reading.
        let ahead = BatchesAhead(stream, prepare: prepare, toRead: toRead)
        let readingNext = DispatchQueue(label: "briefing.read-next")
        var upcoming = ahead.read()
        while let (batch, prefetched) = upcoming {
            let reading = DispatchGroup()
            readingNext.async(group: reading) { ahead.readNext() }
            let jobs = Array(zip(batch, prefetched))
            let results = Parallel.map(jobs) { processor.process($0.0, prefetched: $0.1) }
            reading.wait()
            upcoming = ahead.takeNext()
            meter.advance(by: batch.filter { if case .lines = $0 { return false } else { return true } }.count)
            foldSlots.wait()
            if let error = sink.error {
                inFlight.wait()
                throw error
            }
            inFlight.enter()
            folding.async {
                sink.fold(results)
                foldSlots.signal()
                inFlight.leave()
            }
            if RunControl.stopRequested { inFlight.wait(); throw .stopped }
        }
        inFlight.wait()
        if let error = sink.error { throw error }
        warnings += sink.warnings
        let (read, cached, outside, undatedExcluded, newDocuments) = (sink.read, sink.cached, sink.outside, sink.undatedExcluded, sink.newDocuments)
        let (accumulator, featured, featuredQuotes) = (sink.accumulator, sink.featured, sink.quotes)
        meter.finish()
        warnings.sort()
        let skipped = warnings.filter { $0.message.hasSuffix("skipped") }.count
        clock.lap("extract")
        progress?("read \(read) documents (\(cached) from the store), \(skipped) inputs skipped")
        guard read > 0 else { throw .noDocuments(path: configuration.corpusPath) }
        if configuration.strict && !warnings.isEmpty { throw .strictWarnings(warnings.count) }
        for writer in [documentsCSV, quotesCSV, mentionsCSV] { try writer.close() }

        var data = Aggregator.finish(accumulator, template: template, skipped: skipped)
        data.featuredDocuments = featured.records(template: template)
        // Gathered during the pass; read back from quotes.csv only when a leading speaker lost
        // quotations to the bound on the speakers tracked.
        if let quotes = featuredQuotes.quotes(for: Aggregator.leadingSpeakers(data.speakers, template: template)) {
            data.featuredQuotes = quotes
        } else {
            data.featuredQuotes = try Aggregator.featuredQuotes(data.speakers, quotesFile: quotesCSV.url, documentsFile: documentsCSV.url,
                                                                template: template)
        }
        data.period = configuration.period
        data.undatedExcluded = undatedExcluded
        data.outsidePeriod = outside
        let snapshot = ChangeDetector.snapshot(data, asOf: asOf)
        if let previous = store.lastSnapshot(scope: scope) {
            data.changes = ChangeDetector.compare(previous: previous, current: snapshot, newDocuments: newDocuments)
        }
        clock.lap("aggregate")

        if configuration.formats.contains(.csv) {
            let tables: [(String, CSVTable)] = [
                ("actor_mentions.csv", StatisticsTables.actors(data)),
                ("themes_by_year.csv", StatisticsTables.themesByYear(data)),
                ("quote_counts.csv", StatisticsTables.quoteCounts(data)),
                ("cooccurrence.csv", StatisticsTables.cooccurrence(data)),
                ("changes.csv", ChangesTable.make(data)),
            ]
            for (name, table) in tables {
                try staged.write(table.encoded(byteOrderMark: bom), name: name, rows: table.rows.count)
            }
            clock.lap("csv")
        } else {
            staged.drop(["documents.csv", "quotes.csv", "mentions.csv"])
        }
        if configuration.formats.contains(.pdf), let pdfWriter {
            try staged.produce(name: "briefing.pdf") { path throws(BriefingError) in
                try pdfWriter(data, template, warnings, path)
            }
            clock.lap("pdf")
        }
        let report = RunReport(documents: data.totals.documents, read: read, skipped: skipped,
                               extracted: read - cached, cached: cached, warnings: warnings, outputs: staged.outputs)
        let json = RunJSON.make(configuration: configuration, report: report, data: data,
                                timings: configuration.reproducible ? [] : clock.laps)
        try staged.write(Array(json.rendered().utf8), name: "run.json", rows: 1)
        if RunControl.stopRequested { throw .stopped }
        try staged.commit()
        // The run is complete: remember it for the next run's comparison, and for reuse.
        try store.recordRun(scope: scope, rules: rules, snapshot: snapshot, recordsKeys: true)
        var kept = data
        kept.changes = nil
        let tables = Dictionary(uniqueKeysWithValues: report.outputs.filter { $0.0.hasSuffix(".csv") && $0.0 != "changes.csv" }.map { ($0.0, $0.1) })
        try store.keep(ReusableRun(signature: signature, data: kept, read: read, skipped: skipped, warnings: warnings, tables: tables,
                                   files: RunReuse.signatures(of: Array(tables.keys), in: output.url)), scope: scope)
        return report
    }

    /// Nothing changed since the last run: its evidence and statistics files stay as they are; run.json,
    /// changes.csv and the PDF (which carry the as-of time) are made anew.
    private func reuse(_ previous: ReusableRun, store: AnalysisStore, scope: String, rules: String, asOf: String, template: ReportTemplate,
                       staged: inout StagedOutputs, output: OutputFolder, clock: inout StageClock) throws(BriefingError) -> RunReport {
        var data = previous.data
        let snapshot = ChangeDetector.snapshot(data, asOf: asOf)
        if let last = store.lastSnapshot(scope: scope) {
            data.changes = ChangeDetector.compare(previous: last, current: snapshot, newDocuments: 0)
        }
        for name in previous.tables.keys.sorted() { try staged.keep(name, rows: previous.tables[name] ?? 0) }
        if configuration.formats.contains(.csv) {
            let changes = ChangesTable.make(data)
            try staged.write(changes.encoded(byteOrderMark: configuration.csvByteOrderMark), name: "changes.csv", rows: changes.rows.count)
        }
        clock.lap("reuse")
        if configuration.formats.contains(.pdf), let pdfWriter {
            try staged.produce(name: "briefing.pdf") { path throws(BriefingError) in
                try pdfWriter(data, template, previous.warnings, path)
            }
            clock.lap("pdf")
        }
        let report = RunReport(documents: data.totals.documents, read: previous.read, skipped: previous.skipped,
                               extracted: 0, cached: previous.read, warnings: previous.warnings, outputs: staged.outputs)
        let json = RunJSON.make(configuration: configuration, report: report, data: data,
                                timings: configuration.reproducible ? [] : clock.laps)
        try staged.write(Array(json.rendered().utf8), name: "run.json", rows: 1)
        if RunControl.stopRequested { throw .stopped }
        try staged.commit()
        try store.recordRun(scope: scope, rules: rules, snapshot: snapshot, documents: [])
        return report
    }
}

/// Measures the wall time of each stage.
struct StageClock {
    private var last = DispatchTime.now()
    /// Stage names and seconds, in order.
    private(set) var laps: [(String, Double)] = []

    mutating func lap(_ name: String) {
        let now = DispatchTime.now()
        laps.append((name, Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9))
        last = now
    }
}

/// The totals of a run's processed batches: each batch is folded in on one serial queue, in
/// corpus order (stored analyses saved, rows streamed to the evidence files, counts added).
/// Read only after the queue is drained.
/// The corpus stream and the batch read ahead of the one being analysed. `readNext` runs on one
/// queue while the caller analyses; the caller takes the batch only after waiting for it, so the
/// stream is never used by two threads at once.
private final class BatchesAhead: @unchecked Sendable {
    typealias Prepared = (units: [WorkUnit], stored: [AnalysisStore.Prefetched?])
    private var stream: CorpusStream
    private let prepare: @Sendable ([WorkUnit]) -> Prepared
    private let toRead: @Sendable (Prepared) -> [String]
    private var next: Prepared?

    init(_ stream: CorpusStream, prepare: @escaping @Sendable ([WorkUnit]) -> Prepared,
         toRead: @escaping @Sendable (Prepared) -> [String]) {
        self.stream = stream
        self.prepare = prepare
        self.toRead = toRead
    }

    /// The next batch, prepared, its files advised to the kernel (nil at the end).
    func read() -> Prepared? {
        guard let units = stream.next() else { return nil }
        let prepared = prepare(units)
        ReadAhead.advise(toRead(prepared))
        return prepared
    }

    /// Reads the next batch and keeps it for `takeNext`.
    func readNext() { next = read() }

    /// The batch `readNext` kept.
    func takeNext() -> Prepared? {
        defer { next = nil }
        return next
    }
}

private final class BatchSink: @unchecked Sendable {
    let store: AnalysisStore
    let scope: String
    /// The matching rules of the run (the analyses saved are made under them).
    let rules: String
    let writers: (documents: CSVStreamWriter, quotes: CSVStreamWriter, mentions: CSVStreamWriter)
    var warnings: [Diagnostic] = []
    var read = 0, cached = 0, outside = 0, undatedExcluded = 0, newDocuments = 0
    var accumulator = StatisticsAccumulator()
    var featured: FeaturedDocuments
    var quotes: FeaturedQuotes
    /// Whether the scope has recorded documents before (asked at the first batch).
    private var hasHistory: Bool?
    /// The first error; later batches are not folded (asked while the next batches are folded).
    var error: BriefingError? { errorLock.withLock { firstError } }
    private var firstError: BriefingError?
    private let errorLock = NSLock()

    init(store: AnalysisStore, scope: String, rules: String, writers: (CSVStreamWriter, CSVStreamWriter, CSVStreamWriter), featuredLimit: Int,
         quotesPerSpeaker: Int) {
        self.store = store
        self.scope = scope
        self.rules = rules
        self.writers = writers
        featured = FeaturedDocuments(limit: featuredLimit)
        quotes = FeaturedQuotes(limit: quotesPerSpeaker)
    }

    func fold(_ results: [ProcessedFile]) {
        guard error == nil else { return }
        do throws(BriefingError) {
            try store.save(results.flatMap(\.fresh), rules: rules)
            try store.rememberFiles(results.flatMap(\.files))
            var batchSeen: [UInt64] = [], batchUsed: [UInt64] = []
            for result in results {
                warnings += result.diagnostics
                cached += result.cached
                read += result.read
                outside += result.outsidePeriod
                undatedExcluded += result.undatedExcluded
                for counts in result.counts { accumulator.add(counts) }
                try writers.documents.appendEncoded(result.documentRows, rows: result.rowCounts.documents)
                try writers.quotes.appendEncoded(result.quoteRows, rows: result.rowCounts.quotes)
                try writers.mentions.appendEncoded(result.mentionRows, rows: result.rowCounts.mentions)
                for record in result.featured { featured.add(record) }
                for candidate in result.quoteCandidates { quotes.add(candidate) }
                batchSeen += result.documentKeys
                batchUsed += result.usedKeys
            }
            // Without a history (a first run) every document is new: nothing to look up. The
            // history is written only when the run is recorded, after the last batch.
            if hasHistory == nil { hasHistory = try store.hasHistory(scope: scope) }
            let batchUnseen = hasHistory == true ? try store.unseen(scope: scope, among: batchSeen) : batchSeen
            newDocuments += batchUnseen.count
            // Only these are added to the history (the others are in it already). Journaled in the
            // store, not held: a million documents' keys were 16 MB, and more while arrays grew.
            try store.journal(unseen: batchUnseen, used: batchUsed)
        } catch {
            errorLock.withLock { firstError = error }
        }
    }
}
