import BriefingModel

/// Builds run.json: what a run read, warned about and wrote.
enum RunJSON {
    /// The run.json value; `timings` are left empty for reproducible runs.
    static func make(configuration: RunConfiguration, report: RunReport, data: BriefingData, timings: [(String, Double)]) -> JSONText {
        var period: [(String, JSONText)] = [("label", .string(data.period.label))]
        if let since = data.period.since { period.append(("since", .string(Period.iso(since)))) }
        if let until = data.period.until { period.append(("until", .string(Period.iso(until)))) }
        period.append(("include_undated", .string(configuration.includeUndated ? "yes" : "no")))
        period.append(("outside_period", .int(data.outsidePeriod)))
        period.append(("undated_excluded", .int(data.undatedExcluded)))
        var outputs = report.outputs.map { ($0.0, JSONText.int($0.1)) }
        outputs.append(("run.json", .int(1)))
        outputs.sort { $0.0 < $1.0 }
        return .object([
            ("version", .string(BriefingVersion.current)),
            ("as_of", .string(RunConfiguration.isoTimestamp(configuration.asOf))),
            ("corpus", .string(configuration.corpusPath)),
            ("template", .string(configuration.templatePath)),
            ("period", .object(period)),
            ("documents", .int(report.documents)),
            ("read", .int(report.read)),
            ("skipped", .int(report.skipped)),
            ("extracted", .int(report.extracted)),
            ("cached", .int(report.cached)),
            ("warnings", .array(report.warnings.map { .string($0.description) })),
            ("outputs", .object(outputs)),
            ("timings", .object(timings.map { ($0.0, .seconds($0.1)) })),
        ])
    }
}
