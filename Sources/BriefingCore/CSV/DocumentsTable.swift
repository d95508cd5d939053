import BriefingModel

/// documents.csv: one row per document, in corpus order (sorted path, then JSONL line).
enum DocumentsTable {
    /// The columns, in order (INTERFACE.md).
    static let header = ["document_id", "title", "source", "published", "year", "words", "mentions", "quotes", "path"]

    /// One row.
    static func row(_ document: Document, _ analysis: DocumentAnalysis) -> [CSVCell] {
        [
            .text(document.id), .text(document.title), .text(document.source),
            .text(document.published?.description ?? ""), .text(document.yearLabel),
            .int(document.words), .int(analysis.mentions.count + analysis.speakerMentions.count), .int(analysis.quotations.count),
            .text(document.path),
        ]
    }
}
