import BriefingModel
import Foundation

/// Everything a run needs to know, decided by the CLI (or a test) before it starts.
public struct RunConfiguration: Sendable {
    /// Output formats a run can write.
    public enum Format: String, Sendable, CaseIterable {
        /// The PDF briefing.
        case pdf
        /// The CSV tables.
        case csv
    }

    /// The corpus folder, as the user gave it (shown in run.json).
    public var corpusPath: String
    /// The template file, as the user gave it.
    public var templatePath: String
    /// The output folder, as the user gave it.
    public var outputPath: String
    /// Which outputs to write.
    public var formats: Set<Format> = [.pdf, .csv]
    /// Whether CSV files start with a UTF-8 byte-order mark.
    public var csvByteOrderMark = true
    /// Whether any warning fails the run (exit 65).
    public var strict = false
    /// The run's "as of" instant: SOURCE_DATE_EPOCH when set, else the clock.
    public var asOf: Date
    /// True when `asOf` came from SOURCE_DATE_EPOCH (outputs must then be byte-identical).
    public var reproducible: Bool
    /// The publication dates covered.
    public var period = Period.all
    /// Whether undated documents count in a bounded period.
    public var includeUndated = false
    /// The store (default: `<out>/.briefing.sqlite`).
    public var storePath: String?
    /// Re-extract every document, ignoring the store's analyses (the store is still updated).
    public var noCache = false
    /// Documents (files or JSONL lines) larger than this are skipped with a warning.
    public var maxDocumentBytes = 10_000_000
    /// Show a progress line on stderr when it is a terminal.
    public var showProgress = false

    /// Creates a configuration.
    public init(corpusPath: String, templatePath: String, outputPath: String, asOf: Date, reproducible: Bool) {
        self.corpusPath = corpusPath
        self.templatePath = templatePath
        self.outputPath = outputPath
        self.asOf = asOf
        self.reproducible = reproducible
    }

    /// The as-of instant from the environment: SOURCE_DATE_EPOCH (seconds) when set and valid.
    public static func asOfFromEnvironment(_ environment: [String: String]) throws(BriefingError) -> (Date, Bool) {
        guard let value = environment["SOURCE_DATE_EPOCH"], !value.isEmpty else { return (Date(), false) }
        guard let seconds = Int(value), seconds >= 0 else {
            throw .usage("SOURCE_DATE_EPOCH='\(value)' is not a number of seconds since 1970")
        }
        return (Date(timeIntervalSince1970: TimeInterval(seconds)), true)
    }

    /// `2026-11-25T08:00:00Z`.
    public static func isoTimestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
