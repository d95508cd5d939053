// Block: a piece of flowing content the Composer places on pages.

/// Something that can be measured and drawn in a column.
protocol Block {
    /// Height when drawn `width` points wide.
    func height(_ context: DrawingContext, style: Style, width: Double) -> Double
    /// Draws with its top-left corner at (x, y).
    func draw(_ context: DrawingContext, style: Style, x: Double, y: Double, width: Double)
    /// Splits so that the first part fits in `available` points; nil when it cannot split.
    func split(_ context: DrawingContext, style: Style, width: Double, available: Double) -> (Block, Block)?
    /// A heading: never left alone at a page's foot.
    var keepsWithNext: Bool { get }
}

extension Block {
    func split(_ context: DrawingContext, style: Style, width: Double, available: Double) -> (Block, Block)? { nil }
    var keepsWithNext: Bool { false }
}

/// Vertical space.
struct Spacer: Block {
    let points: Double
    func height(_ context: DrawingContext, style: Style, width: Double) -> Double { points }
    func draw(_ context: DrawingContext, style: Style, x: Double, y: Double, width: Double) {}
}
