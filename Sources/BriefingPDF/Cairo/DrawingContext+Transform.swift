import CPangoCairo

/// Draws with the origin moved to (x, y) and the axes turned a quarter turn anticlockwise
/// (for vertical labels), restoring the state afterwards.
func cairo_save_rotated(_ context: DrawingContext, x: Double, y: Double, _ body: () -> Void) {
    cairo_save(context.handle)
    cairo_translate(context.handle, x, y)
    cairo_rotate(context.handle, -Double.pi / 2)
    body()
    cairo_restore(context.handle)
}
