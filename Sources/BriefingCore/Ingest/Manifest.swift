// Manifest: reads `manifest.csv` at the corpus root — what is known of each document.
// Input: the file's text. Output: facts per document_id, or diagnostics with line:column.
// Invariants: values in the manifest win over what is read from the text; empty cells say nothing.
import BriefingModel

/// Facts about documents given by the user in `manifest.csv`.
public struct Manifest: Sendable, Equatable {
    /// What the manifest says of one document.
    public struct Entry: Sendable, Equatable {
        /// Publication date, when given.
        public var published: PublishedDate?
        /// Source, when given (empty otherwise).
        public var source: String = ""
        /// Title, when given (empty otherwise).
        public var title: String = ""
        /// URL, when given (empty otherwise).
        public var url: String = ""
        /// The 1-based line of the row, for warnings.
        public var line: Int = 0
    }

    /// Entries by document_id.
    public var entries: [String: Entry] = [:]

    /// The columns a manifest may have.
    public static let knownColumns = ["document_id", "published", "source", "title", "url"]

    /// Creates an empty manifest.
    public init() {}

    /// Parses manifest text; `path` is used in diagnostics. Throws the list of problems found.
    public static func parse(_ text: String, path: String) throws(BriefingError) -> Manifest {
        let rows: [CSVParser.Row]
        do {
            rows = try CSVParser.parse(text)
        } catch {
            throw BriefingError.invalidInput([
                Diagnostic(.error, path: path, line: error.line, column: error.column, message: error.message),
            ])
        }
        guard let header = rows.first else { return Manifest() }
        var problems: [Diagnostic] = []
        let names = header.fields.map { $0.trimmingSpaces.lowercased() }
        guard let idColumn = names.firstIndex(of: "document_id") else {
            throw BriefingError.invalidInput([
                Diagnostic(.error, path: path, line: header.line, column: 1,
                           message: "the header has no document_id column; expected document_id and any of published, source, title, url"),
            ])
        }
        var column = 1
        for name in names {
            if !knownColumns.contains(name) {
                problems.append(Diagnostic(.error, path: path, line: header.line, column: column,
                                           message: "unknown column '\(name)'; expected one of \(knownColumns.joined(separator: ", "))"))
            }
            column += name.count + 1
        }
        var manifest = Manifest()
        for row in rows.dropFirst() {
            func cell(_ name: String) -> String {
                guard let index = names.firstIndex(of: name), index < row.fields.count else { return "" }
                return row.fields[index].trimmingSpaces
            }
            guard idColumn < row.fields.count, !cell("document_id").isEmpty else {
                problems.append(Diagnostic(.error, path: path, line: row.line, column: 1, message: "row has no document_id"))
                continue
            }
            let id = cell("document_id")
            var entry = Entry(source: cell("source"), title: cell("title"), url: cell("url"), line: row.line)
            let published = cell("published")
            if !published.isEmpty {
                if let date = PublishedDate(iso: published) {
                    entry.published = date
                } else {
                    problems.append(Diagnostic(.error, path: path, line: row.line, column: 1,
                                               message: "published '\(published)' of \(id) is not a date; expected YYYY-MM-DD, YYYY-MM or YYYY"))
                }
            }
            if manifest.entries[id] != nil {
                problems.append(Diagnostic(.error, path: path, line: row.line, column: 1,
                                           message: "document_id '\(id)' appears twice"))
            }
            manifest.entries[id] = entry
        }
        if !problems.isEmpty { throw BriefingError.invalidInput(problems) }
        return manifest
    }
}

extension String {
    /// The string without leading and trailing whitespace.
    var trimmingSpaces: String { String(TextLines.trim(self[...])) }
}
