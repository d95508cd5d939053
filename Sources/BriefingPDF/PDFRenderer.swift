// PDFRenderer: BriefingData → briefing.pdf, drawn with Cairo and Pango (the only code that sees them).
// Input: the statistics, the template, facts about the run. Output: a PDF file.
// Invariants: two layout passes (the first finds the page numbers for "Page N of M" and the
// contents); metadata and creation date from the run's as-of time, so that equal inputs give
// byte-identical files; article text is always escaped before it reaches Pango markup.
import BriefingModel
import CPangoCairo
import Foundation

/// Facts about the run shown in the briefing.
public struct RenderInfo: Sendable {
    /// The as-of instant, ISO 8601 (`2026-11-25T08:00:00Z`).
    public var asOfISO: String
    /// The as-of date for readers (`25 November 2026`).
    public var asOfDisplay: String
    /// The corpus as the user named it.
    public var corpus: String
    /// The template as the user named it.
    public var template: String
    /// Warnings of the run (skipped inputs), one line each.
    public var warnings: [String]

    /// Creates run facts.
    public init(asOfISO: String, asOfDisplay: String, corpus: String, template: String, warnings: [String]) {
        self.asOfISO = asOfISO
        self.asOfDisplay = asOfDisplay
        self.corpus = corpus
        self.template = template
        self.warnings = warnings
    }
}

/// Renders the briefing PDF.
public enum PDFRenderer {
    /// Writes the briefing to `path`; returns the number of pages.
    @discardableResult
    public static func render(_ data: BriefingData, template: ReportTemplate, info: RenderInfo, path: String,
                              linkRepair: ((String) -> Bool)? = nil) throws(BriefingError) -> Int {
        let style = Style(template: template)
        // Every text is laid out once for both passes (and for measuring and drawing in each).
        let layouts = LayoutCache()
        // Pass 1: lay out without output to learn the pagination.
        let first = try compose(data, template: template, info: info, style: style, path: nil, previous: nil, links: false, layouts: layouts)
        // Pass 2: the real file, with page numbers known. Links need a repair by qpdf (cairo 1.16).
        let links = linkRepair != nil
        let second = try compose(data, template: template, info: info, style: style, path: path, previous: first, links: links, layouts: layouts)
        if let linkRepair, !linkRepair(path) {
            // No repair possible: write again without link annotations, so the file stays valid.
            _ = try compose(data, template: template, info: info, style: style, path: path, previous: first, links: false, layouts: layouts)
        }
        return second.pages
    }

    private static func compose(_ data: BriefingData, template: ReportTemplate, info: RenderInfo, style: Style,
                                path: String?, previous: Pagination?, links: Bool, layouts: LayoutCache) throws(BriefingError) -> Pagination {
        let surface = try PDFSurface(path: path, width: style.pageWidth, height: style.pageHeight)
        surface.setMetadata(CAIRO_PDF_METADATA_TITLE, template.title)
        surface.setMetadata(CAIRO_PDF_METADATA_SUBJECT, template.subtitle.isEmpty ? "Media briefing" : template.subtitle)
        surface.setMetadata(CAIRO_PDF_METADATA_KEYWORDS, (template.actors.prefix(8).map(\.name) + template.themes.prefix(6).map(\.name)).joined(separator: ", "))
        surface.setMetadata(CAIRO_PDF_METADATA_CREATOR, "briefing \(BriefingVersion.current)")
        surface.setMetadata(CAIRO_PDF_METADATA_AUTHOR, template.organisation)
        surface.setMetadata(CAIRO_PDF_METADATA_CREATE_DATE, info.asOfISO)
        surface.setMetadata(CAIRO_PDF_METADATA_MOD_DATE, info.asOfISO)
        let context = try DrawingContext(surface: surface, layouts: layouts)
        // The first pass (no file) only learns the pagination: nothing is drawn through the composer.
        let composer = Composer(context: context, style: style, title: template.title,
                                footerLeft: "As of \(info.asOfDisplay) · briefing \(BriefingVersion.current)", previous: previous,
                                draws: path != nil)
        let sections = BriefingSections(data: data, template: template, info: info, composer: composer, links: links)
        sections.compose()
        composer.finish()
        try context.check()
        if path != nil { sections.addOutline(surface) }
        try surface.finish()
        return composer.pagination
    }
}
