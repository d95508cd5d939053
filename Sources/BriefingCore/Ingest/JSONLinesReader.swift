// JSONLinesReader: a `.jsonl` file → one document per line {"text", "id"?, "title"?, "published"?,
// "source"?, "url"?}. A broken line is a warning naming file:line; the other lines are read.
import BriefingModel
import Foundation

/// Reads JSON Lines corpus files.
enum JSONLinesReader {
    /// One record of a JSON Lines file.
    struct Record {
        var id: String
        var text: String
        var given: Manifest.Entry
    }

    /// Reads every line of `bytes` into records; broken lines are warnings.
    static func read(_ bytes: [UInt8], file: CorpusFile) -> ([Record], [Diagnostic]) {
        var documents: [Record] = []
        var diagnostics: [Diagnostic] = []
        let fileID = CorpusReader.documentID(for: file.relativePath)
        var lineNumber = 0
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        while start < bytes.count {
            lineNumber += 1
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            let line = bytes[start..<end]
            start = end + 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            func warn(_ message: String) {
                diagnostics.append(Diagnostic(.warning, path: file.relativePath, line: lineNumber, message: message + "; line skipped"))
            }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                warn("not a JSON object")
                continue
            }
            guard let text = object["text"] as? String else {
                warn("no \"text\" string")
                continue
            }
            guard !text.unicodeScalars.allSatisfy({ ScalarFolding.isSpace($0) }) else {
                warn("empty \"text\"")
                continue
            }
            if text.unicodeScalars.contains("\u{0}") {
                warn("\"text\" holds a NUL character (binary data)")
                continue
            }
            var given = Manifest.Entry()
            given.title = (object["title"] as? String) ?? ""
            given.source = (object["source"] as? String) ?? ""
            given.url = (object["url"] as? String) ?? ""
            if let published = object["published"] as? String, !published.isEmpty {
                given.published = PublishedDate(iso: String(published.prefix(10)))
                if given.published == nil {
                    diagnostics.append(Diagnostic(.warning, path: file.relativePath, line: lineNumber,
                                                  message: "\"published\" '\(published)' is not a date (expected YYYY-MM-DD); ignored"))
                }
            }
            let id: String
            if let given = object["id"] as? String, !given.isEmpty {
                id = given
            } else if let number = object["id"] as? Int {
                id = String(number)
            } else {
                id = "\(fileID)#\(lineNumber)"
            }
            documents.append(Record(id: id, text: text, given: given))
        }
        return (documents, diagnostics)
    }
}
