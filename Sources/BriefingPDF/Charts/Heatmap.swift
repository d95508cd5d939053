// Heatmap: a matrix of counts — themes × years, or actors × actors — one hue from near-white to
// dark, the value printed in each cell in a colour that contrasts with its fill, empty cells blank.

/// A heatmap block.
struct Heatmap: Block {
    let text: ChartText
    let rowLabels: [String]
    let columnLabels: [String]
    /// Second header line under each column label (e.g. "n=3"), optional.
    var columnNotes: [String] = []
    /// values[row][column]; nil or 0 is left blank.
    let values: [[Int?]]
    /// Rotate column labels (many or long labels).
    var rotateLabels = false

    private let cellHeight = 15.0

    private func headerBand(_ context: DrawingContext, style: Style) -> Double {
        rotateLabels ? 70 : (columnNotes.isEmpty ? 14 : 24)
    }

    func height(_ context: DrawingContext, style: Style, width: Double) -> Double {
        ChartFrame.headerHeight(context, style: style, text: text, width: width) + headerBand(context, style: style)
            + Double(rowLabels.count) * cellHeight + 6 + ChartFrame.footerHeight(context, style: style, text: text, width: width)
    }

    func draw(_ context: DrawingContext, style: Style, x: Double, y: Double, width: Double) {
        var top = ChartFrame.drawHeader(context, style: style, text: text, x: x, y: y, width: width)
        let labelWidth = min(width * 0.32, 160)
        let gridX = x + labelWidth + 6
        let cellWidth = min(46, (width - labelWidth - 6) / Double(max(columnLabels.count, 1)))
        let band = headerBand(context, style: style)
        let maximum = Double(values.flatMap { $0.compactMap { $0 } }.max() ?? 1)
        for (index, label) in columnLabels.enumerated() {
            let left = gridX + Double(index) * cellWidth
            if rotateLabels {
                let layout = TextLayout(context, text: label, font: style.small, width: band - 4, maxLines: 1)
                cairo_save_rotated(context, x: left + cellWidth / 2 + 3, y: top + band - 2) {
                    layout.draw(x: 0, y: -layout.size.height, color: style.ink)
                }
            } else {
                // Whole, if smaller ("1985–89" in a narrow column).
                let layout = TextLayout.fitting(context, text: label, font: style.small.with(bold: true), width: cellWidth - 2)
                layout.draw(inBoxAt: left, width: cellWidth, y: top, alignment: .center, color: style.ink)
                if index < columnNotes.count {
                    TextLayout.fitting(context, text: columnNotes[index], font: style.small.with(size: 6.5), width: cellWidth - 2, minimumSize: 4)
                        .draw(inBoxAt: left, width: cellWidth, y: top + 10, alignment: .center, color: style.secondary)
                }
            }
        }
        top += band
        for (row, label) in rowLabels.enumerated() {
            let layout = TextLayout(context, text: label, font: style.tableText, width: labelWidth, alignment: .right, maxLines: 1)
            layout.draw(x: x, y: top + (cellHeight - layout.size.height) / 2, color: style.ink)
            for column in columnLabels.indices {
                let left = gridX + Double(column) * cellWidth
                context.strokeRect(x: left, y: top, width: cellWidth, height: cellHeight, color: style.faint, lineWidth: 0.5)
                guard column < values[row].count, let value = values[row][column], value > 0 else { continue }
                let fill = style.sequential(0.15 + 0.85 * Double(value) / maximum)
                context.fillRect(x: left + 0.5, y: top + 0.5, width: cellWidth - 1, height: cellHeight - 1, color: fill)
                // Inside its cell whatever the count (1,000,000 is set smaller).
                let number = TextLayout.fitting(context, text: ChartFrame.format(value), font: style.small, width: cellWidth - 3, minimumSize: 4)
                number.draw(inBoxAt: left, width: cellWidth, y: top + (cellHeight - number.size.height) / 2, alignment: .center,
                            color: fill.luminance < 0.5 ? style.white : style.ink)
            }
            top += cellHeight
        }
        ChartFrame.drawFooter(context, style: style, text: text, x: x, y: top + 6, width: width)
    }
}
