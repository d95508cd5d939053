// ColumnChart: documents per period as columns, in order, with empty periods shown as gaps.

/// A column chart block.
struct ColumnChart: Block {
    let text: ChartText
    let columns: [(label: String, value: Int)]
    private let plotHeight = 120.0

    func height(_ context: DrawingContext, style: Style, width: Double) -> Double {
        ChartFrame.headerHeight(context, style: style, text: text, width: width) + plotHeight + 30
            + ChartFrame.footerHeight(context, style: style, text: text, width: width)
    }

    func draw(_ context: DrawingContext, style: Style, x: Double, y: Double, width: Double) {
        let top = ChartFrame.drawHeader(context, style: style, text: text, x: x, y: y, width: width) + 10
        let maximum = Double(columns.map(\.value).max() ?? 0)
        let step = ChartFrame.tickStep(maximum: maximum, target: 4)
        let axisMax = max(step, (maximum / step).rounded(.up) * step)
        // The axis as wide as its widest tick label, on one line ("100,000").
        let ticks = stride(from: 0.0, through: axisMax + 0.001, by: step).map {
            TextLayout(context, text: ChartFrame.format(Int($0)), font: style.small, width: nil)
        }
        let axisWidth = max(28, (ticks.map(\.size.width).max() ?? 0) + 4)
        let plotX = x + axisWidth
        let plotWidth = width - axisWidth
        let bottom = top + plotHeight
        for (index, label) in ticks.enumerated() {
            let tick = Double(index) * step
            let ty = bottom - tick / axisMax * plotHeight
            context.line(from: (plotX, ty), to: (plotX + plotWidth, ty), color: style.hairline, width: tick == 0 ? 0.8 : 0.35)
            label.draw(inBoxAt: x, width: axisWidth - 4, y: ty - label.size.height / 2, alignment: .right, color: style.secondary)
        }
        let slot = plotWidth / Double(max(columns.count, 1))
        let labelEvery = max(1, Int((28 / slot).rounded(.up)))
        for (index, column) in columns.enumerated() {
            let left = plotX + Double(index) * slot
            let barWidth = min(slot * 0.7, 40)
            let height = Double(column.value) / axisMax * plotHeight
            if column.value > 0 {
                context.fillRect(x: left + (slot - barWidth) / 2, y: bottom - height, width: barWidth, height: height,
                                 color: column.label == "unknown" ? style.hairline : style.palette[0])
                // Only where it fits its column (forty years of six-digit counts do not: the axis tells them).
                let value = TextLayout.fitting(context, text: ChartFrame.format(column.value), font: style.small.with(bold: true), width: slot - 1)
                if value.size.width <= slot {
                    value.draw(inBoxAt: left, width: slot, y: bottom - height - value.size.height - 1, alignment: .center, color: style.ink)
                }
            }
            if index % labelEvery == 0 || column.label == "unknown" {
                let label = TextLayout(context, text: column.label, font: style.small, width: slot * Double(labelEvery), alignment: .center, maxLines: 1)
                label.draw(x: left + slot / 2 - slot * Double(labelEvery) / 2, y: bottom + 3, color: style.secondary)
            }
        }
        ChartFrame.drawFooter(context, style: style, text: text, x: x, y: bottom + 20, width: width)
    }
}
