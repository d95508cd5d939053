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

    private func captionHeight(_ context: DrawingContext, style: Style, width: Double) -> Double {
        guard let caption else { return 0 }
        return TextLayout(context, text: caption, font: style.small, width: width).size.height + 4
    }

    func height(_ context: DrawingContext, style: Style, width: Double) -> Double {
        let header = rowHeight(context, style: style, row: columns.map(\.title), width: width, header: true)
        let body = rows.reduce(0) { $0 + rowHeight(context, style: style, row: $1, width: width, header: false) }
        return header + body + captionHeight(context, style: style, width: width) + spaceAfter
    }

    func draw(_ context: DrawingContext, style: Style, x: Double, y: Double, width: Double) {
        let widths = widths(width)
        var top = y
        func drawRow(_ row: [String], header: Bool, shaded: Bool) {
            let height = rowHeight(context, style: style, row: row, width: width, header: header)
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
        drawRow(columns.map(\.title), header: true, shaded: false)
        for (index, row) in rows.enumerated() { drawRow(row, header: false, shaded: index % 2 == 1) }
        if let caption {
            TextLayout(context, text: caption, font: style.small, width: width).draw(x: x, y: top + 3, color: style.secondary)
        }
    }

    func split(_ context: DrawingContext, style: Style, width: Double, available: Double) -> (Block, Block)? {
        var used = rowHeight(context, style: style, row: columns.map(\.title), width: width, header: true)
        var count = 0
        for row in rows {
            let height = rowHeight(context, style: style, row: row, width: width, header: false)
            if used + height > available - 14 { break }
            used += height
            count += 1
        }
        guard count >= 2, count < rows.count else { return nil }
        let first = TableBlock(columns: columns, rows: Array(rows[..<count]), caption: "continued on the next page", spaceAfter: 0)
        let rest = TableBlock(columns: columns, rows: Array(rows[count...]), caption: caption, spaceAfter: spaceAfter)
        return (first, rest)
    }
}
