// ClauseTokenizer: a paragraph's scalars → word, punctuation and quotation-mark tokens with their
// offsets. Abbreviations and initials keep their dot ("Sen.", "W.", "U.S.") so that the dot does not
// end a sentence.

/// A token of a paragraph.
struct ClauseToken: Sendable, Equatable {
    /// What the token is.
    enum Kind: Sendable, Equatable {
        /// Letters and digits (with inner apostrophes, hyphens and dots).
        case word
        /// A punctuation mark other than a quotation mark.
        case punctuation
        /// A quotation mark, opening or closing (set by QuoteSpans).
        case quoteMark
    }

    /// The kind.
    var kind: Kind
    /// The text as written.
    var text: String
    /// Start offset in the document (scalars).
    var start: Int
    /// End offset (exclusive).
    var end: Int

    /// The lower-cased text with curly apostrophes made straight (computed once: rules ask often).
    let lower: String

    /// Creates a token.
    init(kind: Kind, text: String, start: Int, end: Int) {
        self.init(kind: kind, text: text, lower: ClauseToken.lowerForm(text), start: start, end: end)
    }

    /// Creates a token whose lower form is known.
    init(kind: Kind, text: String, lower: String, start: Int, end: Int) {
        let capitalized: Bool
        if kind == .word, let byte = text.utf8.first, byte < 0x80 {
            capitalized = byte >= 0x41 && byte <= 0x5A
        } else if kind == .word, let first = text.unicodeScalars.first {
            capitalized = first.properties.isUppercase
        } else {
            capitalized = false
        }
        self.init(kind: kind, text: text, lower: lower, start: start, end: end, isCapitalized: capitalized)
    }

    /// Creates a token whose lower form and capitalisation are known.
    init(kind: Kind, text: String, lower: String, start: Int, end: Int, isCapitalized: Bool) {
        self.kind = kind
        self.text = text
        self.start = start
        self.end = end
        self.lower = lower
        self.isCapitalized = isCapitalized
    }

    /// Lower case, with ’ made '. ASCII fast path (`ScalarText.lower`).
    static func lowerForm(_ text: String) -> String {
        let lower = ScalarText.lower(text)
        guard lower.utf8.contains(0xE2) else { return lower }
        var result = ""
        for scalar in lower.unicodeScalars { result.unicodeScalars.append(scalar == "\u{2019}" ? "'" : scalar) }
        return result
    }

    /// True when the first scalar is an upper-case letter (or a digit in a name like "3M").
    let isCapitalized: Bool

    /// True for a sentence-ending mark.
    var endsSentence: Bool { kind == .punctuation && (text == "." || text == "!" || text == "?") }
}

/// Splits text into clause tokens.
enum ClauseTokenizer {
    /// Words whose following dot belongs to them.
    static let abbreviations: WordSet = [
        "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "lt", "gen", "col", "st", "jr", "sr", "prof", "rev",
        "inc", "co", "corp", "no", "vs", "capt", "sgt", "adm", "maj", "hon", "u.s", "u.n", "u.k", "e.u", "d.c",
        "jan", "feb", "aug", "sept", "oct", "nov", "dec", "mt", "ft", "pres", "supt", "atty", "cmdr",
        "del", "amb", "msgr", "ald", "assem",
    ]

    /// Tokens of `scalars[range]`, offsets relative to the start of `scalars`.
    static func tokenize(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> [ClauseToken] {
        scalars.withUnsafeBufferPointer { tokenize($0, range) }
    }

    /// `tokenize` over the scalars' buffer: one pass per word finds its end and whether it is ASCII
    /// and has capitals; its text and lower form are then written from the scalars directly.
    private static func tokenize(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>) -> [ClauseToken] {
        var tokens: [ClauseToken] = []
        tokens.reserveCapacity(range.count / 5)
        var index = range.lowerBound
        while index < range.upperBound {
            let scalar = scalars[index]
            if ScalarFolding.isWordScalar(scalar) {
                var ascii = scalar.value < 0x80, upper = scalar.value >= 0x41 && scalar.value <= 0x5A
                var end = index + 1
                while end < range.upperBound {
                    let next = scalars[end]
                    if ScalarFolding.isWordScalar(next) {
                        if next.value >= 0x80 { ascii = false } else if next.value >= 0x41 && next.value <= 0x5A { upper = true }
                        end += 1
                        continue
                    }
                    let joiner = next == "'" || next == "\u{2019}" || next == "-" || next == "." || next == "&"
                    if joiner, end + 1 < range.upperBound, ScalarFolding.isWordScalar(scalars[end + 1]) {
                        if next == "." && !isInitialism(scalars, index, end) { break }
                        let after = scalars[end + 1].value
                        if next.value >= 0x80 || after >= 0x80 { ascii = false } else if after >= 0x41 && after <= 0x5A { upper = true }
                        end += 2
                        continue
                    }
                    break
                }
                var text: String, lower: String
                if ascii {
                    text = asciiString(scalars, index..<end)
                    lower = upper ? text.lowercased() : text
                } else {
                    text = ScalarText.string(scalars, index..<end)
                    lower = ClauseToken.lowerForm(text)
                }
                let capitalized = ascii ? scalar.value >= 0x41 && scalar.value <= 0x5A : scalar.properties.isUppercase
                if end < range.upperBound, scalars[end] == ".",
                   abbreviations.contains(lower) || end - index == 1 && ScalarFolding.isUppercase(scalar) {
                    text += "."
                    lower += "."
                    end += 1
                }
                tokens.append(ClauseToken(kind: .word, text: text, lower: lower, start: index, end: end, isCapitalized: capitalized))
                index = end
            } else if ScalarFolding.isSpace(scalar) {
                index += 1
            } else {
                let kind: ClauseToken.Kind = QuoteMarks.isQuoteMark(scalar) ? .quoteMark : .punctuation
                let text = scalar.value < 0x80 ? asciiMarks[Int(scalar.value)] : String(scalar)
                // Marks have no case: only a curly apostrophe changes (to ').
                let lower = scalar.value < 0x80 || !scalar.properties.changesWhenLowercased && scalar != "\u{2019}"
                    ? text : ClauseToken.lowerForm(text)
                tokens.append(ClauseToken(kind: kind, text: text, lower: lower, start: index, end: index + 1, isCapitalized: false))
                index += 1
            }
        }
        return tokens
    }

    /// Every ASCII scalar as a one-character String, made once (a mark's token text is copied from here).
    private static let asciiMarks: [String] = (0..<128).map { String(Unicode.Scalar(UInt8($0))) }

    /// A String of ASCII scalars, written byte by byte.
    @inline(__always)
    private static func asciiString(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>) -> String {
        String(unsafeUninitializedCapacity: range.count) { buffer in
            var offset = 0
            for index in range {
                buffer[offset] = UInt8(truncatingIfNeeded: scalars[index].value)
                offset += 1
            }
            return offset
        }
    }

    /// "U.S", "D.C": single letters joined by dots.
    private static func isInitialism(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ start: Int, _ dot: Int) -> Bool {
        dot - start == 1 && ScalarFolding.isUppercase(scalars[start])
    }
}

/// Quotation marks this tool knows.
enum QuoteMarks {
    /// Whether `scalar` is a double quotation mark of any kind handled.
    static func isQuoteMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\"", "\u{201C}", "\u{201D}", "\u{201E}", "\u{00AB}", "\u{00BB}", "\u{300C}", "\u{300D}", "\u{300E}", "\u{300F}": return true
        default: return false
        }
    }
}
