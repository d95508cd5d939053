import BriefingCore
import BriefingModel
import BriefingPDF
import Foundation

/// The PDF stage as the CLI wires it: the renderer, and qpdf (when installed) to repair the
/// internal links that cairo 1.16 writes incompletely.
enum PDFStage {
    static func writer(configuration: RunConfiguration) -> PDFWriter {
        let asOfISO = RunConfiguration.isoTimestamp(configuration.asOf)
        let display = displayDate(configuration.asOf)
        let corpus = configuration.corpusPath, templatePath = configuration.templatePath
        return { data, template, warnings, path throws(BriefingError) in
            let info = RenderInfo(asOfISO: asOfISO, asOfDisplay: display, corpus: corpus, template: templatePath,
                                  warnings: warnings.map(\.description))
            return try PDFRenderer.render(data, template: template, info: info, path: path, linkRepair: qpdfRepair())
        }
    }

    /// "25 November 2026" (UTC).
    static func displayDate(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        return "\(parts.day ?? 1) \(months[(parts.month ?? 1) - 1]) \(parts.year ?? 1970)"
    }

    /// Rewrites the PDF with qpdf, which completes cairo's link annotations; nil when qpdf is absent.
    static func qpdfRepair() -> ((String) -> Bool)? {
        let candidates = ["/usr/bin/qpdf", "/usr/local/bin/qpdf"]
        guard let qpdf = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return nil }
        return { path in
            let repaired = path + ".qpdf"
            let status = ChildProcess.run(qpdf, ["--deterministic-id", path, repaired])
            // qpdf exits 3 when it repaired with warnings: the output is still written.
            guard status == 0 || status == 3, FileManager.default.fileExists(atPath: repaired) else {
                try? FileManager.default.removeItem(atPath: repaired)
                return false
            }
            return rename(repaired, path) == 0
        }
    }
}
