import BriefingModel

/// Builds run.json: what a run read, warned about and wrote.
enum RunJSON {
    /// The run.json value; `timings` are left empty for reproducible runs.
    static func make(configuration: RunConfiguration, report: RunReport, timings: [(String, Double)]) -> JSONText {
        var outputs = report.outputs.map { ($0.0, JSONText.int($0.1)) }
        outputs.append(("run.json", .int(1)))
        outputs.sort { $0.0 < $1.0 }
        return .object([
            ("version", .string(BriefingVersion.current)),
            ("as_of", .string(RunConfiguration.isoTimestamp(configuration.asOf))),
            ("corpus", .string(configuration.corpusPath)),
            ("template", .string(configuration.templatePath)),
            ("documents", .int(report.documents)),
            ("skipped", .int(report.skipped)),
            ("warnings", .array(report.warnings.map { .string($0.description) })),
            ("outputs", .object(outputs)),
            ("timings", .object(timings.map { ($0.0, .seconds($0.1)) })),
        ])
    }
}
