// TextLines: splits text into lines and words without grapheme breaking.
import Foundation

/// One line of a text, with its position. The line is kept as byte bounds in the whole text: its
/// substrings are cut when asked for (most lines are judged on their bytes, words and signs alone;
/// cutting two substrings per line was a fifth of splitting).
struct TextLine {
    /// The whole text.
    private let source: String
    /// The line's bytes in `source`, without its terminator (`\n`, `\r\n` or `\r`).
    private let bounds: Range<Int>
    /// The bytes of the line trimmed of surrounding whitespace.
    private let trimmedBounds: Range<Int>
    /// 0-based line number.
    let number: Int
    /// Words in the line.
    let words: Int
    /// The furniture signs of its bytes (read in the pass that counts its words).
    var signs = LineSigns()

    /// The line without its terminator.
    var text: Substring { cut(bounds) }
    /// The line trimmed of surrounding whitespace.
    var trimmed: Substring { cut(trimmedBounds) }

    /// The trimmed line's byte offsets in the whole text.
    var trimmedRange: Range<Int> { trimmedBounds }

    /// True when the line holds only whitespace.
    var isBlank: Bool { trimmedBounds.isEmpty }

    /// The line's first `count` scalars (`Substring(text.unicodeScalars.prefix(count))`), their
    /// end found on the bytes: a scalar starts at every byte that is no continuation byte.
    func textPrefix(scalars count: Int) -> Substring {
        let end = source.utf8.withContiguousStorageIfAvailable { all -> Int in
            var seen = 0, index = bounds.lowerBound
            while index < bounds.upperBound {
                if all[index] & 0xC0 != 0x80 {
                    if seen == count { break }
                    seen += 1
                }
                index += 1
            }
            return index
        }
        guard let end else { return Substring(text.unicodeScalars.prefix(count)) }
        return cut(bounds.lowerBound..<end)
    }

    /// Calls `body` with the trimmed line's UTF-8 bytes (inside the text's storage access: the
    /// pointer does not outlive it).
    func withTrimmedBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        source.utf8.withContiguousStorageIfAvailable { body(UnsafeBufferPointer(rebasing: $0[trimmedBounds])) }
            ?? trimmed.withUTF8Buffer(body)
    }

    /// The line `bounds` of `source` (byte offsets, on scalar boundaries), trimmed to `trimmed`.
    init(_ source: String, bounds: Range<Int>, trimmed: Range<Int>, number: Int, words: Int, signs: LineSigns = LineSigns()) {
        self.source = source
        self.bounds = bounds
        trimmedBounds = trimmed
        self.number = number
        self.words = words
        self.signs = signs
    }

    private func cut(_ range: Range<Int>) -> Substring {
        let utf8 = source.utf8
        return Substring(utf8[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)])
    }
}

/// Signs of site furniture in a line's bytes: menu bars, arrows and dots, and the characters that
/// caption markers and print-edition credits need (`FurnitureDetector`).
struct LineSigns: Equatable {
    var bars = 0, arrows = 0, dots = 0
    var slash = false, colon = false, bracket = false, photo = false, printEdition = false, asciiArrow = false
}

/// Line and word helpers working on Unicode scalars (UTF-8 bytes where ASCII decides).
enum TextLines {
    /// Splits `text` on `\n`, `\r\n` and `\r` (ASCII bytes: never inside a multi-byte scalar).
    /// Lines, their words and their trimmed bounds are found on the contiguous UTF-8 bytes; a line's
    /// substrings are cut at those byte offsets when asked for.
    static func split(_ text: String) -> [TextLine] {
        text.withUTF8Buffer { bytes -> [TextLine] in
            var lines: [TextLine] = []
            // Room for an article's lines (about one in 100 bytes) from the start.
            lines.reserveCapacity(bytes.count / 96 + 8)
            func add(_ start: Int, _ end: Int) {
                let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                let inner = trimmedBounds(line)
                let (words, signs) = scan(line)
                lines.append(TextLine(text, bounds: start..<end, trimmed: (start + inner.lowerBound)..<(start + inner.upperBound),
                                      number: lines.count, words: words, signs: signs))
            }
            // Line breaks found with memchr (vectorised): the next \n is kept until passed, so every
            // byte is searched for it once, and a \r is looked for only before it.
            var start = 0
            var nextLineFeed = -1
            while true {
                if nextLineFeed < start { nextLineFeed = ASCIISearch.offset(of: 0x0A, in: bytes, from: start, to: bytes.count) }
                let end = ASCIISearch.offset(of: 0x0D, in: bytes, from: start, to: nextLineFeed)
                add(start, end)
                guard end < bytes.count else { break }
                start = end + (bytes[end] == 0x0D && end + 1 < bytes.count && bytes[end + 1] == 0x0A ? 2 : 1)
            }
            return lines
        }
    }

