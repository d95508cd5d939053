// DateFinder: finds a full calendar date (day, month and year) written in a line of text.
// Shapes: "Dec 27,2016", "December 27, 2016", "27 December 2016", "Dec. 27 2016",
// "2016-12-27", "2016/12/27", "2016年12月27日". A date without a year is not a date.
import BriefingModel

/// Finds publication dates written in text.
enum DateFinder {
    private static let months: [String: Int] = [
        "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
        "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
        "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
        "dec": 12, "december": 12,
    ]

    /// A token of a line: a run of letters or of digits, with the separator text before it.
    private struct Token {
        let text: String
        let isNumber: Bool
        let separator: String
    }

    /// The first full date in `line`.
    static func firstDate<S: StringProtocol>(in line: S) -> PublishedDate? {
        guard line.withUTF8Buffer({ hasFourDigitRun($0) }) else { return nil }
        let tokens = tokenize(line)
        for index in tokens.indices {
            if let date = match(tokens, at: index) { return date }
        }
        return nil
    }

    /// Every shape has a year: a run of exactly four digits. Most lines have none (read over the
    /// line's contiguous bytes: iterating a substring's UTF-8 view cost three times as much).
    private static func hasFourDigitRun(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var run = 0
        for byte in bytes {
            if byte >= 48 && byte <= 57 {
                run += 1
            } else {
                if run == 4 { return true }
                run = 0
            }
        }
        return run == 4
    }

    private static func tokenize<S: StringProtocol>(_ line: S) -> [Token] {
        var tokens: [Token] = []
        var current = ""
        var separator = ""
        var currentIsNumber = false
        func flush() {
            if !current.isEmpty {
                tokens.append(Token(text: current, isNumber: currentIsNumber, separator: separator))
                separator = ""
                current = ""
            }
        }
        for scalar in line.unicodeScalars {
            let isDigit = scalar.value >= 48 && scalar.value <= 57
            let isLetter = !isDigit && ScalarFolding.isWordScalar(scalar) && !TextLines.isIdeograph(scalar)
            if isDigit || isLetter {
                if !current.isEmpty && currentIsNumber != isDigit { flush() }
                currentIsNumber = isDigit
                current.unicodeScalars.append(scalar)
            } else {
                flush()
                separator.unicodeScalars.append(scalar)
            }
        }
        flush()
        return tokens
    }

    private static func number(_ token: Token, digits: ClosedRange<Int>) -> Int? {
        guard token.isNumber, digits.contains(token.text.count) else { return nil }
        return Int(token.text)
    }

    private static func month(_ token: Token) -> Int? {
        token.isNumber ? nil : months[token.text.lowercased()]
    }

    private static func match(_ tokens: [Token], at index: Int) -> PublishedDate? {
        let rest = tokens.count - index
        guard rest >= 3 else { return nil }
        let first = tokens[index], second = tokens[index + 1], third = tokens[index + 2]
        // Month D, YYYY
        if let month = month(first), let day = number(second, digits: 1...2), let year = number(third, digits: 4...4),
           let date = PublishedDate(year: year, month: month, day: day) {
            return date
        }
        // D Month YYYY
        if let day = number(first, digits: 1...2), let month = month(second), let year = number(third, digits: 4...4),
           let date = PublishedDate(year: year, month: month, day: day) {
            return date
        }
        // YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD, YYYY年MM月DD日
        if let year = number(first, digits: 4...4), let month = number(second, digits: 1...2),
           let day = number(third, digits: 1...2) {
            let sep1 = second.separator, sep2 = third.separator
            let numeric = ["-", "/", "."].contains(sep1) && sep1 == sep2
            let chinese = sep1 == "年" && sep2 == "月"
            if numeric || chinese, let date = PublishedDate(year: year, month: month, day: day) {
                return date
            }
        }
        return nil
    }
}
