import Foundation
import Testing

/// Recounts the statistics CSVs from the evidence files (mentions.csv, quotes.csv, documents.csv).
enum Reconciliation {
    static func rows(_ folder: URL, _ name: String) throws -> [[String: String]] {
        let table = try BinaryRunner.readCSV(folder.appendingPathComponent(name))
        guard let header = table.first else { return [] }
        return table.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    static func check(_ out: URL) throws {
        let documents = try rows(out, "documents.csv")
        let mentions = try rows(out, "mentions.csv")
        let quotes = try rows(out, "quotes.csv")
        let year = Dictionary(uniqueKeysWithValues: documents.map { ($0["document_id"] ?? "", $0["year"] ?? "") })

        // actor_mentions.csv = mentions.csv counted by actor.
        for row in try rows(out, "actor_mentions.csv") {
            let own = mentions.filter { $0["actor"] == row["actor"] }
            #expect(String(own.count) == row["mentions"], "mentions of \(row["actor"] ?? "")")
            #expect(String(Set(own.map { $0["document_id"] ?? "" }).count) == row["documents"], "documents of \(row["actor"] ?? "")")
        }
        #expect(Set(mentions.map { $0["actor"] ?? "" }).count == (try rows(out, "actor_mentions.csv")).count)

        // quote_counts.csv = quotes.csv counted by speaker.
        let counts = try rows(out, "quote_counts.csv")
        for row in counts {
            let own = quotes.filter { $0["speaker"] == row["speaker"] && $0["actor"] == row["actor"] }
            #expect(String(own.count) == row["quotes"], "quotes of \(row["speaker"] ?? "")")
            #expect(String(Set(own.map { $0["document_id"] ?? "" }).count) == row["documents"])
        }
        #expect(counts.reduce(0) { $0 + (Int($1["quotes"] ?? "") ?? 0) } == quotes.count)

        // documents.csv's mentions and quotes columns = the evidence per document.
        for document in documents {
            let id = document["document_id"] ?? ""
            #expect(String(mentions.filter { $0["document_id"] == id }.count) == document["mentions"], "mentions in \(id)")
            #expect(String(quotes.filter { $0["document_id"] == id }.count) == document["quotes"], "quotes in \(id)")
        }

        // themes_by_year.csv: documents per theme and year never exceed the documents of that year.
        for row in try rows(out, "themes_by_year.csv") {
            let inYear = year.values.filter { $0 == row["year"] }.count
            #expect((Int(row["documents"] ?? "") ?? 0) <= inYear)
            #expect((Int(row["mentions"] ?? "") ?? 0) >= (Int(row["documents"] ?? "") ?? 0))
        }
    }
}
