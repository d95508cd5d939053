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

    /// The row of a speaker's mention.
    private static func row(_ documentID: String, _ mention: NameMention) -> [CSVCell] {
        [.text(documentID), .text(mention.name), .text(mention.text), .int(mention.start), .int(mention.end)]
    }

    /// The mentions.csv rows of one document, in text order.
    static func mentionRows(_ analysis: DocumentAnalysis, template: ReportTemplate) -> [[CSVCell]] {
        // Both lists are in text order (extraction makes them so; checked, else sorted): merged by
        // start, an actor's mention first at equal starts (as a stable sort of the two would).
        var actors = analysis.mentions, speakers = analysis.speakerMentions
        if !zip(actors, actors.dropFirst()).allSatisfy({ $0.0.start <= $0.1.start }) { actors.sort { $0.start < $1.start } }
        if !zip(speakers, speakers.dropFirst()).allSatisfy({ $0.0.start <= $0.1.start }) { speakers.sort { $0.start < $1.start } }
        var rows: [[CSVCell]] = []
        rows.reserveCapacity(actors.count + speakers.count)
        var next = 0
        for mention in actors {
            while next < speakers.count, speakers[next].start < mention.start {
                rows.append(row(analysis.documentID, speakers[next]))
                next += 1
            }
            rows.append([.text(analysis.documentID), .text(template.actors[mention.actor].name),
                         .text(mention.text), .int(mention.start), .int(mention.end)])
        }
        for mention in speakers[next...] { rows.append(row(analysis.documentID, mention)) }
        return rows
    }
}
