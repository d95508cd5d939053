// BriefingRun: the run — stages in order: ingest → extract → aggregate → CSV / PDF.
// Input: a RunConfiguration. Output: files in the output folder, the store updated, a RunReport.
// Invariants: one run per output folder (lock); per-document work is independent and runs on all
// cores; unchanged documents come from the store; outputs are sorted explicitly; every output is
// written completely under a temporary name first and all are renamed in one short burst at the
// end, so a killed run leaves the previous outputs whole; warnings never stop the run (unless
// --strict).
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

    /// Creates a run.
    public init(configuration: RunConfiguration, pdfWriter: PDFWriter? = nil) {
        self.configuration = configuration
        self.pdfWriter = pdfWriter
    }

    /// Runs every stage; throws a BriefingError mapped to an exit code.
    public func run(progress: (@Sendable (String) -> Void)? = nil) throws(BriefingError) -> RunReport {
        var clock = StageClock()
        let template = try TemplateLoader.load(path: configuration.templatePath)
        let corpus = try CorpusReader(root: URL(fileURLWithPath: configuration.corpusPath))
        let output = try OutputFolder(URL(fileURLWithPath: configuration.outputPath))
        let lock = try RunLock(folder: output.url)
        defer { withExtendedLifetime(lock) {} }
        output.removeStaleTemporaries()

        var warnings: [Diagnostic] = []
        let storePath = configuration.storePath ?? output.url.appendingPathComponent(".briefing.sqlite").path
        let store = try AnalysisStore.open(path: storePath, warnings: &warnings)

        // Ingest and extract, file by file, on all cores; unchanged documents from the store.
        let listing = corpus.listFiles()
        let processor = DocumentProcessor(corpus: corpus, extractor: DocumentExtractor(template: template), store: store,
                                          useCache: !configuration.noCache, rules: ExtractionRules.fingerprint(template))
        let meter = Progress(total: listing.files.count, enabled: configuration.showProgress)
        let processed = Parallel.map(listing.files) { file in
            let result = processor.process(file)
            meter.advance()
            return result
        }
        meter.finish()
        warnings += listing.diagnostics + processed.flatMap(\.diagnostics)
        warnings.sort()
        let skipped = warnings.filter { $0.message.hasSuffix("skipped") }.count
        let allDocuments = processed.flatMap(\.documents)
        let allAnalyses = processed.flatMap(\.analyses)
        let cached = processed.reduce(0) { $0 + $1.cached }
        try store.save(processed.flatMap(\.fresh))
        clock.lap("extract")
        progress?("read \(allDocuments.count) documents (\(cached) from the store), \(skipped) inputs skipped")
        guard !allDocuments.isEmpty else { throw .noDocuments(path: configuration.corpusPath) }
        if configuration.strict && !warnings.isEmpty { throw .strictWarnings(warnings.count) }

        // The period.
        var documents: [Document] = [], analyses: [DocumentAnalysis] = []
        var undatedExcluded = 0, outside = 0
        for (document, analysis) in zip(allDocuments, allAnalyses) {
            if let published = document.published {
                guard configuration.period.contains(published) else { outside += 1; continue }
            } else if !configuration.includeUndated && configuration.period.isBounded {
                undatedExcluded += 1
                continue
            }
            documents.append(document)
            analyses.append(analysis)
        }

        var data = Aggregator.aggregate(documents: documents, analyses: analyses, template: template, skipped: skipped)
        data.period = configuration.period
        data.undatedExcluded = undatedExcluded
        data.outsidePeriod = outside
        let scope = output.url.standardizedFileURL.path + "|" + URL(fileURLWithPath: configuration.templatePath).standardizedFileURL.path
        let asOf = RunConfiguration.isoTimestamp(configuration.asOf)
        let snapshot = ChangeDetector.snapshot(data, asOf: asOf)
        let previous = store.lastSnapshot(scope: scope)
        let newDocuments = try store.newDocumentCount(scope: scope, documents: documents.map(\.id))
        if let previous {
            data.changes = ChangeDetector.compare(previous: previous, current: snapshot, newDocuments: newDocuments)
        }
        clock.lap("aggregate")

        // Every output is written under a temporary name first.
        var staged = StagedOutputs(folder: output)
        defer { staged.discard() }
        if configuration.formats.contains(.csv) {
            let tables: [(String, CSVTable)] = [
                ("documents.csv", DocumentsTable.make(documents, analyses: analyses)),
                ("quotes.csv", EvidenceTables.quotes(analyses, template: template)),
                ("mentions.csv", EvidenceTables.mentions(analyses, template: template)),
                ("actor_mentions.csv", StatisticsTables.actors(data)),
                ("themes_by_year.csv", StatisticsTables.themesByYear(data)),
                ("quote_counts.csv", StatisticsTables.quoteCounts(data)),
                ("cooccurrence.csv", StatisticsTables.cooccurrence(data)),
                ("changes.csv", ChangesTable.make(data)),
            ]
            for (name, table) in tables {
                try staged.write(table.encoded(byteOrderMark: configuration.csvByteOrderMark), name: name, rows: table.rows.count)
            }
            clock.lap("csv")
        }
        if configuration.formats.contains(.pdf), let pdfWriter {
            try staged.produce(name: "briefing.pdf") { path throws(BriefingError) in
                try pdfWriter(data, template, warnings, path)
            }
            clock.lap("pdf")
        }
        let report = RunReport(documents: documents.count, read: allDocuments.count, skipped: skipped,
                               extracted: allDocuments.count - cached, cached: cached, warnings: warnings, outputs: staged.outputs)
        let json = RunJSON.make(configuration: configuration, report: report, data: data,
                                timings: configuration.reproducible ? [] : clock.laps)
        try staged.write(Array(json.rendered().utf8), name: "run.json", rows: 1)
        try staged.commit()
        // The run is complete: remember it for the next run's comparison.
        try store.recordRun(scope: scope, snapshot: snapshot, documents: documents.map(\.id))
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
