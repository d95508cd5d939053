import ArgumentParser
import BriefingModel
import Foundation

/// Turns --since, --until and --period into a Period (usage errors exit 64).
enum PeriodParser {
    static func parse(since: String?, until: String?, period: String?, asOf: Date) throws -> Period {
        if let period {
            guard since == nil && until == nil else {
                throw ValidationError("--period cannot be combined with --since or --until")
            }
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
            func day(_ date: Date) -> Int {
                let parts = calendar.dateComponents([.year, .month, .day], from: date)
                return Period.day(parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
            }
            switch period {
            case "last-7-days", "last-30-days":
                let days = period == "last-7-days" ? 7 : 30
                let start = calendar.date(byAdding: .day, value: -(days - 1), to: asOf) ?? asOf
                return Period(since: day(start), until: day(asOf), label: "last \(days) days")
            default:
                guard let date = PublishedDate(iso: period), date.day == nil else {
                    throw ValidationError("--period '\(period)': expected last-7-days, last-30-days, YYYY or YYYY-MM")
                }
                let first = date.earliestDay, last = date.latestDay
                return Period(since: Period.day(first.0, first.1, first.2), until: Period.day(last.0, last.1, last.2), label: period)
            }
        }
        func bound(_ text: String?, _ flag: String) throws -> Int? {
            guard let text else { return nil }
            guard let date = PublishedDate(iso: text), let day = date.day, let month = date.month else {
                throw ValidationError("\(flag) '\(text)': expected a day as YYYY-MM-DD")
            }
            return Period.day(date.year, month, day)
        }
        let lower = try bound(since, "--since"), upper = try bound(until, "--until")
        if let lower, let upper, lower > upper { throw ValidationError("--since is after --until") }
        switch (lower, upper) {
        case (nil, nil): return .all
        case let (lower?, nil): return Period(since: lower, until: nil, label: "since \(Period.iso(lower))")
        case let (nil, upper?): return Period(since: nil, until: upper, label: "until \(Period.iso(upper))")
        case let (lower?, upper?): return Period(since: lower, until: upper, label: "\(Period.iso(lower)) to \(Period.iso(upper))")
        }
    }
}
