// DrawingContext: owns one cairo context (cairo_t) on a PDF surface; the only drawing API the
// layout and charts use. Not Sendable; destroyed in deinit.
import BriefingModel
import CPangoCairo

/// An RGB colour.
struct Color: Equatable {
    var red: Double
    var green: Double
    var blue: Double

    /// From `0xRRGGBB`.
    init(hex: UInt32) {
        red = Double((hex >> 16) & 0xFF) / 255
        green = Double((hex >> 8) & 0xFF) / 255
        blue = Double(hex & 0xFF) / 255
    }

    init(red: Double, green: Double, blue: Double) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// Relative luminance (for choosing a text colour that contrasts).
    var luminance: Double { 0.2126 * red + 0.7152 * green + 0.0722 * blue }

    /// Mixes towards `other` by `amount` (0…1).
    func mixed(with other: Color, _ amount: Double) -> Color {
        Color(red: red + (other.red - red) * amount, green: green + (other.green - green) * amount,
              blue: blue + (other.blue - blue) * amount)
    }
}

/// A cairo drawing context.
final class DrawingContext {
    /// The C handle, owned.
    let handle: OpaquePointer
    /// The surface drawn on (kept alive while the context lives).
    let surface: PDFSurface
    /// The layouts made so far, shared with the other pass of the same briefing.
    let layouts: LayoutCache

    init(surface: PDFSurface, layouts: LayoutCache = LayoutCache()) throws(BriefingError) {
        guard let context = cairo_create(surface.handle) else {
            throw .failure(stage: "pdf", path: surface.path ?? "(memory)", reason: "cairo could not create a context")
        }
        let status = cairo_status(context)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_destroy(context)
            throw .failure(stage: "pdf", path: surface.path ?? "(memory)", reason: String(cString: cairo_status_to_string(status)))
        }
        handle = context
        self.surface = surface
        self.layouts = layouts
    }

    deinit { cairo_destroy(handle) }

    /// Any error recorded by cairo so far.
    func check() throws(BriefingError) {
        let status = cairo_status(handle)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw .failure(stage: "pdf", path: surface.path ?? "(memory)", reason: String(cString: cairo_status_to_string(status)))
        }
    }

    func setColor(_ color: Color) { cairo_set_source_rgb(handle, color.red, color.green, color.blue) }

    func fillRect(x: Double, y: Double, width: Double, height: Double, color: Color) {
        setColor(color)
        cairo_rectangle(handle, x, y, width, height)
        cairo_fill(handle)
    }

    func strokeRect(x: Double, y: Double, width: Double, height: Double, color: Color, lineWidth: Double) {
        setColor(color)
        cairo_set_line_width(handle, lineWidth)
        cairo_rectangle(handle, x, y, width, height)
        cairo_stroke(handle)
    }

    func line(from start: (Double, Double), to end: (Double, Double), color: Color, width: Double) {
        setColor(color)
        cairo_set_line_width(handle, width)
        cairo_move_to(handle, start.0, start.1)
        cairo_line_to(handle, end.0, end.1)
        cairo_stroke(handle)
    }

    /// Ends the current page.
    func showPage() { cairo_show_page(handle) }

    /// Marks a named destination (for bookmarks and links) at a point.
    func destination(_ name: String, x: Double, y: Double) {
        cairo_tag_begin(handle, CAIRO_TAG_DEST, "name='\(name)' x=\(Int(x)) y=\(Int(y))")
        cairo_tag_end(handle, CAIRO_TAG_DEST)
    }

    /// Makes a rectangle a link to a named destination.
    func link(to destination: String, x: Double, y: Double, width: Double, height: Double) {
        let rect = "\(format(x)) \(format(y)) \(format(width)) \(format(height))"
        cairo_tag_begin(handle, CAIRO_TAG_LINK, "dest='\(destination)' rect=[\(rect)]")
        cairo_tag_end(handle, CAIRO_TAG_LINK)
    }

    private func format(_ value: Double) -> String { String(Int(value.rounded())) }
}
