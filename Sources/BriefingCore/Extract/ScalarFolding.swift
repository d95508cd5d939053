// ScalarFolding: how text and patterns are compared — one scalar in, one scalar out, so offsets
// never shift. Case folds (unless a pattern is case-sensitive); curly apostrophes, dashes and
// spaces of every kind compare equal to their plain forms.

/// Scalar-level normalisation for matching.
enum ScalarFolding {
    /// Punctuation normalised, case kept: ’ → ', – — ‑ → -, any space → " ".
    @inline(__always)
    static func normalizePunctuation(_ value: UInt32) -> UInt32 {
        switch value {
        case 0x2019, 0x2018, 0x02BC: return 0x27
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014: return 0x2D
        case 0x09, 0x0A, 0x0D, 0xA0, 0x2007, 0x202F: return 0x20
        default: return value
        }
    }

    /// Punctuation normalised and case folded (ASCII fast path).
    @inline(__always)
    static func fold(_ scalar: Unicode.Scalar) -> UInt32 {
        let value = scalar.value
        if value < 0x80 {
            if value >= 0x41 && value <= 0x5A { return value + 0x20 }
            return normalizePunctuation(value)
        }
        let normalized = normalizePunctuation(value)
        if normalized != value { return normalized }
        if scalar.properties.changesWhenLowercased, let lower = scalar.properties.lowercaseMapping.unicodeScalars.first,
           scalar.properties.lowercaseMapping.unicodeScalars.count == 1 {
            return lower.value
        }
        return value
    }

    /// An upper-case letter (ASCII decided without the Unicode tables).
    @inline(__always)
    static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? scalar.value >= 0x41 && scalar.value <= 0x5A : scalar.properties.isUppercase
    }

    /// True for any kind of space or line break (ASCII fast path).
    @inline(__always)
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        // Unicode's White_Space beyond ASCII, listed (as `properties.isWhitespace`, tested equal).
        switch value {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// True for letters and digits: what makes a word.
    @inline(__always)
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
        }
        // Common punctuation of news text: curly quotes, dashes, ellipsis, no-break space, « ».
        if (value >= 0x2000 && value <= 0x206F) || (value >= 0xA0 && value <= 0xBF) { return false }
        // Latin-1 and Latin Extended-A letters.
        if (value >= 0xC0 && value <= 0x17F) { return value != 0xD7 && value != 0xF7 }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}

/// Text made from a range of scalars, without going through String's scalar view.
enum ScalarText {
    /// The scalars of `text`, decoded from its UTF-8 in one pass (`scalarsAndLayout`'s).
    static func scalars(of text: String) -> [Unicode.Scalar] { scalarsAndLayout(of: text).scalars }

    /// Where each scalar of a text starts in its UTF-8, from the decoder: only the scalars beyond
    /// ASCII are listed (most are ASCII), with the bytes beyond one that they and those before
    /// them take.
    struct ByteOffsets {
        /// Positions of the scalars beyond ASCII, ascending.
        fileprivate(set) var positions: [Int] = []
        /// For each, the extra bytes of all the scalars up to and including it.
        fileprivate(set) var extra: [Int] = []

        /// The byte offset where scalar `position` starts (the byte count at the end).
        func byteOffset(_ position: Int) -> Int {
            var low = 0, high = positions.count
            while low < high {
                let middle = (low + high) / 2
                if positions[middle] < position { low = middle + 1 } else { high = middle }
            }
            return position + (low == 0 ? 0 : extra[low - 1])
        }

        /// `ScalarText.string(scalars, range)` of the text these offsets were read from, copied
        /// from its UTF-8 (no encoding, no validation).
        func string(_ range: Range<Int>, of text: String) -> String {
            let utf8 = text.utf8
            let start = utf8.index(utf8.startIndex, offsetBy: byteOffset(range.lowerBound))
            let end = utf8.index(start, offsetBy: byteOffset(range.upperBound) - byteOffset(range.lowerBound))
            return String(Substring(utf8[start..<end]))
        }
    }

