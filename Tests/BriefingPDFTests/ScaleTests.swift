@testable import BriefingPDF
import BriefingModel
import Foundation
import Testing

@Suite("PDF: figures of a million documents stay whole")
struct ScaleTests {
    /// The statistics of a corpus of a million documents, as the bench's largest one gives them.
    static func millionDocuments() -> BriefingData {
        var data = BriefingData()
        data.totals.documents = 1_000_000
        data.totals.quotations = 8_516_820
        data.totals.attributedQuotations = 8_106_940
        data.totals.undated = 12_345
        data.totals.firstPublished = PublishedDate(iso: "2015-01-01")
        data.totals.lastPublished = PublishedDate(iso: "2024-12-28")
        let actors: [(String, ActorKind, Int, Int)] = [("United States", .place, 2_330_000, 590_000), ("China", .place, 1_430_000, 1_000_000),
                                                       ("European Union", .organization, 1_250_000, 1_000_000), ("NATO", .organization, 270_000, 20_000)]
        data.actors = actors.map { ActorStat(name: $0.0, kind: $0.1, inTemplate: true, mentions: $0.2, documents: $0.3,
                                             firstPublished: data.totals.firstPublished, lastPublished: data.totals.lastPublished) }
        let years = (2015...2024).map(String.init)
        data.years = years.map { CountStat(name: $0, count: 100_000) }
        data.themes = [ThemeStat(name: "Cybersecurity", documents: 1_000_000, mentions: 1_120_000),
                       ThemeStat(name: "Investment", documents: 120_000, mentions: 440_000)]
        data.themesByYear = years.enumerated().flatMap { index, year in
            [ThemeYearStat(theme: "Cybersecurity", year: year, documents: 100_000, mentions: 100_000 + 10_000 * index),
             ThemeYearStat(theme: "Investment", year: year, documents: index < 5 ? 2_000 : 22_000, mentions: 30_000)]
        }
        data.cooccurrence = [PairStat(first: "China", second: "European Union", documents: 1_000_000),
                             PairStat(first: "China", second: "United States", documents: 590_000),
                             PairStat(first: "European Union", second: "United States", documents: 590_000)]
        data.speakers = [SpeakerStat(speaker: "Donald Trump", actor: "", quotes: 993_643, documents: 210_507),
                         SpeakerStat(speaker: "Hillary Clinton", actor: "", quotes: 507_749, documents: 100_000)]
        data.sources = [CountStat(name: "unknown", count: 936_134), CountStat(name: "UPI", count: 60_000), CountStat(name: "AP", count: 3_866)]
        return data
    }

    /// The PDF's text (pdftotext), or nil when poppler-utils is not installed.
    static func pdfText(_ data: BriefingData) throws -> String? {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("briefing-scale-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("briefing.pdf").path
        let template = ReportTemplate(title: "China–EU digital and cyber relations", actors: [], themes: [])
        try PDFRenderer.render(data, template: template,
                               info: RenderInfo(asOfISO: "2026-12-04T00:00:00Z", asOfDisplay: "4 December 2026", corpus: "corpus",
                                                template: "template.yaml", warnings: []),
                               path: pdf)
        guard let tool = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].first(where: FileManager.default.isExecutableFile) else {
            print("skipped: pdftotext (poppler-utils) is needed")
            return nil
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = [pdf, "-"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: text, as: UTF8.self)
    }

    /// No figure is broken over two lines (the cover's tiles, bar values, axis ticks, heatmap
    /// cells wrapped "1,000,0" / "00" at this size): no line holds a figure cut inside a group of
    /// thousands, and the large figures are there whole, with separators.
    @Test func noFigureWraps() throws {
        guard let text = try Self.pdfText(Self.millionDocuments()) else { return }
        let broken = text.split(whereSeparator: \.isNewline).filter { line in
            line.range(of: #"\d,\d{1,2}(?!\d)"#, options: .regularExpression) != nil
        }
        #expect(broken.isEmpty, "figures cut at a line end: \(broken.prefix(5))")
        for figure in ["1,000,000", "8,516,820", "2,330,000", "993,643", "n=100,000", "936,134"] {
            #expect(text.contains(figure), "\(figure) is whole")
        }
    }

    /// A figure too wide for its box is set smaller, on one line; one that fits keeps its size.
    @Test func fittingShrinksOnlyWhatDoesNotFit() throws {
        let surface = try PDFSurface(path: nil, width: 200, height: 200)
        let context = try DrawingContext(surface: surface)
        let font = FontSpec(family: "Noto Sans", size: 28, bold: true)
        let wide = TextLayout.fitting(context, text: "1,000,000", font: font, width: 60)
        #expect(wide.size.width <= 60)
        #expect(wide.lineCount == 1)
        let plain = TextLayout(context, text: "17", font: font, width: nil)
        let fitted = TextLayout.fitting(context, text: "17", font: font, width: 60)
        #expect(fitted.size == plain.size)
        // Never below the floor: a figure then overflows rather than vanishing.
        let floor = TextLayout.fitting(context, text: "1,000,000,000,000", font: font, width: 10, minimumSize: 6)
        #expect(floor.size.width > 10 && floor.size.height > 0)
        try surface.finish()
    }
}
