// BriefingRun: the run — stages in order: ingest → extract → aggregate → CSV / PDF.
// Input: a RunConfiguration. Output: files in the output folder and a RunReport.
// Invariants: per-document work is independent and runs on all cores; outputs are sorted
// explicitly; every file is written atomically; warnings never stop the run (unless --strict).
import BriefingModel
import Foundation

/// What a finished run did.
public struct RunReport: Sendable {
    /// Documents read.
    public var documents: Int
    /// Inputs skipped (files or JSONL lines).
    public var skipped: Int
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
        let listing = corpus.listFiles()
        let read = Parallel.map(listing.files) { corpus.read($0) }
        let documents = read.flatMap(\.documents)
        var warnings = listing.diagnostics + read.flatMap(\.diagnostics)
        warnings.sort()
        let skipped = warnings.filter { $0.message.hasSuffix("skipped") }.count
        clock.lap("ingest")
        progress?("read \(documents.count) documents, \(skipped) skipped")
        guard !documents.isEmpty else { throw .noDocuments(path: configuration.corpusPath) }
        if configuration.strict && !warnings.isEmpty { throw .strictWarnings(warnings.count) }

        let extractor = DocumentExtractor(template: template)
        let analyses = Parallel.map(documents) { extractor.extract($0) }
        clock.lap("extract")
        progress?("extracted \(analyses.reduce(0) { $0 + $1.mentions.count }) mentions, \(analyses.reduce(0) { $0 + $1.quotations.count }) quotations")

        let data = Aggregator.aggregate(documents: documents, analyses: analyses, template: template, skipped: skipped)
        clock.lap("aggregate")

        let output = try OutputFolder(URL(fileURLWithPath: configuration.outputPath))
        var outputs: [(String, Int)] = []
        if configuration.formats.contains(.csv) {
            let tables: [(String, CSVTable)] = [
                ("documents.csv", DocumentsTable.make(documents, analyses: analyses)),
                ("quotes.csv", EvidenceTables.quotes(analyses, template: template)),
                ("mentions.csv", EvidenceTables.mentions(analyses, template: template)),
                ("actor_mentions.csv", StatisticsTables.actors(data)),
                ("themes_by_year.csv", StatisticsTables.themesByYear(data)),
                ("quote_counts.csv", StatisticsTables.quoteCounts(data)),
                ("cooccurrence.csv", StatisticsTables.cooccurrence(data)),
            ]
            for (name, table) in tables {
                try output.write(table.encoded(byteOrderMark: configuration.csvByteOrderMark), to: name)
                outputs.append((name, table.rows.count))
            }
        }
        clock.lap("csv")
        if configuration.formats.contains(.pdf), let pdfWriter {
            let pages = try output.writeFile(named: "briefing.pdf") { temporary throws(BriefingError) in
                try pdfWriter(data, template, warnings, temporary)
            }
            outputs.append(("briefing.pdf", pages))
            clock.lap("pdf")
        }
        let report = RunReport(documents: documents.count, skipped: skipped, warnings: warnings, outputs: outputs)
        let json = RunJSON.make(configuration: configuration, report: report, timings: configuration.reproducible ? [] : clock.laps)
        try output.write(Array(json.rendered().utf8), to: "run.json")
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
