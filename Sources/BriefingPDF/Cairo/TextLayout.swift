// TextLayout: owns one PangoLayout (a paragraph of text set with a font, width and wrapping).
// Article text is set as plain text or as escaped markup — never as raw markup.
import CPangoCairo

/// A font request.
struct FontSpec: Hashable {
    var family: String
    var size: Double
    var bold = false
    var italic = false

    func with(size: Double? = nil, bold: Bool? = nil, italic: Bool? = nil) -> FontSpec {
        FontSpec(family: family, size: size ?? self.size, bold: bold ?? self.bold, italic: italic ?? self.italic)
    }
}

/// Owns one PangoLayout: made once per briefing for each distinct text, font and shape, and
/// shared by every `TextLayout` that asks for the same (`LayoutCache`).
final class PangoLayoutHandle {
    /// The PangoLayout, owned.
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) { self.pointer = pointer }

    deinit { g_object_unref(UnsafeMutableRawPointer(pointer)) }
}

/// The layouts of a briefing, by everything that decides their shape: the same text in the same
/// font, width and transformation is laid out (shaped) once, however often it is measured and
/// drawn, and in both passes. A layout keeps its own Pango context, so one made for the measuring
/// pass draws the same on the file's context (both are PDF surfaces with the same font options).
final class LayoutCache {
    struct Key: Hashable {
        var text: String
        var markup: Bool
        var font: FontSpec
        var width: Double?
        var alignment: TextLayout.Alignment
        var maxLines: Int?
        var lineSpacing: Double?
        /// The context's transformation when the layout was made (Pango reads it).
        var transform: Transform
    }

    /// A cairo matrix's six entries.
    struct Transform: Hashable {
        var xx, yx, xy, yy, x0, y0: Double

        init(_ matrix: cairo_matrix_t) {
            (xx, yx, xy, yy, x0, y0) = (matrix.xx, matrix.yx, matrix.xy, matrix.yy, matrix.x0, matrix.y0)
        }
    }

    private var layouts: [Key: PangoLayoutHandle] = [:]

    /// Layouts made so far (for tests).
    var count: Int { layouts.count }

    /// The layout for `key`, made by `make` the first time.
    func layout(for key: Key, make: () -> PangoLayoutHandle) -> PangoLayoutHandle {
        if let known = layouts[key] { return known }
        let made = make()
        layouts[key] = made
        return made
    }
}

/// A laid-out block of text, drawn on the context it was asked for.
final class TextLayout {
    /// The PangoLayout (owned by `storage`).
    var handle: OpaquePointer { storage.pointer }
    private let storage: PangoLayoutHandle
    private let context: DrawingContext

    /// Horizontal alignment.
    enum Alignment: Hashable { case left, center, right, justify }

    /// Lays out `text` in `font`, wrapped at `width` points (nil: one unbounded line).
    /// `markup` text must come from `Markup` (escaped); plain text is shown as it is.
    init(_ context: DrawingContext, text: String, font: FontSpec, width: Double?, markup: Bool = false,
         alignment: Alignment = .left, maxLines: Int? = nil, lineSpacing: Double? = nil) {
        self.context = context
        var matrix = cairo_matrix_t()
        cairo_get_matrix(context.handle, &matrix)
        let key = LayoutCache.Key(text: text, markup: markup, font: font, width: width, alignment: alignment, maxLines: maxLines,
                                  lineSpacing: lineSpacing, transform: LayoutCache.Transform(matrix))
        storage = context.layouts.layout(for: key) {
            Self.make(context, text: text, font: font, width: width, markup: markup, alignment: alignment,
                      maxLines: maxLines, lineSpacing: lineSpacing)
        }
    }

    private static func make(_ context: DrawingContext, text: String, font: FontSpec, width: Double?, markup: Bool,
                             alignment: Alignment, maxLines: Int?, lineSpacing: Double?) -> PangoLayoutHandle {
        guard let layout = pango_cairo_create_layout(context.handle) else {
            fatalError("pango_cairo_create_layout returned NULL (out of memory)")
        }
        let description = pango_font_description_new()
        pango_font_description_set_family(description, font.family)
        pango_font_description_set_absolute_size(description, font.size * Double(PANGO_SCALE))
        pango_font_description_set_weight(description, font.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_font_description_set_style(description, font.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
        pango_layout_set_font_description(layout, description)
        pango_font_description_free(description)
        if let width {
            pango_layout_set_width(layout, Int32(width * Double(PANGO_SCALE)))
            pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        }
        if let lineSpacing { pango_layout_set_spacing(layout, Int32(lineSpacing * Double(PANGO_SCALE))) }
        switch alignment {
        case .left: pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
        case .center: pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
        case .right: pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT)
        case .justify:
            pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
            pango_layout_set_justify(layout, 1)
        }
        if let maxLines {
            pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END)
            pango_layout_set_height(layout, Int32(-maxLines))
        }
        if markup {
            pango_layout_set_markup(layout, text, -1)
        } else {
            pango_layout_set_text(layout, text, -1)
        }
        return PangoLayoutHandle(layout)
    }

    /// One line of `text` in `font`, made smaller (down to `minimumSize` points) until it is at most
    /// `width` wide: for figures, which must neither wrap nor be cut (a million documents do not fit
    /// a tile or a cell at the size five do).
    static func fitting(_ context: DrawingContext, text: String, font: FontSpec, width: Double, minimumSize: Double = 5) -> TextLayout {
        var layout = TextLayout(context, text: text, font: font, width: nil)
        var size = font.size
        while layout.size.width > width, size > minimumSize {
            // Widths scale with the size (about): one step to the size that fits, then a quarter
            // point at a time where hinting makes it slightly wider.
            size = max(minimumSize, min(size - 0.25, size * width / layout.size.width))
            layout = TextLayout(context, text: text, font: font.with(size: size), width: nil)
        }
        return layout
    }

    /// Draws the (one-line) layout in a box of `width` starting at `x`, placed by `alignment`
    /// (`.justify` as `.left`).
    func draw(inBoxAt x: Double, width: Double, y: Double, alignment: Alignment, color: Color) {
        let left: Double
        switch alignment {
        case .left, .justify: left = x
        case .center: left = x + (width - size.width) / 2
        case .right: left = x + width - size.width
        }
        draw(x: left, y: y, color: color)
    }

    /// Width and height in points (logical extents).
    var size: (width: Double, height: Double) {
        var width: Int32 = 0, height: Int32 = 0
        pango_layout_get_size(handle, &width, &height)
        return (Double(width) / Double(PANGO_SCALE), Double(height) / Double(PANGO_SCALE))
    }

    /// How many lines the text was set on.
    var lineCount: Int { Int(pango_layout_get_line_count(handle)) }

    /// The baseline of the first line, from the top.
    var baseline: Double { Double(pango_layout_get_baseline(handle)) / Double(PANGO_SCALE) }

    /// Draws with its top-left corner at (x, y) in `color`.
    func draw(x: Double, y: Double, color: Color) {
        context.setColor(color)
        cairo_move_to(context.handle, x, y)
        pango_cairo_show_layout(context.handle, handle)
    }
}

/// Building Pango markup from untrusted text: every piece of text is escaped.
enum Markup {
    /// Escapes &, <, >, ' and " so that text is shown, never interpreted.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "'": out += "&#39;"
            case "\"": out += "&quot;"
            default:
                // Control characters other than tab and newline are not valid in markup.
                if scalar.value < 0x20 && scalar != "\t" && scalar != "\n" { out += " " } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    static func bold(_ text: String) -> String { "<b>\(escape(text))</b>" }
}
