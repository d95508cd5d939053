/// The span of publication dates a briefing covers.
public struct Period: Sendable, Equatable, Codable {
    /// First day included, as yyyymmdd (nil: no lower bound).
    public var since: Int?
    /// Last day included, as yyyymmdd (nil: no upper bound).
    public var until: Int?
    /// How the period was asked for ("2016", "last 30 days", "since 2015-01-01").
    public var label: String

    /// Every date.
    public static let all = Period(since: nil, until: nil, label: "all dates")

    /// Creates a period.
    public init(since: Int?, until: Int?, label: String) {
        self.since = since
        self.until = until
        self.label = label
    }

    /// yyyymmdd of a day.
    public static func day(_ year: Int, _ month: Int, _ day: Int) -> Int { year * 10000 + month * 100 + day }

    /// `2016-03-05` from yyyymmdd.
    public static func iso(_ day: Int) -> String {
        let year = day / 10000, month = day / 100 % 100, date = day % 100
        return "\(year)-\(month < 10 ? "0" : "")\(month)-\(date < 10 ? "0" : "")\(date)"
    }

    /// True when `date` (a day, a month or a year) overlaps the period.
    public func contains(_ date: PublishedDate) -> Bool {
        let earliest = date.earliestDay, latest = date.latestDay
        let first = Period.day(earliest.0, earliest.1, earliest.2), last = Period.day(latest.0, latest.1, latest.2)
        if let since, last < since { return false }
        if let until, first > until { return false }
        return true
    }

    /// True when the period restricts anything.
    public var isBounded: Bool { since != nil || until != nil }
}
