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

    /// mentions.csv.
    static func mentions(_ analyses: [DocumentAnalysis], template: ReportTemplate) -> CSVTable {
        var rows: [[CSVCell]] = []
        for analysis in analyses {
            for mention in analysis.mentions {
                rows.append([
                    .text(analysis.documentID), .text(template.actors[mention.actor].name),
                    .text(mention.text), .int(mention.start), .int(mention.end),
                ])
            }
        }
        return CSVTable(header: mentionsHeader, rows: rows)
    }
}
