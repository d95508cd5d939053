import BriefingModel
@testable import BriefingCore
import Foundation
import Testing

/// The featured quotations gathered during the pass must be those the read-back of quotes.csv
/// picks; when the bound on tracked speakers drops a leading speaker, the table must say so.
@Suite("Aggregate: featured quotations")
struct FeaturedQuotesTests {
    /// Deterministic quotations: 40 speakers with skewed counts, words and ties on words.
    static func candidates(count: Int) -> [QuoteCandidate] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        return (0..<count).map { index in
            let speaker = "Speaker \(min(next(40), next(40)))"
            let words = 1 + next(6)
            let text = (0..<words).map { "w\($0)" }.joined(separator: " ")
            let record = QuoteRecord(speaker: speaker, text: text, documentID: String(format: "doc%04d", next(300)),
                                     source: "Source \(index % 7)", published: PublishedDate(year: 2016, month: 1 + index % 12),
                                     start: next(5_000))
            return QuoteCandidate(words: words, record: record)
        }
    }

    static func speakers(_ candidates: [QuoteCandidate]) -> [SpeakerStat] {
        var counts: [String: Int] = [:]
        for candidate in candidates { counts[candidate.record.speaker, default: 0] += 1 }
        return counts.map { SpeakerStat(speaker: $0.key, actor: "", quotes: $0.value, documents: 1) }
            .sorted { $0.quotes != $1.quotes ? $0.quotes > $1.quotes : $0.speaker < $1.speaker }
    }

    @Test func gatheredQuotationsEqualTheLongestOfEachSpeaker() {
        let all = Self.candidates(count: 3_000)
        var table = FeaturedQuotes(limit: 3)
        for candidate in all { table.add(candidate) }
        let leading = Self.speakers(all).prefix(10).map(\.speaker)
        // Per speaker, the first of each text in order (texts recur here: "w0 w1 w2" many times).
        let expected = leading.flatMap { speaker in
            var seen = Set<String>()
            return all.filter { $0.record.speaker == speaker }.sorted(by: QuoteCandidate.before)
                .filter { seen.insert($0.record.text).inserted }.prefix(3).map(\.record)
        }
        #expect(table.quotes(for: leading) == expected)
        #expect(expected.count == 30)
        #expect(Set(expected.map { $0.speaker + "|" + $0.text }).count == 30, "no text twice for a speaker")
    }

    @Test func aSpeakerDroppedByTheBoundIsNotAnsweredFor() {
        // Speaker 0..9 lead; with room for 2 speakers, a new leading speaker soon pushes others out.
        let all = Self.candidates(count: 3_000)
        var tight = FeaturedQuotes(limit: 3, capacity: 2)
        for candidate in all { tight.add(candidate) }
        let leading = Self.speakers(all).prefix(10).map(\.speaker)
        #expect(tight.quotes(for: leading) == nil)
        // The speakers that were never dropped are still answered for exactly.
        var roomy = FeaturedQuotes(limit: 3, capacity: 100)
        for candidate in all { roomy.add(candidate) }
        for speaker in leading where tight.quotes(for: [speaker]) != nil {
            #expect(tight.quotes(for: [speaker]) == roomy.quotes(for: [speaker]), "\(speaker)")
        }
    }

    /// The fallback: quotes.csv and documents.csv read back give the same quotations.
    @Test func readingBackTheEvidenceFilesGivesTheSameQuotations() throws {
        let all = Self.candidates(count: 2_000)
        let folder = try Repo.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let quotes = try CSVStreamWriter(url: folder.appendingPathComponent("quotes.csv"), header: EvidenceTables.quotesHeader, byteOrderMark: true)
        var bytes: [UInt8] = []
        for candidate in all {
            let record = candidate.record
            CSVTable.appendRow([.text(record.documentID), .text(record.speaker), .text(""), .text(record.text), .int(record.start),
                                .int(record.start + 10)], to: &bytes)
        }
        try quotes.appendEncoded(bytes, rows: all.count)
        try quotes.close()
        // One documents.csv row per document id, with the source and date its quotations carry.
        var documents: [String: QuoteRecord] = [:]
        for candidate in all { documents[candidate.record.documentID] = documents[candidate.record.documentID] ?? candidate.record }
        var uniform = all
        for index in uniform.indices {
            let document = documents[uniform[index].record.documentID]
            uniform[index].record.source = document?.source ?? ""
            uniform[index].record.published = document?.published
        }
        let table = try CSVStreamWriter(url: folder.appendingPathComponent("documents.csv"), header: DocumentsTable.header, byteOrderMark: true)
        bytes = []
        for id in documents.keys.sorted() {
            let record = documents[id]
            CSVTable.appendRow([.text(id), .text("title"), .text(record?.source ?? ""), .text(record?.published?.description ?? ""),
                                .text("2016"), .int(1), .int(1), .int(1), .text("p")], to: &bytes)
        }
        try table.appendEncoded(bytes, rows: documents.count)
        try table.close()
        var template = ReportTemplate(title: "T", actors: [], themes: [])
        template.limits.topSpeakers = 10
        template.limits.quotesPerSpeaker = 3
        let speakers = Self.speakers(uniform)
        let readBack = try Aggregator.featuredQuotes(speakers, quotesFile: folder.appendingPathComponent("quotes.csv"),
                                                     documentsFile: folder.appendingPathComponent("documents.csv"), template: template)
        var gathered = FeaturedQuotes(limit: 3)
        for candidate in uniform { gathered.add(candidate) }
        #expect(gathered.quotes(for: Aggregator.leadingSpeakers(speakers, template: template)) == readBack)
        #expect(readBack.count == 30)
    }
}
