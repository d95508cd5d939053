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
        for quote in analysis.quotations {
            CSVTable.appendText(analysis.documentID, to: &out)
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
        func append(_ name: String, _ text: String, _ start: Int, _ end: Int) {
            CSVTable.appendText(analysis.documentID, to: &out)
            CSVTable.appendSeparator(to: &out)
            CSVTable.appendText(name, to: &out)
            CSVTable.appendSeparator(to: &out)
            CSVTable.appendText(text, to: &out)
            CSVTable.appendSeparator(to: &out)
            CSVTable.appendInteger(start, to: &out)
            CSVTable.appendSeparator(to: &out)
            CSVTable.appendInteger(end, to: &out)
            CSVTable.appendRowEnd(to: &out)
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
                append(speakers[next].name, speakers[next].text, speakers[next].start, speakers[next].end)
                next += 1
            }
            append(template.actors[mention.actor].name, mention.text, mention.start, mention.end)
        }
        for mention in speakers[next...] { append(mention.name, mention.text, mention.start, mention.end) }
        return actors.count + speakers.count
    }
}
