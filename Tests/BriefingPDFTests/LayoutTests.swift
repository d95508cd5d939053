@testable import BriefingPDF
import BriefingModel
import Foundation
import Testing

@Suite("PDF: tables over pages and the measuring pass")
struct LayoutTests {
    /// A table of varied rows, some of two lines.
    static func table(rows count: Int) -> TableBlock {
        let rows = (0..<count).map { number -> [String] in
            let long = number % 7 == 0 ? " with a longer title that wraps onto a second line in its column" : ""
            return ["Document \(number)\(long)", "\(number * 37)", "Source \(number % 5)"]
        }
        return TableBlock(columns: [TableColumn(title: "Title", weight: 5), TableColumn(title: "Mentions", weight: 1.2, numeric: true),
                                    TableColumn(title: "Source", weight: 2)], rows: rows, caption: "All rows: documents.csv.")
    }

    /// Places a long table (and a second one after it) with a composer that draws and with one that
    /// only measures; both paginate alike, each part of a split keeps its rows in order, and a part
    /// measured from the shared heights is as tall as a fresh table of the same rows.
    @Test func measuringPassPaginatesAsTheDrawingPass() throws {
        let style = Style(template: ReportTemplate(title: "T", actors: [], themes: []))
        var paginations: [Pagination] = []
        for draws in [true, false] {
            let surface = try PDFSurface(path: nil, width: style.pageWidth, height: style.pageHeight)
            let context = try DrawingContext(surface: surface)
            let composer = Composer(context: context, style: style, title: "T", footerLeft: "F", previous: nil, draws: draws)
            composer.beginSection("Tables", anchor: "tables")
            composer.add(Self.table(rows: 140))
            composer.anchor("second")
            composer.add(Self.table(rows: 30))
            composer.finish()
            try surface.finish()
            paginations.append(composer.pagination)
        }
        #expect(paginations[0] == paginations[1])
        #expect(paginations[0].pages >= 4)

        let surface = try PDFSurface(path: nil, width: style.pageWidth, height: style.pageHeight)
        let context = try DrawingContext(surface: surface)
        let width = style.contentWidth
        var block: Block = Self.table(rows: 140)
        var seen: [String] = []
        var parts = 0
        while let (first, rest) = block.split(context, style: style, width: width, available: 400) {
            let part = try #require(first as? TableBlock)
            seen += part.rows.map { $0[0] }
            let fresh = TableBlock(columns: part.columns, rows: part.rows, caption: part.caption, spaceAfter: part.spaceAfter)
            #expect(abs(part.height(context, style: style, width: width) - fresh.height(context, style: style, width: width)) < 0.001)
            block = rest
            parts += 1
        }
        seen += try #require(block as? TableBlock).rows.map { $0[0] }
        #expect(parts >= 3)
        #expect(seen == Self.table(rows: 140).rows.map { $0[0] })
        try surface.finish()
    }

    /// A text is laid out once per briefing: the same text, font, width and transformation give the
    /// same PangoLayout in both passes' contexts (drawn on the context asked for); any difference
    /// gives another. A layout from the measuring pass draws into the file's pass.
    @Test func layoutsAreSharedAcrossPassesAndKeyedByEverythingThatShapesThem() throws {
        let font = FontSpec(family: "Noto Sans", size: 10)
        let cache = LayoutCache()
        let measuring = try DrawingContext(surface: try PDFSurface(path: nil, width: 300, height: 300), layouts: cache)
        let first = TextLayout(measuring, text: "Hello", font: font, width: 100)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("layout-cache-\(getpid()).pdf").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let surface = try PDFSurface(path: path, width: 300, height: 300)
        let drawing = try DrawingContext(surface: surface, layouts: cache)
        let again = TextLayout(drawing, text: "Hello", font: font, width: 100)
        #expect(again.handle == first.handle)
        #expect(cache.count == 1)
        let others = [
            TextLayout(drawing, text: "Hello!", font: font, width: 100),
            TextLayout(drawing, text: "Hello", font: font.with(bold: true), width: 100),
            TextLayout(drawing, text: "Hello", font: font.with(size: 11), width: 100),
            TextLayout(drawing, text: "Hello", font: font, width: 90),
            TextLayout(drawing, text: "Hello", font: font, width: nil),
            TextLayout(drawing, text: "Hello", font: font, width: 100, markup: true),
            TextLayout(drawing, text: "Hello", font: font, width: 100, alignment: .right),
            TextLayout(drawing, text: "Hello", font: font, width: 100, maxLines: 1),
        ]
        var rotated: TextLayout?
        cairo_save_rotated(drawing, x: 10, y: 10) { rotated = TextLayout(drawing, text: "Hello", font: font, width: 100) }
        let handles = Set(([first] + others + [rotated].compactMap { $0 }).map { UInt(bitPattern: $0.handle) })
        #expect(handles.count == 10)
        #expect(cache.count == 10)
        again.draw(x: 20, y: 20, color: Color(hex: 0))
        try drawing.check()
        try surface.finish()
        let written = try #require(FileManager.default.contents(atPath: path))
        #expect(written.count > 500)
    }
}
