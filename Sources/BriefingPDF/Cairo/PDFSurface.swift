// PDFSurface: owns one cairo PDF surface (cairo_surface_t). Not Sendable; destroyed in deinit.
import BriefingModel
import CPangoCairo

/// A cairo PDF surface writing to a file (or to nothing, for a measuring pass).
final class PDFSurface {
    /// The C handle, owned.
    let handle: OpaquePointer
    /// The file being written (for error messages); nil for a measuring surface.
    let path: String?

    /// Creates a surface of `width` × `height` points writing to `path` (nil: no output).
    init(path: String?, width: Double, height: Double) throws(BriefingError) {
        guard let surface = cairo_pdf_surface_create(path, width, height) else {
            throw .failure(stage: "pdf", path: path ?? "(memory)", reason: "cairo could not create a PDF surface")
        }
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(surface)
            throw .outputUnwritable(path: path ?? "(memory)", reason: String(cString: cairo_status_to_string(status)))
        }
        handle = surface
        self.path = path
        cairo_pdf_surface_restrict_to_version(surface, CAIRO_PDF_VERSION_1_5)
    }

    deinit { cairo_surface_destroy(handle) }

    /// Sets a metadata entry (title, subject, keywords, creator, create date).
    func setMetadata(_ key: cairo_pdf_metadata_t, _ value: String) {
        cairo_pdf_surface_set_metadata(handle, key, value)
    }

    /// Adds a bookmark pointing at a named destination; returns its id (for children).
    @discardableResult
    func addOutline(parent: Int32, title: String, destination: String) -> Int32 {
        cairo_pdf_surface_add_outline(handle, parent, title, "dest='\(destination)'", CAIRO_PDF_OUTLINE_FLAG_OPEN)
    }

    /// Finishes the document and reports a write error with the file's path.
    func finish() throws(BriefingError) {
        cairo_surface_finish(handle)
        let status = cairo_surface_status(handle)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw .outputUnwritable(path: path ?? "(memory)", reason: String(cString: cairo_status_to_string(status)))
        }
    }
}
