// PDFSurface: owns one cairo PDF surface (cairo_surface_t). Not Sendable; destroyed in deinit.
import BriefingModel
import CPangoCairo

/// A cairo PDF surface writing to a file.
final class PDFSurface {
    /// The C handle, owned.
    let handle: OpaquePointer
    /// The file being written (for error messages).
    let path: String

    /// Creates a surface of `width` × `height` points writing to `path`.
    init(path: String, width: Double, height: Double) throws(BriefingError) {
        guard let surface = cairo_pdf_surface_create(path, width, height) else {
            throw .failure(stage: "pdf", path: path, reason: "cairo could not create a PDF surface")
        }
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(surface)
            throw .failure(stage: "pdf", path: path, reason: String(cString: cairo_status_to_string(status)))
        }
        handle = surface
        self.path = path
    }

    deinit { cairo_surface_destroy(handle) }

    /// Sets a metadata entry (title, subject, keywords, creator, create date).
    func setMetadata(_ key: cairo_pdf_metadata_t, _ value: String) {
        cairo_pdf_surface_set_metadata(handle, key, value)
    }

    /// Finishes the document and reports a write error with the file's path.
    func finish() throws(BriefingError) {
        cairo_surface_finish(handle)
        let status = cairo_surface_status(handle)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw .failure(stage: "pdf", path: path, reason: String(cString: cairo_status_to_string(status)))
        }
    }
}
