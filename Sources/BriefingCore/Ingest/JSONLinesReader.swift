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

    /// A line's record but for its text, which is left undecoded until it is needed (a text whose
    /// analysis is in the store never is).
    struct Head: Sendable {
        var id: String
        var given: Manifest.Entry
        var line: Int
        var notes: [Diagnostic]
        /// The offsets, in the line, of the text's escaped bytes between its quotes.
        var rawText: Range<Int>
        /// The text, when it was decoded with the rest of the line.
        var decodedText: String?
    }

    /// One line: a record, a warning, or nil for a blank line.
    static func parse(_ line: ArraySlice<UInt8>, lineNumber: Int, fileID: String, path: String) -> Result<Record, Diagnostic>? {
        switch head(line, lineNumber: lineNumber, fileID: fileID, path: path, decodingText: true) {
        case nil: return nil
        case .failure(let diagnostic)?: return .failure(diagnostic)
        case .success(let head)?:
            return text(of: head, in: line, path: path).map { Record(id: head.id, text: $0, given: head.given, line: head.line, notes: head.notes) }
        }
    }

    /// One line read but for its text (`text(of:in:path:)` decodes it, unless `decodingText`
    /// decoded it in the same pass, for a run that will analyse every text): a head, a warning, or
    /// nil for a blank line.
    static func head(_ line: ArraySlice<UInt8>, lineNumber: Int, fileID: String, path: String,
                     decodingText: Bool = false) -> Result<Head, Diagnostic>? {
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return nil }
        var diagnostics: [Diagnostic] = []
        guard let object = JSONObjectScanner.members(line, raw: "text", decodingRaw: decodingText) else {
            return warn("not a JSON object", path, lineNumber)
        }
        guard case .kept(let rawText, let decodedText)? = object["text"] else { return warn("no \"text\" string", path, lineNumber) }
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
        return .success(Head(id: id, given: given, line: lineNumber, notes: diagnostics, rawText: rawText, decodedText: decodedText))
    }

    /// The text of a head's line, decoded, or the warning that skips the line: a text that is not
    /// valid JSON makes the line no JSON object; an empty one, or one holding U+0000, is refused.
    static func text(of head: Head, in line: ArraySlice<UInt8>, path: String) -> Result<String, Diagnostic> {
        guard let text = head.decodedText ?? JSONObjectScanner.decodedString(line, raw: head.rawText) else {
            return warn("not a JSON object", path, head.line)
        }
        guard !text.unicodeScalars.allSatisfy({ ScalarFolding.isSpace($0) }) else { return warn("empty \"text\"", path, head.line) }
        // U+0000 is the byte 0 in UTF-8 and no other scalar contains it (found with memchr: a byte
        // loop was a fifth of reading a line).
        if text.withUTF8Buffer({ bytes in bytes.baseAddress.map { memchr($0, 0, bytes.count) != nil } ?? false }) {
            return warn("\"text\" holds a NUL character (binary data)", path, head.line)
        }
        return .success(text)
    }

    /// The content fingerprint of a head's text, from its bytes as the line writes them (escaped):
    /// the same escaped bytes decode to the same text. Marked apart from an article file's
    /// fingerprint (of its raw bytes), so that the two never name each other's analysis.
    static func contentKey(of head: Head, in line: ArraySlice<UInt8>) -> String {
        var hasher = ContentHasher()
        hasher.add("jsonl text\u{0}".utf8)
        let raw = line.index(line.startIndex, offsetBy: head.rawText.lowerBound)..<line.index(line.startIndex, offsetBy: head.rawText.upperBound)
        hasher.add(line[raw])
        return hasher.hex
    }

    private static func warn<T>(_ message: String, _ path: String, _ line: Int) -> Result<T, Diagnostic> {
        .failure(Diagnostic(.warning, path: path, line: line, message: message + "; line skipped"))
    }
}
