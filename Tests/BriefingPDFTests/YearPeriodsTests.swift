@testable import BriefingPDF
import BriefingModel
import Testing

@Suite("PDF: years grouped into periods for the themes heatmap")
struct YearPeriodsTests {
    static func years(_ range: ClosedRange<Int>, undated: Int? = nil) -> [CountStat] {
        range.map { CountStat(name: String($0), count: $0 % 7) } + (undated.map { [CountStat(name: "unknown", count: $0)] } ?? [])
    }

    @Test func aDozenYearsOrFewerStayYears() {
        let periods = YearPeriods.group(Self.years(2013...2024), columns: 12)
        #expect(periods.span == 1)
        #expect(periods.map(\.label) == (2013...2024).map(String.init))
        #expect(periods.map(\.documents) == (2013...2024).map { $0 % 7 })
    }

    @Test func longArchivesArePeriodsOnRoundYears() {
        let forty = YearPeriods.group(Self.years(1985...2024, undated: 9), columns: 12)
        #expect(forty.span == 5)
        #expect(forty.map(\.label) == ["1985–89", "1990–94", "1995–99", "2000–04", "2005–09", "2010–14", "2015–19", "2020–24", "unknown"])
        #expect(forty[0].years == ["1985", "1986", "1987", "1988", "1989"])
        #expect(forty[0].documents == (1985...1989).reduce(0) { $0 + $1 % 7 })
        #expect(forty.last?.documents == 9)
        // Thirteen years: periods of two, the first and last cut to the briefing's years.
        let thirteen = YearPeriods.group(Self.years(2011...2023), columns: 12)
        #expect(thirteen.span == 2)
        #expect(thirteen.map(\.label) == ["2011", "2012–13", "2014–15", "2016–17", "2018–19", "2020–21", "2022–23"])
        // A century: periods of ten across the turn of it.
        let century = YearPeriods.group(Self.years(1921...2024), columns: 12)
        #expect(century.span == 10)
        #expect(century.first?.label == "1921–29" && century[8].label == "2000–09" && century.last?.label == "2020–24")
        #expect(century.count == 11)
    }

    @Test func onlyUndated() {
        let periods = YearPeriods.group([CountStat(name: "unknown", count: 3)], columns: 12)
        #expect(periods.map(\.label) == ["unknown"] && periods.span == 1)
    }
}
