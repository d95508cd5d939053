// YearPeriods: the years of a briefing grouped into periods of equal length (1, 2, 5, 10, 20, …
// years, starting at a multiple of the length; the first and last cut to the briefing's years) so
// that a chart has at most a dozen columns; `unknown` (undated documents) stays a column of its own, last.
import BriefingModel

/// One column: its label, the years it sums and their documents.
struct YearPeriod: Equatable {
    let label: String
    let years: [String]
    let documents: Int
}

/// Periods of one length.
struct YearPeriods: Equatable, RandomAccessCollection {
    /// Years per period.
    let span: Int
    let periods: [YearPeriod]

    var startIndex: Int { periods.startIndex }
    var endIndex: Int { periods.endIndex }
    subscript(position: Int) -> YearPeriod { periods[position] }

    /// A dozen columns: twelve years are shown one by one.
    static let maximumColumns = 12

    /// `years` (as `BriefingData.years`: every year from the first to the last, then `unknown`)
    /// in periods of the shortest length of 1, 2, 5, 10, 20, 50… that needs at most `columns`
    /// columns for the dated years.
    static func group(_ years: [CountStat], columns: Int) -> YearPeriods {
        let dated = years.compactMap { year in Int(year.name).map { (year: $0, stat: year) } }
        let undated = years.filter { Int($0.name) == nil }
        guard let first = dated.first?.year, let last = dated.last?.year else {
            return YearPeriods(span: 1, periods: undated.map { YearPeriod(label: $0.name, years: [$0.name], documents: $0.count) })
        }
        // The number of periods of `span` years aligned on multiples of it.
        func count(_ span: Int) -> Int { floorDiv(last, span) - floorDiv(first, span) + 1 }
        // 1, 2, 5, 10, 20, 50, 100…
        var span = 1, power = 1
        while count(span) > Swift.max(columns, 1) {
            switch span / power {
            case 1: span = 2 * power
            case 2: span = 5 * power
            default:
                power *= 10
                span = power
            }
        }
        var periods: [YearPeriod] = []
        var index = 0
        while index < dated.count {
            let start = floorDiv(dated[index].year, span) * span
            var members: [(year: Int, stat: CountStat)] = []
            while index < dated.count, dated[index].year < start + span {
                members.append(dated[index])
                index += 1
            }
            // Labelled by the years it covers of the briefing's (the first and last may be shorter).
            let from = Swift.max(start, first), to = Swift.min(start + span - 1, last)
            let label = from == to ? String(from) : "\(from)–\(Self.short(to, after: from))"
            periods.append(YearPeriod(label: label, years: members.map(\.stat.name), documents: members.reduce(0) { $0 + $1.stat.count }))
        }
        for year in undated { periods.append(YearPeriod(label: year.name, years: [year.name], documents: year.count)) }
        return YearPeriods(span: span, periods: periods)
    }

    /// `end` written with the digits that differ from `start`'s century ("1985–89", "1995–2004").
    private static func short(_ end: Int, after start: Int) -> String {
        end / 100 == start / 100 && end >= 0 && start >= 0 ? String(format2(end % 100)) : String(end)
    }

    private static func format2(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }

    private static func floorDiv(_ value: Int, _ divisor: Int) -> Int {
        value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
    }
}
