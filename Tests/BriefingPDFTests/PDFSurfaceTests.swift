@testable import BriefingPDF
import BriefingModel
import Foundation
import Testing

@Suite("PDF: cairo surface ownership and errors")
struct PDFSurfaceTests {
    @Test func writesAPDFFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("surface-\(UUID().uuidString).pdf").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let surface = try PDFSurface(path: path, width: 595, height: 842)
        try surface.finish()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(bytes.starts(with: Array("%PDF-".utf8)))
    }

    @Test func unwritablePathIsAnErrorNamingIt() {
        #expect(throws: BriefingError.self) {
            let surface = try PDFSurface(path: "/nonexistent-dir/x.pdf", width: 10, height: 10)
            try surface.finish()
        }
    }
}
