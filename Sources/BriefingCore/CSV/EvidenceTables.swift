import BriefingModel

/// The evidence files: quotes.csv and mentions.csv, one row per quotation / actor mention,
/// in corpus order then text order (start offset).
enum EvidenceTables {
    /// quotes.csv columns.
    static let quotesHeader = ["document_id", "speaker", "actor", "quote", "start", "end"]
    /// mentions.csv columns.
    static let mentionsHeader = ["document_id", "actor", "text", "start", "end"]

    /// quotes.csv.
    static func quotes(_ analyses: [DocumentAnalysis], template: ReportTemplate) -> CSVTable {
        var rows: [[CSVCell]] = []
        for analysis in analyses {
            for quote in analysis.quotations {
                rows.append([
                    .text(analysis.documentID), .text(quote.speaker),
                    .text(quote.actor.map { template.actors[$0].name } ?? ""),
                    .text(quote.text), .int(quote.start), .int(quote.end),
                ])
            }
        }
        return CSVTable(header: quotesHeader, rows: rows)
    }

    /// mentions.csv: template actors and discovered speakers, in text order per document.
    static func mentions(_ analyses: [DocumentAnalysis], template: ReportTemplate) -> CSVTable {
        var rows: [[CSVCell]] = []
        for analysis in analyses {
            var documentRows: [(Int, [CSVCell])] = analysis.mentions.map { mention in
                (mention.start, [.text(analysis.documentID), .text(template.actors[mention.actor].name),
                                 .text(mention.text), .int(mention.start), .int(mention.end)])
            }
            documentRows += analysis.speakerMentions.map { mention in
                (mention.start, [.text(analysis.documentID), .text(mention.name), .text(mention.text),
                                 .int(mention.start), .int(mention.end)])
            }
            rows += documentRows.sorted { $0.0 < $1.0 }.map(\.1)
        }
        return CSVTable(header: mentionsHeader, rows: rows)
    }
}
