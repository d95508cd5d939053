import ArgumentParser
import BriefingCore
import BriefingModel
import Foundation

/// `briefing run`: reads the corpus and writes the briefing.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Read a corpus and write the briefing (PDF, CSV tables, run.json) into the output folder.",
        discussion: """
        Exit codes: 0 outputs written; 1 internal or I/O failure; 64 usage error; 65 invalid \
        template or manifest, or --strict with warnings; 66 corpus missing or without readable \
        documents; 73 output folder cannot be written; 75 another run holds the output folder.
        """
    )

    @Option(help: "Folder of articles (.txt, .md, .jsonl), read recursively.")
    var corpus = "seeds"

    @Option(help: "Report template (YAML).")
    var template = "ReportTemplates/default.yaml"

    @Option(help: "Output folder (created when missing).")
    var out = "out"

    @Option(help: "Comma-separated outputs to write: pdf, csv.")
    var formats = "pdf,csv"

    @Option(name: .customLong("csv-bom"), help: "Start CSV files with a UTF-8 byte-order mark (true/false).")
    var csvBOM = true

    @Option(help: "Only documents published on or after this day (YYYY-MM-DD).")
    var since: String?

    @Option(help: "Only documents published on or before this day (YYYY-MM-DD).")
    var until: String?

    @Option(help: "Only documents of a period: last-7-days, last-30-days, YYYY or YYYY-MM.")
    var period: String?

    @Flag(help: "Count undated documents in a bounded period too.")
    var includeUndated = false

    @Option(help: "The incremental store (default: <out>/.briefing.sqlite).")
    var store: String?

    @Flag(help: "Re-extract every document, ignoring the analyses kept in the store.")
    var noCache = false

    @Option(name: .customLong("max-document-size"), help: "Skip documents (files or JSONL lines) larger than this many MB, with a warning.")
    var maxDocumentSize = 10

    @Flag(help: "Treat any warning as an error (exit 65, nothing written).")
    var strict = false

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    @Flag(help: "Print what each stage did.")
    var verbose = false

    func validate() throws {
        if quiet && verbose { throw ValidationError("--quiet and --verbose exclude each other") }
        if maxDocumentSize < 1 || maxDocumentSize > 2000 { throw ValidationError("--max-document-size: expected 1 to 2000 (MB)") }
        _ = try parsedFormats()
        _ = try PeriodParser.parse(since: since, until: until, period: period, asOf: Date())
    }

    func parsedFormats() throws -> Set<RunConfiguration.Format> {
        var result: Set<RunConfiguration.Format> = []
        for name in formats.split(separator: ",") {
            let trimmed = name.trimmingCharacters(in: .whitespaces).lowercased()
            guard let format = RunConfiguration.Format(rawValue: trimmed) else {
                throw ValidationError("--formats: unknown format '\(trimmed)'; expected pdf, csv or both (pdf,csv)")
            }
            result.insert(format)
        }
        if result.isEmpty { throw ValidationError("--formats: expected pdf, csv or both (pdf,csv)") }
        return result
    }

    func run() throws {
        AllocatorTuning.apply()
        let log = Log(quiet: quiet, verbose: verbose)
        // SIGTERM and SIGINT stop the run at its next safe point: nothing half-written.
        // (The parent may have left them blocked — a spawned child inherits the mask.)
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGTERM)
        sigaddset(&signals, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
        signal(SIGTERM) { _ in RunControl.requestStop() }
        signal(SIGINT) { _ in RunControl.requestStop() }
        do {
            let (asOf, reproducible) = try RunConfiguration.asOfFromEnvironment(ProcessInfo.processInfo.environment)
            var configuration = RunConfiguration(corpusPath: corpus, templatePath: template, outputPath: out,
                                                 asOf: asOf, reproducible: reproducible)
            configuration.formats = try parsedFormats()
            configuration.csvByteOrderMark = csvBOM
            configuration.strict = strict
            configuration.period = try PeriodParser.parse(since: since, until: until, period: period, asOf: asOf)
            configuration.includeUndated = includeUndated
            configuration.storePath = store
            configuration.noCache = noCache
            configuration.showProgress = !quiet
            configuration.maxDocumentBytes = maxDocumentSize * 1_000_000
            let report = try BriefingRun(configuration: configuration, pdfWriter: PDFStage.writer(configuration: configuration)).run { log.info($0) }
            for warning in report.warnings { log.warning(warning.description) }
            log.info("wrote \(report.outputs.count + 1) files to \(out): \(report.documents) documents, \(report.skipped) skipped")
        } catch let error as ValidationError {
            log.error(error.message)
            throw ExitCode(64)
        } catch let error as BriefingError {
            log.error(error.description)
            throw ExitCode(error.exitCode)
        }
    }
}