    /// How many times `byte` occurs in `text` (found with `memchr`).
    static func count(of byte: UInt8, in text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            var found = 0, index = 0
            while index < bytes.count {
                index = ASCIISearch.offset(of: byte, in: bytes, from: index, to: bytes.count)
                if index < bytes.count { found += 1; index += 1 }
            }
            return found
        }
    }

    /// The bounds of `line` without surrounding whitespace (as `trim`), in byte offsets.
    static func trimmedBounds(_ line: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        let lower = spaceEnd(line, from: 0)
        var upper = line.count
        while upper > lower {
            let byte = line[upper - 1]
            if byte < 0x80 {
                guard byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) else { break }
                upper -= 1
            } else {
                // Back to the first byte of the scalar ending here.
                var first = upper - 1
                while first > lower, line[first] & 0xC0 == 0x80 { first -= 1 }
                let (scalar, _) = UTF8Scalars.decode(line, at: first)
                guard ScalarFolding.isSpace(scalar) else { break }
                upper = first
            }
        }
        return lower..<upper
    }

    /// The offset of the first byte at or after `start` that does not begin a white-space scalar
    /// (`ScalarFolding.isSpace`), or the end.
    static func spaceEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                guard byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) else { break }
                index += 1
            } else {
                let (scalar, length) = UTF8Scalars.decode(bytes, at: index)
                guard ScalarFolding.isSpace(scalar) else { break }
                index += length
            }
        }
        return index
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
        text.withUTF8Buffer { wordCount(utf8: $0) }
    }

    /// Word count over UTF-8 bytes: ASCII decided byte by byte, other scalars decoded.
    static func wordCount(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var signs = LineSigns()
        return Self.wordSteps.withUnsafeBufferPointer { scan(bytes, steps: $0, signs: &signs, readSigns: false) }
    }

    /// The words and the furniture signs of a line's bytes, in one pass.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> (words: Int, signs: LineSigns) {
        var signs = LineSigns()
        let words = Self.wordSteps.withUnsafeBufferPointer { scan(bytes, steps: $0, signs: &signs, readSigns: true) }
        return (words, signs)
    }

    /// The word counter as a table: for (in a word, ASCII byte), the next state (bit 0), whether a
    /// word starts (bit 1) and whether the byte is a furniture sign (bit 2). A letter or digit
    /// starts a word unless in one; ' and - keep the state; anything else ends a word.
    private static let wordSteps: [UInt8] = (0..<256).map { entry -> UInt8 in
        let inWord = entry >= 128, byte = UInt8(entry & 127)
        let word = (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
        let keeps = byte == 0x27 || byte == 0x2D
        var step: UInt8 = word ? 1 : keeps && inWord ? 1 : 0
        if word && !inWord { step |= 2 }
        if "|>/:([".utf8.contains(byte) { step |= 4 }
        return step
    }

    /// `wordCount` and, when `readSigns`, the signs. Eight bytes at a time where they are ASCII
    /// letters, digits, spaces, commas, dots and straight double quotes (`eightPlain`); the others
    /// one at a time through the table, scalars beyond ASCII decoded. "photo" and "print edition"
    /// are looked for from each p (found with memchr).
    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, steps: UnsafeBufferPointer<UInt8>, signs: inout LineSigns,
                             readSigns: Bool) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        if readSigns { pSigns(bytes, into: &signs) }
        var count = 0
        var state = 0
        var index = 0
        while index < bytes.count {
            if index + 8 <= bytes.count {
                let chunk = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self).littleEndian
                if let words = eightPlain(chunk) {
                    // A word starts at a word byte whose previous byte (the state, for the first)
                    // is none; no ' or - here, so "in a word" is "a word byte".
                    let starts = words & ~(words << 8 | UInt64(state) << 7)
                    count &+= Int(truncatingIfNeeded: ((starts >> 7) &* 0x0101_0101_0101_0101) >> 56)
                    state = Int(truncatingIfNeeded: words >> 63)
                    index &+= 8
                    continue
                }
            }
            // The next eight bytes (or the scalar that begins there) one at a time.
            let stop = min(bytes.count, index + 8)
            while index < stop {
                let byte = bytes[index]
                if byte < 0x80 {
                    let entry = steps[state << 7 | Int(byte)]
                    count &+= Int(entry >> 1 & 1)
                    state = Int(entry & 1)
                    if entry & 4 != 0, readSigns { sign(bytes, at: index, into: &signs) }
                    index &+= 1
                    continue
                }
                let (scalar, length) = UTF8Scalars.decode(bytes, at: index)
                index += length
                var inWord = state == 1
                step(scalar, count: &count, inWord: &inWord)
                state = inWord ? 1 : 0
                if readSigns {
                    switch scalar {
                    case "\u{BB}", "\u{203A}": signs.arrows += 1  // » ›
                    case "\u{B7}", "\u{2022}": signs.dots += 1  // · •
                    default: break
                    }
                }
            }
        }
        return count
    }

    /// For eight bytes read as a little-endian word: nil unless every byte is an ASCII letter or
    /// digit, a space, a comma, a dot or a straight double quote; else the high bit of each byte
    /// that is a letter or digit.
    @inline(__always)
    static func eightPlain(_ chunk: UInt64) -> UInt64? {
        let high: UInt64 = 0x8080_8080_8080_8080, ones: UInt64 = 0x0101_0101_0101_0101
        guard chunk & high == 0 else { return nil }
        // Per byte (all below 0x80, so no sum carries into the next): x >= a sets the high bit of
        // x + (0x80 - a); x > b sets that of x + (0x7F - b).
        let folded = chunk | 0x2020_2020_2020_2020
        let letters = (folded &+ (0x80 - 0x61) &* ones) & ~(folded &+ (0x7F - 0x7A) &* ones)
        let digits = (chunk &+ (0x80 - 0x30) &* ones) & ~(chunk &+ (0x7F - 0x39) &* ones)
        let words = (letters | digits) & high
        // Bytes equal to c: the high bit of (x ^ c) + 0x7F is clear. x | 2 is 0x2E for , and .,
        // 0x22 for space and ".
        let paired = chunk | 0x0202_0202_0202_0202
        let commaOrDot = ~((paired ^ 0x2E * ones) &+ 0x7F * ones) & high
        let spaceOrQuote = ~((paired ^ 0x22 * ones) &+ 0x7F * ones) & high
        return words | commaOrDot | spaceOrQuote == high ? words : nil
    }

    /// The signs read from a p: "photo" and "print edition", in any case.
    private static func pSigns(_ bytes: UnsafeBufferPointer<UInt8>, into signs: inout LineSigns) {
        for p in [UInt8(ascii: "p"), UInt8(ascii: "P")] {
            var index = ASCIISearch.offset(of: p, in: bytes, from: 0, to: bytes.count)
            while index < bytes.count {
                sign(bytes, at: index, into: &signs)
                index = ASCIISearch.offset(of: p, in: bytes, from: index + 1, to: bytes.count)
            }
        }
    }

    /// Reads the ASCII sign at `index` (bytes before it are read back when it needs them).
    @inline(never)
    private static func sign(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, into signs: inout LineSigns) {
        switch bytes[index] {
        case UInt8(ascii: "|"): signs.bars += 1
        case UInt8(ascii: ">"):
            signs.arrows += 1
            if index >= 1 && bytes[index - 1] == UInt8(ascii: "-") { signs.asciiArrow = true }
        case UInt8(ascii: "/"): signs.slash = true
        case UInt8(ascii: ":"): signs.colon = true
        case UInt8(ascii: "("), UInt8(ascii: "["): signs.bracket = true
        case UInt8(ascii: "p"), UInt8(ascii: "P"):
            guard index + 1 < bytes.count else { return }
            let next = ASCIISearch.fold(bytes[index + 1])
            if next == UInt8(ascii: "h"), ASCIISearch.hasPrefix(bytes, at: index + 1, "hoto") { signs.photo = true }
            if next == UInt8(ascii: "r"), ASCIISearch.hasPrefix(bytes, at: index + 1, "rint edition") { signs.printEdition = true }
        default: break
        }
    }

    /// `wordCount`'s step for a scalar beyond ASCII. Kept out of line: the Unicode property look-ups
    /// it inlines would give the ASCII loop a costly prologue on every call (one per line).
    @inline(never)
    static func step(_ scalar: Unicode.Scalar, count: inout Int, inWord: inout Bool) {
        if isIdeograph(scalar) {
            count += 1
            inWord = false
        } else if ScalarFolding.isWordScalar(scalar) {
            if !inWord { count += 1 }
            inWord = true
        } else if inWord, scalar == "\u{2019}" {
            return
        } else {
            inWord = false
        }
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

/// Decoding of valid UTF-8 (Swift strings are always valid) one scalar at a time.
enum UTF8Scalars {
    /// The scalar starting at `index` and its length in bytes.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (Unicode.Scalar(UInt8(lead)), 1) }
        var length = 2, value = lead & 0x1F
        if lead >= 0xF0 { length = 4; value = lead & 0x07 } else if lead >= 0xE0 { length = 3; value = lead & 0x0F }
        guard index + length <= bytes.count else { return ("\u{FFFD}", 1) }
        for offset in 1..<length { value = value << 6 | (UInt32(bytes[index + offset]) & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}

extension StringProtocol {
    /// Calls `body` with the text's UTF-8 bytes: in place when they are contiguous (native strings
    /// and their substrings), else over a copy (bridged strings).
    func withUTF8Buffer<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        utf8.withContiguousStorageIfAvailable(body) ?? Array(utf8).withUnsafeBufferPointer(body)
    }
}
