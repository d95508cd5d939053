@testable import BriefingPDF
import BriefingModel
import Testing

@Suite("PDF: sentences written from the numbers")
struct NarrativeTests {
    func data() -> BriefingData {
        var data = BriefingData()
        data.totals.documents = 1
        data.totals.quotations = 1
        data.totals.attributedQuotations = 1
        data.totals.firstPublished = PublishedDate(iso: "2016-12-27")
        data.totals.lastPublished = PublishedDate(iso: "2016-12-27")
        data.actors = [ActorStat(name: "China", kind: .place, inTemplate: true, mentions: 1, documents: 1,
                                 firstPublished: nil, lastPublished: nil)]
        data.speakers = [SpeakerStat(speaker: "Lu Wei", actor: "Lu Wei", quotes: 1, documents: 1)]
        data.sources = [CountStat(name: "Xinhua", count: 1)]
        return data
    }

    @Test func singularAndPlural() {
        #expect(Narrative.count(1, "document") == "1 document")
        #expect(Narrative.count(2, "document") == "2 documents")
        #expect(Narrative.count(1204, "quotation") == "1,204 quotations")
        #expect(Narrative.corpusSentence(data()) == "The corpus holds 1 document from 1 source, published on 27 December 2016.")
        #expect(Narrative.actorsSentence(data()) == "China is the most mentioned actor (1 mention in 1 document).")
        #expect(Narrative.voicesSentence(data()) == "Lu Wei is the most quoted voice, with 1 quotation in 1 document.")
        #expect(Narrative.attributionSentence(data()) == "The one direct quotation is attributed to a speaker.")
        var more = data()
        more.totals.quotations = 3
        more.totals.attributedQuotations = 1
        #expect(Narrative.attributionSentence(more) == "1 of 3 direct quotations is attributed to a speaker.")
    }

    @Test func joinsAndDates() {
        #expect(Narrative.join(["A"]) == "A")
        #expect(Narrative.join(["A", "B", "C"]) == "A, B and C")
        #expect(Narrative.date(PublishedDate(iso: "2014-04")!) == "April 2014")
        #expect(Narrative.date(PublishedDate(iso: "2015")!) == "2015")
    }

    @Test func risingAndFallingThemes() {
        var data = BriefingData()
        data.totals.documents = 4
        data.years = [CountStat(name: "2014", count: 4), CountStat(name: "2015", count: 0), CountStat(name: "2016", count: 4)]
        data.themes = [ThemeStat(name: "Cyber", documents: 3, mentions: 3), ThemeStat(name: "Trade", documents: 4, mentions: 4)]
        data.themesByYear = [ThemeYearStat(theme: "Cyber", year: "2016", documents: 3, mentions: 3),
                             ThemeYearStat(theme: "Trade", year: "2014", documents: 4, mentions: 4)]
        #expect(Narrative.themesSentence(data) == "Cyber gained ground (3 of 4 documents since 2016, against 0 of 4 before); Trade lost ground (0 of 4 documents since 2016, against 4 of 4 before).")
        // Two documents on one side are too few to claim a change.
        data.years = [CountStat(name: "2014", count: 2), CountStat(name: "2016", count: 6)]
        #expect(Narrative.themesSentence(data) == "Cyber is the most present theme (3 documents, 3 mentions).")
    }

    /// Every count in a sentence has its thousands separated, however large.
    @Test func largeCountsAreGrouped() {
        let data = ScaleTests.millionDocuments()
        #expect(Narrative.corpusSentence(data)
            == "The corpus holds 1,000,000 documents from 2 sources, published between 1 January 2015 and 28 December 2024 (12,345 undated).")
        #expect(Narrative.sourcesSentence(data) == "UPI supplies the most documents (60,000 of 1,000,000).")
        #expect(Narrative.themesSentence(data)
            == "Investment gained ground (110,000 of 500,000 documents since 2020, against 10,000 of 500,000 before).")
        #expect(Narrative.keyFindings(data).contains("Cybersecurity is the most widespread theme, present in 1,000,000 of 1,000,000 documents."))
    }

    @Test func markupIsEscaped() {
        #expect(Markup.escape("<b>A & B</b> \"x\"") == "&lt;b&gt;A &amp; B&lt;/b&gt; &quot;x&quot;")
    }
}
