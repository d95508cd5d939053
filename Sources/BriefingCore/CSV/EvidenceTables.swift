import BriefingModel

/// The evidence files: quotes.csv and mentions.csv, one row per quotation / actor mention,
/// in corpus order then text order (start offset).
enum EvidenceTables {
    /// quotes.csv columns.
    static let quotesHeader = ["document_id", "speaker", "actor", "quote", "start", "end"]
    /// mentions.csv columns.
    static let mentionsHeader = ["document_id", "actor", "text", "start", "end"]

    /// Appends the quotes.csv rows of one document to `out` (encoded as `CSVTable` encodes
    /// rows, without making them first); returns how many.
    static func appendQuoteRows(_ analysis: DocumentAnalysis, template: ReportTemplate, to out: inout [UInt8]) -> Int {
        // Room for the rows at once: their cells, separators, two offsets and a little quoting.
        let fixed = analysis.documentID.utf8.count + 32
        CSVTable.reserve(analysis.quotations.reduce(0) { $0 + fixed + $1.speaker.utf8.count * 2 + $1.text.utf8.count + 8 }, in: &out)
        // Cells that repeat from row to row are encoded once.
        let id = Self.cell(analysis.documentID)
        for quote in analysis.quotations {
            out.append(contentsOf: id)
            CSVTable.appendSeparator(to: &out)
            CSVTable.appendText(quote.speaker, to: &out)
            CSVTable.appendSeparator(to: &out)
            CSVTable.appendText(quote.actor.map { template.actors[$0].name } ?? "", to: &out)
            CSVTable.appendSeparator(to: &out)
            CSVTable.appendText(quote.text, to: &out)
            CSVTable.appendSeparator(to: &out)
            CSVTable.appendInteger(quote.start, to: &out)
            CSVTable.appendSeparator(to: &out)
            CSVTable.appendInteger(quote.end, to: &out)
            CSVTable.appendRowEnd(to: &out)
        }
        return analysis.quotations.count
    }

    /// Appends the mentions.csv rows of one document to `out`, in text order; returns how many.
    static func appendMentionRows(_ analysis: DocumentAnalysis, template: ReportTemplate, to out: inout [UInt8]) -> Int {
        // Cells that repeat from row to row are encoded once.
        let id = cell(analysis.documentID)
        // A row after its name cell: the mention's text and offsets.
        func finish(_ text: String, _ start: Int, _ end: Int) {
            CSVTable.appendSeparator(to: &out)
            CSVTable.appendText(text, to: &out)
            CSVTable.appendSeparator(to: &out)
            CSVTable.appendInteger(start, to: &out)
            CSVTable.appendSeparator(to: &out)
            CSVTable.appendInteger(end, to: &out)
            CSVTable.appendRowEnd(to: &out)
        }
        func speakerRow(_ mention: NameMention) {
            out.append(contentsOf: id)
            CSVTable.appendSeparator(to: &out)
            CSVTable.appendText(mention.name, to: &out)
            finish(mention.text, mention.start, mention.end)
        }
        // Both lists are in text order (extraction makes them so; checked, else sorted): merged by
        // start, an actor's mention first at equal starts (as a stable sort of the two would).
        var actors = analysis.mentions, speakers = analysis.speakerMentions
        // Room for the rows at once: id, name (an actor's taken as long as its text), text, two
        // offsets, separators.
        let fixed = analysis.documentID.utf8.count + 40
        CSVTable.reserve(actors.reduce(0) { $0 + fixed + 2 * $1.text.utf8.count } + speakers.reduce(0) { $0 + fixed + $1.name.utf8.count + $1.text.utf8.count },
                         in: &out)
        if !zip(actors, actors.dropFirst()).allSatisfy({ $0.0.start <= $0.1.start }) { actors.sort { $0.start < $1.start } }
        if !zip(speakers, speakers.dropFirst()).allSatisfy({ $0.0.start <= $0.1.start }) { speakers.sort { $0.start < $1.start } }
        var next = 0
        for mention in actors {
            while next < speakers.count, speakers[next].start < mention.start {
                speakerRow(speakers[next])
                next += 1
            }
            out.append(contentsOf: id)
            CSVTable.appendSeparator(to: &out)
            CSVTable.appendText(template.actors[mention.actor].name, to: &out)
            finish(mention.text, mention.start, mention.end)
        }
        for mention in speakers[next...] { speakerRow(mention) }
        return actors.count + speakers.count
    }

    /// `text` encoded as a CSV cell (`CSVTable.appendText`).
    private static func cell(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 3)
        CSVTable.appendText(text, to: &bytes)
        return bytes
    }
}
