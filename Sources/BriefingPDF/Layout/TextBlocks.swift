// Text blocks: headings, paragraphs (split across pages by lines), bullet lists, quotations.

/// A section (level 1) or subsection (level 2) heading.
struct Heading: Block {
    let text: String
    let level: Int

    var keepsWithNext: Bool { true }

    private func layout(_ context: DrawingContext, style: Style, width: Double) -> TextLayout {
        TextLayout(context, text: text, font: level == 1 ? style.sectionTitle : style.subsection, width: width)
    }

    func height(_ context: DrawingContext, style: Style, width: Double) -> Double {
        layout(context, style: style, width: width).size.height + (level == 1 ? 14 : 8) + (level == 1 ? 0 : 6)
    }

    func draw(_ context: DrawingContext, style: Style, x: Double, y: Double, width: Double) {
        let top = level == 1 ? y : y + 6
        let text = layout(context, style: style, width: width)
        text.draw(x: x, y: top, color: level == 1 ? style.accent : style.ink)
        if level == 1 {
            context.fillRect(x: x, y: top + text.size.height + 4, width: 36, height: 2.5, color: style.accent)
        }
    }
}

/// A paragraph of prose (markup built with `Markup`), capped at the prose width.
struct Paragraph: Block {
    let markup: String
    var font: FontSpec?
    var color: Color?
    var spaceAfter: Double = 7
    var justify = false
    var fullWidth = false

    private func layout(_ context: DrawingContext, style: Style, width: Double) -> TextLayout {
        TextLayout(context, text: markup, font: font ?? style.body, width: fullWidth ? width : min(width, style.proseWidth),
                   markup: true, alignment: justify ? .justify : .left, lineSpacing: style.bodyLineSpacing)
    }

    func height(_ context: DrawingContext, style: Style, width: Double) -> Double {
        layout(context, style: style, width: width).size.height + spaceAfter
    }

    func draw(_ context: DrawingContext, style: Style, x: Double, y: Double, width: Double) {
        layout(context, style: style, width: width).draw(x: x, y: y, color: color ?? style.ink)
    }
}

/// A bulleted list; splits between items.
struct BulletList: Block {
    let items: [String]   // markup
    var spaceAfter: Double = 8

    private func layouts(_ context: DrawingContext, style: Style, width: Double) -> [TextLayout] {
        items.map { TextLayout(context, text: $0, font: style.body, width: min(width, style.proseWidth) - 14, markup: true, lineSpacing: style.bodyLineSpacing) }
    }

    func height(_ context: DrawingContext, style: Style, width: Double) -> Double {
        layouts(context, style: style, width: width).reduce(0) { $0 + $1.size.height + 5 } + spaceAfter
    }

    func draw(_ context: DrawingContext, style: Style, x: Double, y: Double, width: Double) {
        var top = y
        for layout in layouts(context, style: style, width: width) {
            context.fillRect(x: x + 2, y: top + layout.baseline - 4.5, width: 4, height: 4, color: style.accent)
            layout.draw(x: x + 14, y: top, color: style.ink)
            top += layout.size.height + 5
        }
    }

    func split(_ context: DrawingContext, style: Style, width: Double, available: Double) -> (Block, Block)? {
        var used = 0.0
        var count = 0
        for layout in layouts(context, style: style, width: width) {
            if used + layout.size.height + 5 > available { break }
            used += layout.size.height + 5
            count += 1
        }
        guard count > 0, count < items.count else { return nil }
        return (BulletList(items: Array(items[..<count]), spaceAfter: 0), BulletList(items: Array(items[count...]), spaceAfter: spaceAfter))
    }
}

/// A quotation: italic text with a coloured rule at the left and the attribution under it.
struct QuoteBlock: Block {
    let text: String
    let attribution: String

    private func layouts(_ context: DrawingContext, style: Style, width: Double) -> (TextLayout, TextLayout) {
        let inner = min(width, style.proseWidth) - 14
        // A quotation cut from its sentence ends without the comma that led to its attribution.
        var shown = text
        while let last = shown.last, last == "," || last == ";" || last == " " { shown.removeLast() }
        let quote = TextLayout(context, text: "“" + shown + "”", font: style.quote, width: inner, lineSpacing: 2.5)
        let source = TextLayout(context, text: "— " + attribution, font: style.small.with(size: 8), width: inner)
        return (quote, source)
    }

    func height(_ context: DrawingContext, style: Style, width: Double) -> Double {
        let (quote, source) = layouts(context, style: style, width: width)
        return quote.size.height + 4 + source.size.height + 12
    }

    func draw(_ context: DrawingContext, style: Style, x: Double, y: Double, width: Double) {
        let (quote, source) = layouts(context, style: style, width: width)
        let total = quote.size.height + 4 + source.size.height
        context.fillRect(x: x, y: y, width: 2.5, height: total, color: style.palette[0])
        quote.draw(x: x + 12, y: y, color: style.ink)
        source.draw(x: x + 12, y: y + quote.size.height + 4, color: style.secondary)
    }
}
