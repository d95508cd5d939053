// TableBlock: rows of text cells with a header; numbers right-aligned with tabular figures; splits
// between rows with the header repeated on the next page.

/// A table column.
struct TableColumn {
    let title: String
    /// Share of the table's width.
    let weight: Double
    var numeric = false
    /// At most this many lines per cell (longer text ends in "…").
    var maxLines = 2
}

/// A table.
struct TableBlock: Block {
    let columns: [TableColumn]
    let rows: [[String]]
    var caption: String?
    var spaceAfter: Double = 10

    private let padding = 3.0
    /// Row heights, measured once and shared with the parts the table splits into; `firstRow` is
    /// this part's first row among them.
    private let measured: RowHeights
    private let firstRow: Int

    init(columns: [TableColumn], rows: [[String]], caption: String? = nil, spaceAfter: Double = 10) {
        self.init(columns: columns, rows: rows, caption: caption, spaceAfter: spaceAfter,
                  measured: RowHeights(count: rows.count), firstRow: 0)
    }

    private init(columns: [TableColumn], rows: [[String]], caption: String?, spaceAfter: Double, measured: RowHeights, firstRow: Int) {
        self.columns = columns
        self.rows = rows
        self.caption = caption
        self.spaceAfter = spaceAfter
        self.measured = measured
        self.firstRow = firstRow
    }

    private func widths(_ width: Double) -> [Double] {
        let total = columns.reduce(0) { $0 + $1.weight }
        return columns.map { width * $0.weight / total }
    }

    private func cell(_ context: DrawingContext, style: Style, text: String, column: TableColumn, width: Double, header: Bool) -> TextLayout {
        var font = style.tableText
        if header { font = font.with(bold: true) }
        let shown = column.numeric && !header ? "<span font_features=\"tnum\">\(Markup.escape(text))</span>" : Markup.escape(text)
        return TextLayout(context, text: shown, font: font, width: width - 2 * padding, markup: true,
                          alignment: column.numeric ? .right : .left, maxLines: header ? 2 : column.maxLines)
    }

    private func rowHeight(_ context: DrawingContext, style: Style, row: [String], width: Double, header: Bool) -> Double {
        let widths = widths(width)
        var height = 0.0
        for (index, column) in columns.enumerated() {
            let text = index < row.count ? row[index] : ""
            height = max(height, cell(context, style: style, text: text, column: column, width: widths[index], header: header).size.height)
        }
        return height + 2 * padding
    }

    /// The height of body row `index` (of this part), measured on first use at `width`.
    private func bodyRowHeight(_ context: DrawingContext, style: Style, index: Int, width: Double) -> Double {
        measured.use(width: width)
        if let known = measured.rows[firstRow + index] { return known }
        let height = rowHeight(context, style: style, row: rows[index], width: width, header: false)
        measured.rows[firstRow + index] = height
        return height
    }

    /// The header row's height at `width`, measured once.
    private func headerHeight(_ context: DrawingContext, style: Style, width: Double) -> Double {
        measured.use(width: width)
        if let known = measured.header { return known }
        let height = rowHeight(context, style: style, row: columns.map(\.title), width: width, header: true)
        measured.header = height
        return height
    }

    private func captionHeight(_ context: DrawingContext, style: Style, width: Double) -> Double {
        guard let caption else { return 0 }
        return TextLayout(context, text: caption, font: style.small, width: width).size.height + 4
    }

    func height(_ context: DrawingContext, style: Style, width: Double) -> Double {
        let header = headerHeight(context, style: style, width: width)
        let body = rows.indices.reduce(0) { $0 + bodyRowHeight(context, style: style, index: $1, width: width) }
        return header + body + captionHeight(context, style: style, width: width) + spaceAfter
    }

    func draw(_ context: DrawingContext, style: Style, x: Double, y: Double, width: Double) {
        let widths = widths(width)
        var top = y
        func drawRow(_ row: [String], header: Bool, shaded: Bool, height: Double) {
            if shaded { context.fillRect(x: x, y: top, width: width, height: height, color: style.faint) }
            var left = x
            for (index, column) in columns.enumerated() {
                let text = index < row.count ? row[index] : ""
                cell(context, style: style, text: text, column: column, width: widths[index], header: header)
                    .draw(x: left + padding, y: top + padding, color: header ? style.ink : style.ink)
                left += widths[index]
            }
            top += height
            context.line(from: (x, top), to: (x + width, top), color: header ? style.ink : style.hairline, width: header ? 0.8 : 0.4)
        }
        drawRow(columns.map(\.title), header: true, shaded: false, height: headerHeight(context, style: style, width: width))
        for (index, row) in rows.enumerated() {
            drawRow(row, header: false, shaded: index % 2 == 1, height: bodyRowHeight(context, style: style, index: index, width: width))
        }
        if let caption {
            TextLayout(context, text: caption, font: style.small, width: width).draw(x: x, y: top + 3, color: style.secondary)
        }
    }

    func split(_ context: DrawingContext, style: Style, width: Double, available: Double) -> (Block, Block)? {
        var used = headerHeight(context, style: style, width: width)
        var count = 0
        for index in rows.indices {
            let height = bodyRowHeight(context, style: style, index: index, width: width)
            if used + height > available - 14 { break }
            used += height
            count += 1
        }
        guard count >= 2, count < rows.count else { return nil }
        let first = TableBlock(columns: columns, rows: Array(rows[..<count]), caption: "continued on the next page", spaceAfter: 0,
                               measured: measured, firstRow: firstRow)
        let rest = TableBlock(columns: columns, rows: Array(rows[count...]), caption: caption, spaceAfter: spaceAfter,
                              measured: measured, firstRow: firstRow + count)
        return (first, rest)
    }
}

/// The row heights of a table at one width. A table running over several pages is asked its height
/// and where it splits on each of them, and every measure lays out (shapes) every cell of a row:
/// measured once, the documents appendix's cells are shaped twice (measure, draw) instead of about
/// once per page they are measured on plus twice to draw.
private final class RowHeights {
    private var width = Double.nan
    var header: Double?
    var rows: [Double?]

    init(count: Int) { rows = Array(repeating: nil, count: count) }

    /// Forgets the heights measured at another width.
    func use(width: Double) {
        guard width != self.width else { return }
        self.width = width
        header = nil
        for index in rows.indices { rows[index] = nil }
    }
}
