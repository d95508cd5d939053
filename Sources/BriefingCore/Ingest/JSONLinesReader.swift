// JSONLinesReader: a `.jsonl` file → one document per line {"text", "id"?, "title"?, "published"?,
// "source"?, "url"?}. A broken line is a warning naming file:line; the other lines are read.
import BriefingModel
import Glibc

/// Reads JSON Lines corpus files.
enum JSONLinesReader {
    /// One record of a JSON Lines file.
    struct Record: Sendable {
        var id: String
        var text: String
        var given: Manifest.Entry
        var line: Int = 0
        /// Warnings about the record that did not cost it (an unreadable date).
        var notes: [Diagnostic] = []
    }

    /// Reads every line of `bytes` into records; broken lines are warnings.
    static func read(_ bytes: [UInt8], file: CorpusFile) -> ([Record], [Diagnostic]) {
        var records: [Record] = []
        var diagnostics: [Diagnostic] = []
        let fileID = CorpusReader.documentID(for: file.relativePath)
        var lineNumber = 0
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        while start < bytes.count {
            lineNumber += 1
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            switch parse(bytes[start..<end], lineNumber: lineNumber, fileID: fileID, path: file.relativePath) {
            case .success(let record)?: records.append(record)
            case .failure(let diagnostic)?: diagnostics.append(diagnostic)
            case nil: break
            }
            start = end + 1
        }
        return (records, diagnostics)
    }

    /// One line: a record, a warning, or nil for a blank line.
    static func parse(_ line: ArraySlice<UInt8>, lineNumber: Int, fileID: String, path: String) -> Result<Record, Diagnostic>? {
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return nil }
        var diagnostics: [Diagnostic] = []
        func warn(_ message: String) -> Result<Record, Diagnostic> {
            .failure(Diagnostic(.warning, path: path, line: lineNumber, message: message + "; line skipped"))
        }
        guard let object = JSONObjectScanner.members(line) else {
            return warn("not a JSON object")
        }
        guard let text = object["text"]?.string else { return warn("no \"text\" string") }
        guard !text.unicodeScalars.allSatisfy({ ScalarFolding.isSpace($0) }) else { return warn("empty \"text\"") }
        // U+0000 is the byte 0 in UTF-8 and no other scalar contains it (found with memchr: a byte
        // loop was a fifth of reading a line).
        if text.withUTF8Buffer({ bytes in bytes.baseAddress.map { memchr($0, 0, bytes.count) != nil } ?? false }) {
            return warn("\"text\" holds a NUL character (binary data)")
        }
        var given = Manifest.Entry()
        given.title = object["title"]?.string ?? ""
        given.source = object["source"]?.string ?? ""
        given.url = object["url"]?.string ?? ""
        if let published = object["published"]?.string, !published.isEmpty {
            given.published = PublishedDate(iso: String(published.prefix(10)))
            if given.published == nil {
                diagnostics.append(Diagnostic(.warning, path: path, line: lineNumber,
                                              message: "\"published\" '\(published)' is not a date (expected YYYY-MM-DD); ignored"))
            }
        }
        let id: String
        if let given = object["id"]?.string, !given.isEmpty {
            id = given
        } else if let number = object["id"]?.integer {
            id = String(number)
        } else {
            id = "\(fileID)#\(lineNumber)"
        }
        return .success(Record(id: id, text: text, given: given, line: lineNumber, notes: diagnostics))
    }
}
