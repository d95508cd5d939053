import BriefingModel
@testable import BriefingCore
import Foundation
import Testing

@Suite("Store: the kept run's stored form")
struct RunCodingTests {
    /// A run with every field set, optional ones both present and absent, text beyond ASCII.
    static func sampleRun() -> ReusableRun {
        var data = BriefingData()
        data.totals.documents = 12
        data.totals.words = 9_876
        data.totals.skipped = 1
        data.totals.undated = 2
        data.totals.mentions = 345
        data.totals.quotations = 67
        data.totals.attributedQuotations = 60
        data.totals.firstPublished = PublishedDate(year: 2014, month: 4)
        data.totals.lastPublished = PublishedDate(year: 2023, month: 12, day: 31)
        data.actors = [
            ActorStat(name: "European Union", kind: .organization, inTemplate: true, mentions: 120, documents: 11,
                      firstPublished: PublishedDate(year: 2014), lastPublished: PublishedDate(year: 2023, month: 1, day: 2)),
            ActorStat(name: "Wang Yì", kind: .person, inTemplate: false, mentions: 3, documents: 1, firstPublished: nil, lastPublished: nil),
        ]
        data.themesByYear = [ThemeYearStat(theme: "Cyber", year: "2016", documents: 3, mentions: 9),
                             ThemeYearStat(theme: "Cyber", year: "unknown", documents: 1, mentions: 1)]
        data.themes = [ThemeStat(name: "Cyber", documents: 4, mentions: 10)]
        data.speakers = [SpeakerStat(speaker: "Margrethe Vestager", actor: "", quotes: 5, documents: 2),
                         SpeakerStat(speaker: "", actor: "", quotes: 7, documents: 4)]
        data.sources = [CountStat(name: "Reuters", count: 5), CountStat(name: "", count: 1)]
        data.years = [CountStat(name: "2016", count: 4), CountStat(name: "unknown", count: 2)]
        data.cooccurrence = [PairStat(first: "China", second: "European Union", documents: 8)]
        data.suggestedActors = [CountStat(name: "Xi Jinping", count: 2)]
        data.featuredQuotes = [QuoteRecord(speaker: "Margrethe Vestager", text: "“We will act” — \"now\"\n", documentID: "a/b.txt",
                                           source: "Reuters", published: PublishedDate(year: 2019, month: 3, day: 5), start: 1_234),
                               QuoteRecord(speaker: "X", text: "", documentID: "c.jsonl:7", source: "", published: nil, start: 0)]
        data.featuredDocuments = [DocumentRecord(id: "a/b.txt", title: "中欧 talks", source: "Reuters", published: nil, words: 800,
                                                 mentions: 12, quotes: 3, topActors: ["China", "European Union"]),
                                  DocumentRecord(id: "c.txt", title: "", source: "", published: PublishedDate(year: 2020), words: 0,
                                                 mentions: 0, quotes: 0, topActors: [])]
        data.changes = ChangeSet(previousAsOf: "2026-11-30T00:00:00Z", previousDocuments: 10, currentDocuments: 12, newDocuments: 2,
                                 rows: [ChangeRow(kind: "actor", name: "China", previous: 3, current: 5)])
        data.period = Period(since: 20_160_101, until: nil, label: "since 2016-01-01")
        data.undatedExcluded = 3
        data.outsidePeriod = 4
        return ReusableRun(signature: "0123abcd", data: data, read: 12, skipped: 1,
                           warnings: [Diagnostic(.warning, path: "bad.txt", message: "not UTF-8"),
                                      Diagnostic(.error, path: "manifest.tsv", line: 3, column: 14, message: "bad date")],
                           tables: ["quotes.csv": 67, "mentions.csv": 345], files: ["quotes.csv": "10:1.2:3", "mentions.csv": "20:1.2:4"])
    }

    static func same(_ a: ReusableRun, _ b: ReusableRun) -> Bool {
        a.signature == b.signature && a.data == b.data && a.read == b.read && a.skipped == b.skipped && a.warnings == b.warnings
            && a.tables == b.tables && a.files == b.files
    }

    @Test func readsBackWhatWasWritten() throws {
        let run = Self.sampleRun()
        let bytes = BinaryWriter.encode(run)
        let back = try #require(BinaryReader.readRun(bytes))
        #expect(Self.same(back, run))
        // Equal runs give equal bytes (dictionaries are written in key order).
        #expect(BinaryWriter.encode(back) == bytes)
        var empty = run
        empty.data = BriefingData()
        empty.warnings = []
        empty.tables = [:]
        empty.files = [:]
        #expect(BinaryReader.readRun(BinaryWriter.encode(empty)).map { Self.same($0, empty) } == true)
    }

    @Test func refusesAnythingElse() {
        let bytes = BinaryWriter.encode(Self.sampleRun())
        // Every truncation, a trailing byte, another format (a JSON record of an earlier build, an analysis).
        for length in 0..<bytes.count { #expect(BinaryReader.readRun(Array(bytes[0..<length])) == nil, "truncated to \(length)") }
        #expect(BinaryReader.readRun(bytes + [0]) == nil)
        #expect(BinaryReader.readRun(Array("{\"signature\":\"x\"}".utf8)) == nil)
        var analysis = BinaryWriter()
        analysis.string("title")
        #expect(BinaryReader.readRun(analysis.bytes) == nil)
    }
}