    /// The scalars of `text` and their paragraphs and mark candidates (`QuoteSpans.layout` of the
    /// scalars, which a test holds this to), in one pass over the UTF-8. Inside a paragraph, eight
    /// ASCII bytes with no control byte and no " can hold neither a break nor a mark: they are
    /// copied without a look at each (most of a news text); other scalars take the step one by one.
    static func scalarsAndLayout(of text: String) -> (scalars: [Unicode.Scalar], layout: QuoteSpans.Layout, offsets: ByteOffsets) {
        var text = text
        var offsets = ByteOffsets()
        var layout = QuoteSpans.Layout(paragraphs: [], marks: [])
        layout.paragraphs.reserveCapacity(64)
        layout.marks.reserveCapacity(64)
        let scalars = text.withUTF8 { bytes in
            [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { buffer, count in
                var index = 0, written = 0
                // The current paragraph's first scalar, and whether it has a scalar other than a space yet.
                var start = 0, filled = false
                @inline(__always) func step(_ scalar: Unicode.Scalar, at position: Int) {
                    let value = scalar.value
                    if value == 0x0A || value == 0x0D || value == 0x2029 {
                        if filled { layout.paragraphs.append(start..<position) }
                        start = position + 1
                        filled = false
                    } else if filled || !ScalarFolding.isSpace(scalar) {
                        filled = true
                        if QuoteSpans.isMarkCandidate(value) { layout.marks.append(position) }
                    }
                }
                while index < bytes.count {
                    if filled, let input = bytes.baseAddress, let output = buffer.baseAddress {
                        let raw = UnsafeRawPointer(input)
                        while index + 8 <= bytes.count {
                            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                            guard word & 0x8080_8080_8080_8080 == 0 else { break }
                            // ASCII: a byte below 0x20 (breaks among them), or a byte equal to 0x22.
                            let control = (word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080
                            let quote = word ^ 0x2222_2222_2222_2222
                            let marks = (quote &- 0x0101_0101_0101_0101) & ~quote & 0x8080_8080_8080_8080
                            guard control | marks == 0 else { break }
                            // Within both buffers (index + 8 <= bytes.count, written <= index): unchecked.
                            for offset in 0..<8 { (output + written + offset).initialize(to: Unicode.Scalar(input[index + offset])) }
                            written += 8
                            index += 8
                        }
                    }
                    guard index < bytes.count else { break }
                    let scalar: Unicode.Scalar, length: Int
                    if bytes[index] < 0x80 {
                        (scalar, length) = (Unicode.Scalar(bytes[index]), 1)
                    } else {
                        (scalar, length) = UTF8Scalars.decode(bytes, at: index)
                        // Room for a few dozen at the first (curly quotes and dashes come in numbers).
                        if offsets.positions.isEmpty {
                            offsets.positions.reserveCapacity(64)
                            offsets.extra.reserveCapacity(64)
                        }
                        offsets.positions.append(written)
                        offsets.extra.append(index + length - written - 1)
                    }
                    buffer[written] = scalar
                    step(scalar, at: written)
                    written += 1
                    index += length
                }
                if filled { layout.paragraphs.append(start..<written) }
                count = written
            }
        }
        return (scalars, layout, offsets)
    }

    /// True when `test` holds for every word of `text` (its parts between spaces, empty ones
    /// skipped), read over the contiguous bytes without making strings or an array.
    static func allWords(of text: String, _ test: (Slice<UnsafeBufferPointer<UInt8>>) -> Bool) -> Bool {
        text.withUTF8Buffer { allWords(of: $0, test) }
    }

    /// `allWords(of:_:)` of the UTF-8 `bytes`.
    static func allWords(of bytes: UnsafeBufferPointer<UInt8>, _ test: (Slice<UnsafeBufferPointer<UInt8>>) -> Bool) -> Bool {
        var start = 0
        for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x20 {
            if index > start, !test(bytes[start..<index]) { return false }
            start = index + 1
        }
        return true
    }

    /// The words of a name or phrase joined by spaces (split on the space byte; empty parts dropped).
    static func spaceSeparated(_ text: String) -> [String] {
        // Over the contiguous bytes: a space byte never stands inside a multi-byte scalar.
        text.withUTF8Buffer { bytes in
            var words: [String] = []
            var start = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x20 {
                if index > start { words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)) }
                start = index + 1
            }
            return words
        }
    }

