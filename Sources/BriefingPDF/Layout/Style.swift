// Style: the briefing's look (BRIEFING-LOOK.md): page, type, colour — in one place.
import BriefingModel

/// Page geometry and typography of the briefing.
struct Style {
    let pageWidth: Double
    let pageHeight: Double
    let marginLeft = 56.7     // 20 mm
    let marginRight = 56.7
    let marginTop = 51.0      // 18 mm
    let marginBottom = 56.7
    let family: String

    let ink = Color(hex: 0x1A1A1A)
    let secondary = Color(hex: 0x5A5A5A)
    let hairline = Color(hex: 0xD0D0D0)
    let faint = Color(hex: 0xF2F2F2)
    let accent = Color(hex: 0x0B3C5D)
    let white = Color(hex: 0xFFFFFF)
    /// Okabe–Ito, colour-blind safe.
    let palette: [Color] = [0x0072B2, 0xE69F00, 0x009E73, 0xCC79A7, 0x56B4E9, 0xD55E00, 0xF0E442].map { Color(hex: $0) }
    /// Sequential scale ends for heatmaps (one hue).
    let sequentialLow = Color(hex: 0xF3F7FB)
    let sequentialHigh = Color(hex: 0x08306B)

    init(template: ReportTemplate) {
        switch template.pageSize {
        case .a4:
            pageWidth = 595.28
            pageHeight = 841.89
        case .letter:
            pageWidth = 612
            pageHeight = 792
        }
        family = template.font
    }

    var contentWidth: Double { pageWidth - marginLeft - marginRight }
    /// Prose is capped near 75 characters a line.
    var proseWidth: Double { min(contentWidth, 430) }
    var contentTop: Double { marginTop + 16 }
    var contentBottom: Double { pageHeight - marginBottom }

    var body: FontSpec { FontSpec(family: family, size: 9.5) }
    var small: FontSpec { FontSpec(family: family, size: 7.5) }
    var tableText: FontSpec { FontSpec(family: family, size: 8) }
    var sectionTitle: FontSpec { FontSpec(family: family, size: 18, bold: true) }
    var subsection: FontSpec { FontSpec(family: family, size: 12, bold: true) }
    var chartTitle: FontSpec { FontSpec(family: family, size: 10.5, bold: true) }
    var quote: FontSpec { FontSpec(family: family, size: 10.5, italic: true) }
    var bodyLineSpacing: Double { 4 }

    /// The colour of an actor kind (categorical, colour-blind safe).
    func color(for kind: ActorKind) -> Color {
        switch kind {
        case .person: return palette[0]
        case .organization: return palette[1]
        case .place: return palette[2]
        case .other: return palette[3]
        }
    }

    /// A sequential colour for `value` in 0…1.
    func sequential(_ value: Double) -> Color { sequentialLow.mixed(with: sequentialHigh, max(0, min(1, value))) }
}
