import BriefingModel

/// documents.csv: one row per document, in corpus order (sorted path, then JSONL line).
enum DocumentsTable {
    /// The columns, in order (INTERFACE.md).
    static let header = ["document_id", "title", "source", "published", "year", "words", "mentions", "quotes", "path"]

    /// The table; mention and quote counts come from the analyses when given.
    static func make(_ documents: [Document], mentions: [String: Int] = [:], quotes: [String: Int] = [:]) -> CSVTable {
        CSVTable(header: header, rows: documents.map { document in
            [
                .text(document.id), .text(document.title), .text(document.source),
                .text(document.published?.description ?? ""), .text(document.yearLabel),
                .int(document.words), .int(mentions[document.id] ?? 0), .int(quotes[document.id] ?? 0),
                .text(document.path),
            ]
        })
    }
}