    /// The last of `spaceSeparated(text)` when it has two or more words, else nil (cut from the
    /// bytes without splitting the rest).
    static func lastOfSeveralWords(_ text: String) -> String? {
        text.withUTF8Buffer { bytes in
            var end = bytes.count
            while end > 0, bytes[end - 1] == 0x20 { end -= 1 }
            var start = end
            while start > 0, bytes[start - 1] != 0x20 { start -= 1 }
            guard bytes[..<start].contains(where: { $0 != 0x20 }) else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
    }

    /// Lower case. The standard library's own ASCII path writes the result without validating it
    /// again: measured three times faster on short ASCII words than lowering byte by byte into
    /// `String(unsafeUninitializedCapacity:)`.
    @inline(__always)
    static func lower(_ text: String) -> String { text.lowercased() }

    /// `scalars[range]` as a String, encoded to UTF-8 in one pass (short ASCII stays inline).
    static func string<C: RandomAccessCollection>(_ scalars: C, _ range: Range<Int>) -> String
        where C.Element == Unicode.Scalar, C.Index == Int {
        var length = 0
        for index in range {
            let value = scalars[index].value
            length += value < 0x80 ? 1 : value < 0x800 ? 2 : value < 0x10000 ? 3 : 4
        }
        return String(unsafeUninitializedCapacity: length) { buffer in
            var offset = 0
            for index in range {
                let value = scalars[index].value
                if value < 0x80 {
                    buffer[offset] = UInt8(truncatingIfNeeded: value)
                    offset += 1
                } else if value < 0x800 {
                    buffer[offset] = UInt8(truncatingIfNeeded: 0xC0 | value >> 6)
                    buffer[offset + 1] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
                    offset += 2
                } else if value < 0x10000 {
                    buffer[offset] = UInt8(truncatingIfNeeded: 0xE0 | value >> 12)
                    buffer[offset + 1] = UInt8(truncatingIfNeeded: 0x80 | (value >> 6) & 0x3F)
                    buffer[offset + 2] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
                    offset += 3
                } else {
                    buffer[offset] = UInt8(truncatingIfNeeded: 0xF0 | value >> 18)
                    buffer[offset + 1] = UInt8(truncatingIfNeeded: 0x80 | (value >> 12) & 0x3F)
                    buffer[offset + 2] = UInt8(truncatingIfNeeded: 0x80 | (value >> 6) & 0x3F)
                    buffer[offset + 3] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
                    offset += 4
                }
            }
            return offset
        }
    }

    /// Words in `scalars[range]`, counted as `TextLines.wordCount` counts them.
    static func wordCount(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Int {
        var count = 0
        var inWord = false
        for index in range {
            let scalar = scalars[index]
            let value = scalar.value
            if value &- 0x61 < 26 {
                // A lower-case letter (most scalars) first.
                if !inWord { count += 1 }
                inWord = true
                continue
            }
            if value < 0x80 {
                // ASCII as `TextLines.wordCount` reads its bytes.
                if (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A) {
                    if !inWord { count += 1 }
                    inWord = true
                } else if value != 0x27 && value != 0x2D {
                    inWord = false
                }
                continue
            }
            TextLines.step(scalar, count: &count, inWord: &inWord)
        }
        return count
    }
}

/// A few scalars asked about often ("is this a closing punctuation mark?"): their values in a
/// small array, compared one by one (a String's scalar view decoded its text at every question).
struct ScalarList: Sendable {
    private let values: [UInt32]

    init(_ text: String) { values = text.unicodeScalars.map(\.value) }

    @inline(__always)
    func contains(_ scalar: Unicode.Scalar) -> Bool { values.contains(scalar.value) }
}
