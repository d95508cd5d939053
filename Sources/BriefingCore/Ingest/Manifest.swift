// Manifest: reads `manifest.csv` at the corpus root — what is known of each document.
// Input: the file's text. Output: facts per document_id, or diagnostics with line:column.
// Invariants: values in the manifest win over what is read from the text; empty cells say nothing.
import BriefingModel

/// Facts about documents given by the user in `manifest.csv`.
public struct Manifest: Sendable, Equatable {
    /// What the manifest says of one document. Compact (24 bytes): a manifest of a million rows
    /// is held in memory for the whole run, and most rows give a date only.
    public struct Entry: Sendable, Equatable {
        /// The texts, when any is given (most rows have none).
        private final class Texts: Sendable {
            let source: String, title: String, url: String
            init(source: String, title: String, url: String) {
                self.source = source
                self.title = title
                self.url = url
            }
        }

        /// The date as year·10⁴ + month·10² + day (0 for a part not known); 0 for no date.
        private var packedDate: UInt32 = 0
        private var texts: Texts?
        /// The 1-based line of the row, for warnings.
        public var line: Int = 0

        public init(published: PublishedDate? = nil, source: String = "", title: String = "", url: String = "", line: Int = 0) {
            self.line = line
            self.published = published
            setTexts(source: source, title: title, url: url)
        }

        /// Publication date, when given.
        public var published: PublishedDate? {
            get {
                guard packedDate != 0 else { return nil }
                let month = Int(packedDate / 100 % 100), day = Int(packedDate % 100)
                return PublishedDate(year: Int(packedDate / 10_000), month: month == 0 ? nil : month, day: day == 0 ? nil : day)
            }
            set {
                guard let date = newValue else { packedDate = 0; return }
                packedDate = UInt32(date.year * 10_000 + (date.month ?? 0) * 100 + (date.day ?? 0))
            }
        }
        /// Source, when given (empty otherwise).
        public var source: String {
            get { texts?.source ?? "" }
            set { setTexts(source: newValue, title: title, url: url) }
        }
        /// Title, when given (empty otherwise).
        public var title: String {
            get { texts?.title ?? "" }
            set { setTexts(source: source, title: newValue, url: url) }
        }
        /// URL, when given (empty otherwise).
        public var url: String {
            get { texts?.url ?? "" }
            set { setTexts(source: source, title: title, url: newValue) }
        }

        private mutating func setTexts(source: String, title: String, url: String) {
            texts = source.isEmpty && title.isEmpty && url.isEmpty ? nil : Texts(source: source, title: title, url: url)
        }

        public static func == (a: Entry, b: Entry) -> Bool {
            a.packedDate == b.packedDate && a.line == b.line && a.source == b.source && a.title == b.title && a.url == b.url
        }
    }

    /// Entries by document_id.
    public var entries: [String: Entry] = [:]

    /// The columns a manifest may have.
    public static let knownColumns = ["document_id", "published", "source", "title", "url"]

    /// Creates an empty manifest.
    public init() {}

    /// Parses manifest text; `path` is used in diagnostics. Throws the list of problems found.
    public static func parse(_ text: String, path: String) throws(BriefingError) -> Manifest {
        var problems: [Diagnostic] = []
        var manifest = Manifest()
        // Sized once from the line count: growing a table of a million entries step by step would
        // hold two copies at its peak.
        manifest.entries.reserveCapacity(TextLines.count(of: 0x0A, in: text))
        var headerRead = false
        var idColumn = 0
        var columns: (published: Int?, source: Int?, title: Int?, url: Int?) = (nil, nil, nil, nil)
        var headerMissingID: Diagnostic? = nil
        do {
            // Rows as bytes: a String is made only for the cells that are kept (most rows: the id).
            try CSVParser.parseFields(text) { row in
                guard headerMissingID == nil else { return }
                guard headerRead else {
                    let header = (0..<row.count).map { row.string($0).trimmingSpaces.lowercased() }
                    guard let id = header.firstIndex(of: "document_id") else {
                        headerMissingID = Diagnostic(.error, path: path, line: row.line, column: 1,
                                                     message: "the header has no document_id column; expected document_id and any of published, source, title, url")
                        return
                    }
                    idColumn = id
                    columns = (header.firstIndex(of: "published"), header.firstIndex(of: "source"),
                               header.firstIndex(of: "title"), header.firstIndex(of: "url"))
                    var column = 1
                    for name in header {
                        if !knownColumns.contains(name) {
                            problems.append(Diagnostic(.error, path: path, line: row.line, column: column,
                                                       message: "unknown column '\(name)'; expected one of \(knownColumns.joined(separator: ", "))"))
                        }
                        column += name.count + 1
                    }
                    headerRead = true
                    return
                }
                func cell(_ index: Int?) -> String {
                    guard let index, index < row.count else { return "" }
                    let bytes = row[index]
                    guard !bytes.isEmpty else { return "" }
                    return String(decoding: UnsafeBufferPointer(rebasing: bytes[TextLines.trimmedBounds(bytes)]), as: UTF8.self)
                }
                let id = cell(idColumn)
                guard !id.isEmpty else {
                    problems.append(Diagnostic(.error, path: path, line: row.line, column: 1, message: "row has no document_id"))
                    return
                }
                var entry = Entry(source: cell(columns.source), title: cell(columns.title), url: cell(columns.url), line: row.line)
                let published = cell(columns.published)
                if !published.isEmpty {
                    if let date = PublishedDate(iso: published) {
                        entry.published = date
                    } else {
                        problems.append(Diagnostic(.error, path: path, line: row.line, column: 1,
                                                   message: "published '\(published)' of \(id) is not a date; expected YYYY-MM-DD, YYYY-MM or YYYY"))
                    }
                }
                if manifest.entries.updateValue(entry, forKey: id) != nil {
                    problems.append(Diagnostic(.error, path: path, line: row.line, column: 1,
                                               message: "document_id '\(id)' appears twice"))
                }
            }
        } catch {
            throw BriefingError.invalidInput([
                Diagnostic(.error, path: path, line: error.line, column: error.column, message: error.message),
            ])
        }
        if let headerMissingID { throw BriefingError.invalidInput([headerMissingID]) }
        if !problems.isEmpty { throw BriefingError.invalidInput(problems) }
        return manifest
    }
}

extension String {
    /// The string without leading and trailing whitespace.
    var trimmingSpaces: String { String(TextLines.trim(self[...])) }
}
