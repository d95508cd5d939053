// Composer: flows blocks onto pages — running header and footer, page breaks, headings kept with
// what follows, tables split with their header repeated — and records where each section starts
// (for the contents page and the bookmarks).
import BriefingModel

/// Where sections landed, from a layout pass.
struct Pagination: Equatable {
    /// Page count.
    var pages = 0
    /// Anchor name → page number (1-based).
    var anchors: [String: Int] = [:]
}

/// Places blocks on pages.
final class Composer {
    let context: DrawingContext
    let style: Style
    let title: String
    let footerLeft: String
    /// The previous pass's pagination, for "Page N of M" (nil in the first pass).
    let previous: Pagination?
    private(set) var pagination = Pagination()
    private(set) var y: Double = 0
    private var pageOpen = false
    private var section = ""
    private var pending: [Block] = []
    /// False in a pass that only learns the pagination: blocks are measured and placed, not drawn
    /// (drawing them cost a third of the PDF stage, and the fonts were subset for a discarded file).
    let draws: Bool

    init(context: DrawingContext, style: Style, title: String, footerLeft: String, previous: Pagination?, draws: Bool = true) {
        self.context = context
        self.style = style
        self.title = title
        self.footerLeft = footerLeft
        self.previous = previous
        self.draws = draws
    }

    /// The current page number (1-based).
    var page: Int { pagination.pages }

    /// Starts a new page; `decorated` draws the running header and footer.
    func newPage(decorated: Bool = true) {
        if pageOpen { context.showPage() }
        pagination.pages += 1
        pageOpen = true
        y = style.contentTop
        if decorated && draws { drawHeaderAndFooter() }
    }

    /// Starts a section, with an anchor and its heading: on a new page, or — for a short `flowing`
    /// section — after the previous one when a good part of the page is left.
    func beginSection(_ name: String, anchor: String, flowing: Bool = false) {
        if flowing && pageOpen && available > 220 {
            y += 24
            section = name
        } else {
            section = name
            newPage()
        }
        pagination.anchors[anchor] = page
        context.destination(anchor, x: style.marginLeft, y: y)
        add(Heading(text: name, level: 1))
    }

    /// Records an anchor at the current position (a subsection).
    func anchor(_ name: String) {
        pagination.anchors[name] = page
        context.destination(name, x: style.marginLeft, y: y)
    }

    /// Space left on the page.
    var available: Double { style.contentBottom - y }

    /// Adds a block in the content column (full width unless `width` is given).
    func add(_ block: Block, width: Double? = nil) {
        let width = width ?? style.contentWidth
        if !pageOpen { newPage() }
        var block = block
        while true {
            let height = block.height(context, style: style, width: width)
            var needed = height
            if block.keepsWithNext { needed += 70 }
            if needed <= available || y <= style.contentTop + 0.5 && height > available && block.split(context, style: style, width: width, available: available) == nil {
                if draws { block.draw(context, style: style, x: style.marginLeft, y: y, width: width) }
                y += height
                return
            }
            if !block.keepsWithNext, let (first, rest) = block.split(context, style: style, width: width, available: available) {
                if draws { first.draw(context, style: style, x: style.marginLeft, y: y, width: width) }
                newPage()
                block = rest
                continue
            }
            newPage()
        }
    }

    /// Ends the document.
    func finish() {
        if pageOpen { context.showPage() }
        pageOpen = false
    }

    private func drawHeaderAndFooter() {
        let headerY = style.marginTop - 14
        let left = TextLayout(context, text: title, font: style.small, width: style.contentWidth * 0.6, maxLines: 1)
        left.draw(x: style.marginLeft, y: headerY, color: style.secondary)
        let right = TextLayout(context, text: section, font: style.small, width: style.contentWidth * 0.38, alignment: .right, maxLines: 1)
        right.draw(x: style.marginLeft + style.contentWidth * 0.62, y: headerY, color: style.secondary)
        context.line(from: (style.marginLeft, headerY + 11), to: (style.marginLeft + style.contentWidth, headerY + 11), color: style.hairline, width: 0.5)

        let footerY = style.pageHeight - style.marginBottom + 18
        context.line(from: (style.marginLeft, footerY - 4), to: (style.marginLeft + style.contentWidth, footerY - 4), color: style.hairline, width: 0.5)
        let total = previous?.pages ?? pagination.pages
        let pageText = "Page \(page) of \(total)"
        TextLayout(context, text: footerLeft, font: style.small, width: style.contentWidth * 0.7, maxLines: 1)
            .draw(x: style.marginLeft, y: footerY, color: style.secondary)
        TextLayout(context, text: pageText, font: style.small, width: style.contentWidth * 0.3, alignment: .right, maxLines: 1)
            .draw(x: style.marginLeft + style.contentWidth * 0.7, y: footerY, color: style.secondary)
    }
}
