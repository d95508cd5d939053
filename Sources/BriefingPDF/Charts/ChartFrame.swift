import Foundation

// ChartFrame: what every chart shares — a top bar in the accent colour, a title that states the
// finding, a subtitle that says what is measured, and a source line under the plot.

/// Title, subtitle and source of a chart.
struct ChartText {
    let title: String
    let subtitle: String
    let source: String
}

enum ChartFrame {
    /// Height of the title block.
    static func headerHeight(_ context: DrawingContext, style: Style, text: ChartText, width: Double) -> Double {
        let title = TextLayout(context, text: text.title, font: style.chartTitle, width: width)
        let subtitle = TextLayout(context, text: text.subtitle, font: style.small.with(size: 8), width: width)
        return 6 + title.size.height + 2 + subtitle.size.height + 8
    }

    static func footerHeight(_ context: DrawingContext, style: Style, text: ChartText, width: Double) -> Double {
        TextLayout(context, text: text.source, font: style.small, width: width).size.height + 6 + 14
    }

    /// Draws the header; returns the y where the plot starts.
    static func drawHeader(_ context: DrawingContext, style: Style, text: ChartText, x: Double, y: Double, width: Double) -> Double {
        context.fillRect(x: x, y: y, width: width, height: 1.5, color: style.accent)
        let title = TextLayout(context, text: text.title, font: style.chartTitle, width: width)
        title.draw(x: x, y: y + 6, color: style.ink)
        let subtitle = TextLayout(context, text: text.subtitle, font: style.small.with(size: 8), width: width)
        subtitle.draw(x: x, y: y + 6 + title.size.height + 2, color: style.secondary)
        return y + headerHeight(context, style: style, text: text, width: width)
    }

    static func drawFooter(_ context: DrawingContext, style: Style, text: ChartText, x: Double, y: Double, width: Double) {
        TextLayout(context, text: text.source, font: style.small, width: width).draw(x: x, y: y + 6, color: style.secondary)
    }

    /// "Nice" tick step for 0…maximum: 1, 2 or 5 × 10^k, integers only, about `target` ticks.
    static func tickStep(maximum: Double, target: Int = 5) -> Double {
        guard maximum > 0 else { return 1 }
        let raw = maximum / Double(target)
        let magnitude = pow(10, Foundation.floor(Foundation.log10(raw)))
        let residual = raw / magnitude
        let nice: Double = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10
        return max(1, nice * magnitude)
    }

    /// Integer formatting with thin thousands separators.
    static func format(_ value: Int) -> String {
        let digits = String(abs(value))
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += "," }
            out.append(character)
        }
        return value < 0 ? "-" + out : out
    }
}
