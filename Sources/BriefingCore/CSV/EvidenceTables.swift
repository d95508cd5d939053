import BriefingModel

/// The evidence files: quotes.csv and mentions.csv, one row per quotation / actor mention,
/// in corpus order then text order (start offset).
enum EvidenceTables {
    /// quotes.csv columns.
    static let quotesHeader = ["document_id", "speaker", "actor", "quote", "start", "end"]
    /// mentions.csv columns.
    static let mentionsHeader = ["document_id", "actor", "text", "start", "end"]

    /// The quotes.csv rows of one document.
    static func quoteRows(_ analysis: DocumentAnalysis, template: ReportTemplate) -> [[CSVCell]] {
        analysis.quotations.map { quote in
            [.text(analysis.documentID), .text(quote.speaker), .text(quote.actor.map { template.actors[$0].name } ?? ""),
             .text(quote.text), .int(quote.start), .int(quote.end)]
        }
    }

    /// The mentions.csv rows of one document, in text order.
    static func mentionRows(_ analysis: DocumentAnalysis, template: ReportTemplate) -> [[CSVCell]] {
        var rows: [(Int, [CSVCell])] = analysis.mentions.map { mention in
            (mention.start, [.text(analysis.documentID), .text(template.actors[mention.actor].name),
                             .text(mention.text), .int(mention.start), .int(mention.end)])
        }
        rows += analysis.speakerMentions.map { mention in
            (mention.start, [.text(analysis.documentID), .text(mention.name), .text(mention.text), .int(mention.start), .int(mention.end)])
        }
        return rows.sorted { $0.0 < $1.0 }.map(\.1)
    }
}
