/// A publication date known to the day, the month or only the year.
///
/// Written and parsed as `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (ISO 8601 reduced precision).
public struct PublishedDate: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    /// The year, e.g. 2016.
    public let year: Int
    /// The month 1...12, when known.
    public let month: Int?
    /// The day of the month 1...31, when known (only with a month).
    public let day: Int?

    /// Creates a date; returns nil when a part is out of range.
    public init?(year: Int, month: Int? = nil, day: Int? = nil) {
        guard (1000...9999).contains(year) else { return nil }
        if let month, !(1...12).contains(month) { return nil }
        if let day {
            guard let month, (1...PublishedDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; nil for anything else.
    public init?(iso: String) {
        // YYYY, YYYY-MM or YYYY-MM-DD, ASCII digits only: read on UTF-8 bytes, into three parts
        // (no array per date: a manifest has one per row).
        var parts = (0, 0, 0)
        var count = 0, value = 0, width = 0
        for byte in iso.utf8 {
            if byte == UInt8(ascii: "-") {
                guard count < 2, width == (count == 0 ? 4 : 2) else { return nil }
                if count == 0 { parts.0 = value } else { parts.1 = value }
                count += 1
                value = 0
                width = 0
            } else {
                // A part longer than its width is refused before its value can grow.
                guard byte >= 0x30, byte <= 0x39, width < (count == 0 ? 4 : 2) else { return nil }
                value = value * 10 + Int(byte - 0x30)
                width += 1
            }
        }
        guard width == (count == 0 ? 4 : 2) else { return nil }
        switch count {
        case 0: parts.0 = value
        case 1: parts.1 = value
        default: parts.2 = value
        }
        count += 1
        self.init(year: parts.0, month: count > 1 ? parts.1 : nil, day: count > 2 ? parts.2 : nil)
    }

    /// Decodes from the ISO form.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = PublishedDate(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a date: \(text)"))
        }
        self = date
    }

    /// Encodes as the ISO form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// The first day this date may mean (`2014-04` → 2014-04-01), as (year, month, day).
    public var earliestDay: (Int, Int, Int) { (year, month ?? 1, day ?? 1) }

    /// The last day this date may mean (`2014-04` → 2014-04-30).
    public var latestDay: (Int, Int, Int) {
        let lastMonth = month ?? 12
        return (year, lastMonth, day ?? PublishedDate.daysIn(month: lastMonth, year: year))
    }

    /// The ISO form: `2016-12-27`, `2014-04` or `2015`.
    public var description: String {
        var text = String(year)
        if let month { text += "-" + PublishedDate.twoDigits(month) }
        if let day { text += "-" + PublishedDate.twoDigits(day) }
        return text
    }

    /// Orders by year, then month, then day; a less precise date sorts before a more precise one.
    public static func < (lhs: PublishedDate, rhs: PublishedDate) -> Bool {
        if lhs.year != rhs.year { return lhs.year < rhs.year }
        if lhs.month != rhs.month { return (lhs.month ?? 0) < (rhs.month ?? 0) }
        return (lhs.day ?? 0) < (rhs.day ?? 0)
    }

    /// Days in a month of the Gregorian calendar.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }
}
