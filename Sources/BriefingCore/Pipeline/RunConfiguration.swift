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

    /// `2026-11-25T08:00:00Z` (UTC, whole seconds: the fraction is dropped). Written from the
    /// proleptic Gregorian calendar's day count: Foundation's ISO8601DateFormatter loads ICU's
    /// calendar data, a tenth of a warm run.
    public static func isoTimestamp(_ date: Date) -> String {
        let seconds = Int64((date.timeIntervalSince1970).rounded(.down))
        let (days, secondOfDay) = seconds.quotientAndRemainder(dividingBy: 86_400)
        let (day, second) = secondOfDay < 0 ? (days - 1, secondOfDay + 86_400) : (days, secondOfDay)
        let (year, month, dayOfMonth) = civilDate(daysSince1970: day)
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let yearText = year >= 0 && year < 1000 ? String(repeating: "0", count: 4 - String(year).count) + String(year) : String(year)
        return "\(yearText)-\(two(month))-\(two(dayOfMonth))T\(two(second / 3600)):\(two(second / 60 % 60)):\(two(second % 60))Z"
    }

    /// (year, month, day) of the day `days` after 1970-01-01, in the proleptic Gregorian calendar:
    /// counted in 400-year eras of 146,097 days, each year starting on 1 March so that the leap
    /// day falls at a year's end.
    static func civilDate(daysSince1970 days: Int64) -> (Int64, Int64, Int64) {
        let shifted = days + 719_468  // days from 0000-03-01
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097  // 0...146096
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365  // 0...399
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)  // 0...365, from 1 March
        let monthFromMarch = (5 * dayOfYear + 2) / 153  // 0...11
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }
}
