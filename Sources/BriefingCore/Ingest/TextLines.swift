// TextLines: splits text into lines and words without grapheme breaking.

/// One line of a text, with its position.
struct TextLine {
    /// The line without its terminator (`\n`, `\r\n` or `\r`).
    let text: Substring
    /// 0-based line number.
    let number: Int
    /// Words in the line.
    let words: Int

    /// True when the line holds only whitespace.
    var isBlank: Bool { text.unicodeScalars.allSatisfy { ScalarFolding.isSpace($0) } }

    /// The line trimmed of surrounding whitespace.
    var trimmed: Substring { TextLines.trim(text) }
}

/// Line and word helpers working on Unicode scalars.
enum TextLines {
    /// Splits `text` on `\n`, `\r\n` and `\r`.
    static func split(_ text: String) -> [TextLine] {
        var lines: [TextLine] = []
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var index = start
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if scalar == "\n" || scalar == "\r" {
                let text = Substring(scalars[start..<index])
                lines.append(TextLine(text: text, number: lines.count, words: wordCount(text)))
                var next = scalars.index(after: index)
                if scalar == "\r", next < scalars.endIndex, scalars[next] == "\n" { next = scalars.index(after: next) }
                start = next
                index = next
            } else {
                index = scalars.index(after: index)
            }
        }
        let last = Substring(scalars[start..<scalars.endIndex])
        lines.append(TextLine(text: last, number: lines.count, words: wordCount(last)))
        return lines
    }

    /// Trims whitespace (including no-break spaces) at both ends.
    static func trim(_ text: Substring) -> Substring {
        let scalars = text.unicodeScalars
        var lower = scalars.startIndex
        var upper = scalars.endIndex
        while lower < upper, ScalarFolding.isSpace(scalars[lower]) { lower = scalars.index(after: lower) }
        while upper > lower, ScalarFolding.isSpace(scalars[scalars.index(before: upper)]) {
            upper = scalars.index(before: upper)
        }
        return Substring(scalars[lower..<upper])
    }

    /// Counts words: maximal runs of letters, digits and inner apostrophes or hyphens.
    /// A CJK ideograph counts as one word each, as word processors do.
    static func wordCount<S: StringProtocol>(_ text: S) -> Int {
        var count = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            if isIdeograph(scalar) {
                count += 1
                inWord = false
            } else if ScalarFolding.isWordScalar(scalar) {
                if !inWord { count += 1 }
                inWord = true
            } else if inWord, scalar == "'" || scalar == "\u{2019}" || scalar == "-" {
                continue
            } else {
                inWord = false
            }
        }
        return count
    }

    /// Splits into word tokens (letters and digits), keeping the order.
    static func words(_ text: Substring) -> [Substring] {
        var result: [Substring] = []
        let scalars = text.unicodeScalars
        var start: String.UnicodeScalarView.Index?
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let isWordScalar = ScalarFolding.isWordScalar(scalar)
            if isWordScalar {
                if start == nil { start = index }
            } else if let begin = start {
                result.append(Substring(scalars[begin..<index]))
                start = nil
            }
            index = scalars.index(after: index)
        }
        if let begin = start { result.append(Substring(scalars[begin..<scalars.endIndex])) }
        return result
    }

    /// CJK unified ideographs and kana (each one a word for counting).
    static func isIdeograph(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x3040 { return false }
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: return true
        default: return false
        }
    }
}
