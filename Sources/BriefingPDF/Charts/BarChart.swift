// BarChart: horizontal bars for ranked categories — sorted, value at the bar's end, light
// x-gridlines at nice ticks, zero baseline, labels ellipsized rather than overlapping.

/// One bar.
struct Bar {
    let label: String
    let value: Int
    let color: Color
}

/// A horizontal bar chart block.
struct BarChart: Block {
    let text: ChartText
    let bars: [Bar]
    /// Legend entries (label, colour), drawn under the plot when not empty.
    var legend: [(String, Color)] = []

    private let rowHeight = 15.0

    private func plotHeight() -> Double { Double(bars.count) * rowHeight + 16 + (legend.isEmpty ? 0 : 16) }

    func height(_ context: DrawingContext, style: Style, width: Double) -> Double {
        ChartFrame.headerHeight(context, style: style, text: text, width: width) + plotHeight()
            + ChartFrame.footerHeight(context, style: style, text: text, width: width)
    }

    func draw(_ context: DrawingContext, style: Style, x: Double, y: Double, width: Double) {
        var top = ChartFrame.drawHeader(context, style: style, text: text, x: x, y: y, width: width)
        let labelWidth = min(width * 0.34, 170)
        // Room after the longest bar for the widest value, on one line ("2,330,000").
        let valueFont = style.tableText.with(bold: true)
        let widest = bars.map { TextLayout(context, text: ChartFrame.format($0.value), font: valueFont, width: nil).size.width }.max() ?? 0
        let valueSpace = max(34, widest + 6)
        let plotX = x + labelWidth + 8
        let plotWidth = width - labelWidth - 8 - valueSpace
        let maximum = Double(bars.map(\.value).max() ?? 0)
        let step = ChartFrame.tickStep(maximum: maximum)
        let axisMax = max(step, (maximum / step).rounded(.up) * step)
        let scale = plotWidth / axisMax
        let plotBottom = top + Double(bars.count) * rowHeight
        // Gridlines and tick labels.
        var tick = 0.0
        while tick <= axisMax + 0.001 {
            let tx = plotX + tick * scale
            context.line(from: (tx, top), to: (tx, plotBottom), color: style.hairline, width: tick == 0 ? 0.8 : 0.35)
            // Centred on its tick, on one line, no wider than the step between ticks.
            let label = TextLayout.fitting(context, text: ChartFrame.format(Int(tick)), font: style.small, width: max(step * scale - 4, 20))
            label.draw(inBoxAt: tx - 40, width: 80, y: plotBottom + 3, alignment: .center, color: style.secondary)
            tick += step
        }
        for bar in bars {
            let label = TextLayout(context, text: bar.label, font: style.tableText, width: labelWidth, alignment: .right, maxLines: 1)
            label.draw(x: x, y: top + (rowHeight - label.size.height) / 2, color: style.ink)
            let length = Double(bar.value) * scale
            context.fillRect(x: plotX, y: top + 2.5, width: max(length, 0.8), height: rowHeight - 5, color: bar.color)
            let value = TextLayout(context, text: ChartFrame.format(bar.value), font: valueFont, width: nil)
            value.draw(x: plotX + length + 3, y: top + (rowHeight - value.size.height) / 2, color: style.ink)
            top += rowHeight
        }
        top = plotBottom + 16
        if !legend.isEmpty {
            var left = plotX
            for (name, color) in legend {
                context.fillRect(x: left, y: top + 3, width: 8, height: 8, color: color)
                let label = TextLayout(context, text: name, font: style.small, width: nil)
                label.draw(x: left + 11, y: top + 1.5, color: style.secondary)
                left += 11 + label.size.width + 12
            }
            top += 16
        }
        ChartFrame.drawFooter(context, style: style, text: text, x: x, y: top, width: width)
    }
}
