// ClauseTokenizer: a paragraph's scalars → word, punctuation and quotation-mark tokens with their
// offsets. Abbreviations and initials keep their dot ("Sen.", "W.", "U.S.") so that the dot does not
// end a sentence.
//
// A token is a plain value: its text and its lower form are UTF-8 bytes in the buffer of the
// `TokenList` that made it, so that making, copying and dropping the tokens of a document touches no
// reference count (two Strings per token cost about a fifth of the extraction). The list owns the
// buffer: a token must not be read after its list is gone (`withExtendedLifetime` where it matters).

import Glibc

/// A token of a paragraph.
struct ClauseToken {
    /// What the token is.
    enum Kind: UInt8 {
        /// Letters and digits (with inner apostrophes, hyphens and dots).
        case word
        /// A punctuation mark other than a quotation mark.
        case punctuation
        /// A quotation mark, opening or closing.
        case quoteMark
    }

    /// The kind.
    let kind: Kind
    /// True when the first scalar is an upper-case letter.
    let isCapitalized: Bool
    /// Start offset in the document (scalars).
    let start: Int
    /// End offset (exclusive).
    let end: Int
    /// `WordSet.hash` of the lower form: word lists are probed with it, without hashing again.
    let lowerHash: Int
    /// The list's buffer (set when the list is complete) and where the two forms are in it.
    fileprivate(set) var base: UnsafePointer<UInt8>
    fileprivate let textOffset: Int
    fileprivate let textCount: Int
    fileprivate let lowerOffset: Int
    fileprivate let lowerCount: Int

    /// The text as written, as UTF-8.
    @inline(__always)
    var textBytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base + textOffset, count: textCount) }
    /// The lower-cased text with curly apostrophes made straight, as UTF-8.
    @inline(__always)
    var lowerBytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base + lowerOffset, count: lowerCount) }

    /// The text as written (a String made on each call: for names and phrases, not for tests).
    var text: String { String(decoding: textBytes, as: UTF8.self) }
    /// The lower form (made on each call).
    var lower: String { String(decoding: lowerBytes, as: UTF8.self) }

    /// True when the text is exactly `literal`.
    @inline(__always)
    func textIs(_ literal: StaticString) -> Bool { Self.equal(base + textOffset, textCount, literal) }
    /// True when the lower form is exactly `literal`.
    @inline(__always)
    func lowerIs(_ literal: StaticString) -> Bool { Self.equal(base + lowerOffset, lowerCount, literal) }

    /// True when the lower form ends with `suffix`.
    func lowerHasSuffix(_ suffix: StaticString) -> Bool {
        let length = suffix.utf8CodeUnitCount
        return length <= lowerCount && Self.equal(base + lowerOffset + lowerCount - length, length, suffix)
    }

    /// True when the `count` bytes at `start` spell `literal`.
    @inline(__always)
    private static func equal(_ start: UnsafePointer<UInt8>, _ count: Int, _ literal: StaticString) -> Bool {
        literal.withUTF8Buffer { wanted in
            guard wanted.count == count else { return false }
            guard let address = wanted.baseAddress else { return true }
            return memcmp(address, start, count) == 0
        }
    }

    /// True for a sentence-ending mark.
    @inline(__always)
    var endsSentence: Bool {
        guard kind == .punctuation, textCount == 1 else { return false }
        let byte = base[textOffset]
        return byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?")
    }

    /// True when the text ends in a possessive "'s" or "’s" (`SpeakerPhrase.isPossessive`).
    var isPossessive: Bool { SpeakerPhrase.possessiveLength(textBytes) > 0 }

    /// True when the text starts with a digit (Unicode numeric values included, as `Character.isNumber`).
    var startsWithNumber: Bool {
        guard textCount > 0 else { return false }
        let byte = base[textOffset]
        if byte < 0x80 { return byte >= 0x30 && byte <= 0x39 }
        return text.first?.isNumber == true
    }

    /// Lower case, with ’ made '.
    static func lowerForm(_ text: String) -> String {
        let lower = ScalarText.lower(text)
        guard lower.utf8.contains(0xE2) else { return lower }
        var result = ""
        for scalar in lower.unicodeScalars { result.unicodeScalars.append(scalar == "\u{2019}" ? "'" : scalar) }
        return result
    }
}

/// The tokens of a text and the buffer their text lives in.
struct TokenList {
    /// The tokens, in text order.
    let tokens: [ClauseToken]
    /// Owns the bytes every token points into.
    private let storage: TokenStorage

    fileprivate init(tokens: [ClauseToken], storage: TokenStorage) {
        self.tokens = tokens
        self.storage = storage
    }
}

/// The UTF-8 bytes of a token list, freed with it.
private final class TokenStorage {
    let bytes: UnsafeMutablePointer<UInt8>

    init(bytes: UnsafeMutablePointer<UInt8>) { self.bytes = bytes }

    deinit { HeapBuffer.free(bytes) }
}

/// The bytes of a token list being written: grows by copying (tokens keep offsets until the list is
/// complete, then all get the final address).
private struct TokenBytesWriter {
    private(set) var bytes: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        bytes = HeapBuffer.allocate(UInt8.self, self.capacity)
    }

    /// Room for `extra` more bytes.
    @inline(__always)
    mutating func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        (bytes, capacity) = ByteBuffer.grown(bytes, capacity: capacity, keeping: count, toHold: count + extra)
        moved = true
    }

    /// True once the buffer has moved (tokens made before point at the old one).
    private(set) var moved = false

    /// Appends one byte (room reserved).
    @inline(__always)
    mutating func append(_ byte: UInt8) {
        bytes[count] = byte
        count += 1
    }

    /// Appends the UTF-8 of `scalar`.
    mutating func append(_ scalar: Unicode.Scalar) {
        reserve(4)
        for unit in scalar.utf8 { append(unit) }
    }

    /// Appends the UTF-8 of `text`.
    mutating func append(_ text: String) {
        text.withUTF8Buffer { utf8 in
            reserve(utf8.count)
            for byte in utf8 { append(byte) }
        }
    }

    /// Takes the bytes written directly at `bytes + count` up to `end` (room reserved).
    @inline(__always)
    mutating func commit(upTo end: Int) { count = end }

    /// True when the `length` bytes at `first` equal those at `second`.
    func equal(_ first: Int, _ second: Int, _ length: Int) -> Bool { memcmp(bytes + first, bytes + second, length) == 0 }

    /// Hands the buffer over.
    func finish() -> TokenStorage { TokenStorage(bytes: bytes) }
}

/// Buffers of plain values taken from malloc and given back with free. `allocate(capacity:)` of
/// this toolchain asks `posix_memalign` even for bytes: the aligned path splits chunks and
/// consolidates bins on every call (a document's token buffers are tens of kilobytes each).
/// malloc's 16-byte alignment is enough for every type stored here (checked on each call).
enum HeapBuffer {
    /// Uninitialised room for `count` values of `type` (at least one).
    @inline(__always)
    static func allocate<T>(_ type: T.Type, _ count: Int) -> UnsafeMutablePointer<T> {
        precondition(MemoryLayout<T>.alignment <= 16, "HeapBuffer holds values aligned to at most 16 bytes")
        guard let raw = malloc(max(count, 1) * MemoryLayout<T>.stride) else { fatalError("out of memory") }
        return raw.bindMemory(to: T.self, capacity: max(count, 1))
    }

    /// Gives back a buffer from `allocate` (its values need no deinitialisation).
    @inline(__always)
    static func free<T>(_ pointer: UnsafeMutablePointer<T>) { Glibc.free(UnsafeMutableRawPointer(pointer)) }
}

/// Growth of a manually allocated byte buffer.
enum ByteBuffer {
    /// A new buffer of at least twice `capacity` and at least `needed` bytes, holding the first
    /// `count` bytes of `bytes` (which is freed), and its capacity. Out of line: callers keep the
    /// test for room inline and their loops' registers free.
    @inline(never)
    static func grown(_ bytes: UnsafeMutablePointer<UInt8>, capacity: Int, keeping count: Int,
                      toHold needed: Int) -> (UnsafeMutablePointer<UInt8>, Int) {
        let grown = max(capacity * 2, needed)
        let new = HeapBuffer.allocate(UInt8.self, grown)
        new.update(from: bytes, count: count)
        HeapBuffer.free(bytes)
        return (new, grown)
    }
}

/// The tokens being made: written straight into the room of the array that will hold them; a text
/// with more tokens than that room goes on in a buffer of its own (moved there once), copied into
/// an array when complete. Appending asks no uniqueness question.
private struct TokenBuffer {
    private var start: UnsafeMutablePointer<ClauseToken>
    private var capacity: Int
    private(set) var count = 0
    /// True while the tokens are in the borrowed room (not in a buffer of this one's own).
    private(set) var isBorrowed: Bool

    /// Tokens written into `room` (at least one token of room) until it is full.
    init(borrowing room: UnsafeMutableBufferPointer<ClauseToken>) {
        guard let base = room.baseAddress, room.count > 0 else {
            start = HeapBuffer.allocate(ClauseToken.self, 16)
            capacity = 16
            isBorrowed = false
            return
        }
        start = base
        capacity = room.count
        isBorrowed = true
    }

    @inline(__always)
    mutating func append(_ token: ClauseToken) {
        if count == capacity { grow() }
        (start + count).initialize(to: token)
        count &+= 1
    }

    @inline(never)
    private mutating func grow() {
        let grown = capacity * 2
        let new = HeapBuffer.allocate(ClauseToken.self, grown)
        new.moveInitialize(from: start, count: count)
        if !isBorrowed { HeapBuffer.free(start) }
        start = new
        capacity = grown
        isBorrowed = false
    }

    /// Points every token at `base` (the bytes' buffer moved after some were made).
    func rebase(_ base: UnsafePointer<UInt8>) {
        for position in 0..<count { start[position].base = base }
    }

    /// The tokens of a buffer of its own, each pointing at `base`; the buffer is freed.
    func finish(base: UnsafePointer<UInt8>) -> [ClauseToken] {
        let tokens = [ClauseToken](unsafeUninitializedCapacity: count) { buffer, initialized in
            guard let target = buffer.baseAddress else { return }
            for position in 0..<count {
                var token = start[position]
                token.base = base
                (target + position).initialize(to: token)
            }
            initialized = count
        }
        if !isBorrowed { HeapBuffer.free(start) }
        return tokens
    }
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

    /// Tokens of `scalars[range]`, offsets relative to the start of `scalars`. `initialCapacity`
    /// (bytes) only sizes the first buffer: the buffer grows as needed.
    static func tokenize(_ scalars: [Unicode.Scalar], _ range: Range<Int>, initialCapacity: Int? = nil) -> TokenList {
        // ASCII text needs at most two bytes per scalar (a word's text and its lower form) and a few more.
        scalars.withUnsafeBufferPointer { scalars in
            asciiClasses.withUnsafeBufferPointer { classes in
                tokenize(scalars, range, capacity: initialCapacity ?? range.count * 2 + 16, classes: classes)
            }
        }
    }

    /// What an ASCII scalar is to the tokenizer: bits of `wordBit`, `upperBit`, `joinerBit`, `spaceBit`.
    private static let asciiClasses: [UInt8] = (0..<128).map { value in
        let scalar = Unicode.Scalar(UInt8(value))
        var bits: UInt8 = 0
        if ScalarFolding.isWordScalar(scalar) { bits |= wordBit }
        if value >= 0x41 && value <= 0x5A { bits |= upperBit }
        if "'-.&".unicodeScalars.contains(scalar) { bits |= joinerBit }
        if ScalarFolding.isSpace(scalar) { bits |= spaceBit }
        return bits
    }
    private static let wordBit: UInt8 = 1, upperBit: UInt8 = 2, joinerBit: UInt8 = 4, spaceBit: UInt8 = 8, otherBit: UInt8 = 16

    /// The class bits of any scalar: ASCII from the table; others are words (letters, digits),
    /// ’ (a joiner), or neither — all with `otherBit` (not ASCII).
    @inline(__always)
    private static func classOf(_ scalar: Unicode.Scalar, _ classes: UnsafeBufferPointer<UInt8>) -> UInt8 {
        let value = scalar.value
        if value < 0x80 { return classes[Int(value)] }
        if ScalarFolding.isWordScalar(scalar) { return wordBit | otherBit }
        return value == 0x2019 ? joinerBit | otherBit : otherBit
    }

    /// The lower form's byte of a scalar of class `scalarClass`, when ASCII (else any byte).
    @inline(__always)
    private static func lowered(_ scalar: Unicode.Scalar, _ scalarClass: UInt8) -> UInt8 {
        UInt8(truncatingIfNeeded: scalar.value) | (scalarClass & upperBit) << 4
    }

    /// `tokenize` over the scalars' buffer: one pass per word finds its end, writes its text and
    /// hashes its lower form, and tells whether it is ASCII and has capitals; the lower form is then
    /// written from the text for a word with capitals, and a word beyond ASCII written again.
    private static func tokenize(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>, capacity: Int,
                                 classes: UnsafeBufferPointer<UInt8>) -> TokenList {
        // About one token in five scalars: the array has room for one in four and the tokens are
        // written into it (no copy); more (articles full of figures and punctuation) go on in a
        // buffer of their own.
        var made: (tokens: TokenBuffer, writer: TokenBytesWriter)? = nil
        var tokens = [ClauseToken](unsafeUninitializedCapacity: range.count / 4 + 16) { room, initialized in
            let (list, writer) = scan(scalars, range, capacity: capacity, classes: classes, room: room)
            if list.isBorrowed {
                // The bytes no longer move: tokens made before they last moved get their address.
                if writer.moved { list.rebase(UnsafePointer(writer.bytes)) }
                initialized = list.count
            } else {
                initialized = 0
            }
            made = (list, writer)
        }
        guard let (list, writer) = made else { preconditionFailure("an array's initializer always runs") }
        let storage = writer.finish()
        if !list.isBorrowed { tokens = list.finish(base: UnsafePointer(storage.bytes)) }
        return TokenList(tokens: tokens, storage: storage)
    }

    /// The tokenizer's pass: tokens into `room` (then a buffer of their own), their bytes into a writer.
    private static func scan(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>, capacity: Int,
                             classes: UnsafeBufferPointer<UInt8>,
                             room: UnsafeMutableBufferPointer<ClauseToken>) -> (TokenBuffer, TokenBytesWriter) {
        var tokens = TokenBuffer(borrowing: room)
        var writer = TokenBytesWriter(capacity: capacity)
        var index = range.lowerBound
        while index < range.upperBound {
            let scalar = scalars[index]
            let token: ClauseToken
            let scalarClass = classOf(scalar, classes)
            if scalarClass & wordBit != 0 {
                // One pass finds the word's end and, as if it were ASCII, writes its text and hashes
                // its lower form; the classes of its scalars are or-ed together (ASCII without
                // `otherBit`; capitals with `upperBit`). A word beyond ASCII is written again below.
                // An ASCII word of n scalars takes at most 2n + 1 bytes (text, a byte for the text's
                // dot, lower form; a dot it takes is one of its n).
                writer.reserve(2 &* (range.upperBound &- index) &+ 1)
                let scanOffset = writer.count
                let out = writer.bytes + scanOffset
                var seen = scalarClass
                out[0] = UInt8(truncatingIfNeeded: scalar.value)
                var hash = WordSet.hashStep(WordSet.hashSeed, lowered(scalar, scalarClass))
                var end = index + 1
                while end < range.upperBound {
                    let next = scalars[end]
                    // Lower-case ASCII letters (most of a word): no class to read, nothing to or in.
                    if next.value &- 0x61 < 26 {
                        let byte = UInt8(truncatingIfNeeded: next.value)
                        out[end &- index] = byte
                        hash = WordSet.hashStep(hash, byte)
                        end &+= 1
                        continue
                    }
                    let nextClass = classOf(next, classes)
                    if nextClass & wordBit != 0 {
                        seen |= nextClass
                        out[end &- index] = UInt8(truncatingIfNeeded: next.value)
                        hash = WordSet.hashStep(hash, lowered(next, nextClass))
                        end &+= 1
                        continue
                    }
                    if nextClass & joinerBit != 0, end + 1 < range.upperBound {
                        let after = scalars[end + 1]
                        let afterClass = classOf(after, classes)
                        if afterClass & wordBit != 0 {
                            if next == "." && !isInitialism(scalars, index, end) { break }
                            seen |= nextClass | afterClass
                            out[end &- index] = UInt8(truncatingIfNeeded: next.value)
                            out[end &- index &+ 1] = UInt8(truncatingIfNeeded: after.value)
                            hash = WordSet.hashStep(WordSet.hashStep(hash, lowered(next, nextClass)), lowered(after, afterClass))
                            end &+= 2
                            continue
                        }
                    }
                    break
                }
                let dotFollows = end < range.upperBound && scalars[end] == "."
                if seen & otherBit == 0 {
                    let length = end - index
                    let capitalized = scalarClass & upperBit != 0
                    // Lower case: the text is its lower form; else the lower form follows it, one
                    // byte apart (room for the text's dot).
                    var lowerOffset = scanOffset
                    if seen & upperBit != 0 {
                        lowerOffset = scanOffset + length + 1
                        let lower = out + length + 1
                        for position in 0..<length {
                            let byte = out[position]
                            lower[position] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                        }
                    }
                    var count = length
                    let dotted = dotFollows && (length == 1 && capitalized
                        || abbreviations.contains(bytes: UnsafeBufferPointer(start: writer.bytes + lowerOffset, count: length)))
                    if dotted {
                        out[length] = UInt8(ascii: ".")
                        writer.bytes[lowerOffset + length] = UInt8(ascii: ".")
                        hash = WordSet.hashStep(hash, UInt8(ascii: "."))
                        count += 1
                        end += 1
                    }
                    writer.commit(upTo: lowerOffset + count)
                    token = ClauseToken(kind: .word, isCapitalized: capitalized, start: index, end: end, writer: writer,
                                        text: scanOffset, count, lower: lowerOffset, count, hash: WordSet.hashFinish(hash))
                    tokens.append(token)
                    // The space after a word (most words have one) is passed over here.
                    index = end < range.upperBound && scalars[end].value == 0x20 ? end &+ 1 : end
                    continue
                }
                // Beyond ASCII (rare): out of line, so that the loop above keeps its registers.
                (token, index) = wideWord(scalars, index, end, dotFollows: dotFollows, writer: &writer)
            } else if scalarClass & otherBit == 0 ? scalarClass & spaceBit != 0 : ScalarFolding.isSpace(scalar) {
                index += 1
                continue
            } else {
                let kind: ClauseToken.Kind = QuoteMarks.isQuoteMark(scalar) ? .quoteMark : .punctuation
                let textOffset = writer.count
                var lowerOffset = textOffset, textCount: Int, lowerCount: Int
                if scalar.value < 0x80 {
                    writer.reserve(1)
                    writer.append(UInt8(truncatingIfNeeded: scalar.value))
                    textCount = 1
                    lowerCount = 1
                } else if scalar == "\u{2019}" {
                    // A lone ’: its lower form is '.
                    writer.reserve(4)
                    writer.append(0xE2)
                    writer.append(0x80)
                    writer.append(0x99)
                    writer.append(UInt8(ascii: "'"))
                    textCount = 3
                    lowerOffset = textOffset + 3
                    lowerCount = 1
                } else {
                    writer.append(scalar)
                    textCount = writer.count - textOffset
                    lowerCount = textCount
                    // Marks have no case (punctuation blocks are not even asked); a cased one is lowered.
                    if !caselessPunctuation(scalar) && scalar.properties.changesWhenLowercased {
                        let lower = ClauseToken.lowerForm(String(scalar))
                        lowerOffset = writer.count
                        writer.append(lower)
                        lowerCount = writer.count - lowerOffset
                    }
                }
                token = ClauseToken(kind: kind, isCapitalized: false, start: index, end: index + 1, writer: writer,
                                    text: textOffset, textCount, lower: lowerOffset, lowerCount, hash: nil)
                index += 1
            }
            tokens.append(token)
        }
        return (tokens, writer)
    }

    /// The token of a word of `scalars[index..<end]` with a scalar beyond ASCII, and where the
    /// scan goes on (after its dot when it takes the one that follows).
    @inline(never)
    private static func wideWord(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ index: Int, _ wordEnd: Int, dotFollows: Bool,
                                 writer: inout TokenBytesWriter) -> (ClauseToken, Int) {
        var end = wordEnd
        let scalar = scalars[index]
        let capitalized = scalar.properties.isUppercase
        let textOffset: Int, textCount: Int, lowerOffset: Int, lowerCount: Int
        if onlyCurlyApostrophes(scalars, index..<end) {
            // ASCII but for ’ (China’s, don’t): the lower form has ' for it, the text keeps it.
            let length = end - index
            writer.reserve(4 * length + 2)
            lowerOffset = writer.count
            for position in index..<end {
                let value = scalars[position].value
                if value == 0x2019 {
                    writer.append(UInt8(ascii: "'"))
                } else {
                    let byte = UInt8(truncatingIfNeeded: value)
                    writer.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
                }
            }
            let dotted = dotFollows && abbreviations.contains(bytes: UnsafeBufferPointer(start: writer.bytes + lowerOffset,
                                                                                       count: writer.count - lowerOffset))
            if dotted { writer.append(UInt8(ascii: ".")) }
            lowerCount = writer.count - lowerOffset
            textOffset = writer.count
            for position in index..<end {
                let value = scalars[position].value
                if value == 0x2019 {
                    writer.append(0xE2)
                    writer.append(0x80)
                    writer.append(0x99)
                } else {
                    writer.append(UInt8(truncatingIfNeeded: value))
                }
            }
            if dotted {
                writer.append(UInt8(ascii: "."))
                end += 1
            }
            textCount = writer.count - textOffset
        } else {
            var text = ScalarText.string(scalars, index..<end)
            var lower = ClauseToken.lowerForm(text)
            if dotFollows, abbreviations.contains(lower) || end - index == 1 && ScalarFolding.isUppercase(scalar) {
                text += "."
                lower += "."
                end += 1
            }
            lowerOffset = writer.count
            writer.append(lower)
            lowerCount = writer.count - lowerOffset
            if text.utf8.elementsEqual(lower.utf8) {
                textOffset = lowerOffset
                textCount = lowerCount
            } else {
                textOffset = writer.count
                writer.append(text)
                textCount = writer.count - textOffset
            }
        }
        let token = ClauseToken(kind: .word, isCapitalized: capitalized, start: index, end: end, writer: writer,
                                text: textOffset, textCount, lower: lowerOffset, lowerCount, hash: nil)
        return (token, end)
    }

    /// Latin-1 punctuation, General Punctuation and CJK punctuation: blocks without case.
    static func caselessPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (0xA0...0xBF).contains(value) || (0x2000...0x206F).contains(value) || (0x3000...0x303F).contains(value)
    }

    /// True when every scalar of `scalars[range]` is ASCII or ’ (and one is ’).
    private static func onlyCurlyApostrophes(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>) -> Bool {
        var found = false
        for position in range {
            let value = scalars[position].value
            if value == 0x2019 { found = true } else if value >= 0x80 { return false }
        }
        return found
    }

    /// "U.S", "D.C": single letters joined by dots.
    private static func isInitialism(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ start: Int, _ dot: Int) -> Bool {
        dot - start == 1 && ScalarFolding.isUppercase(scalars[start])
    }
}

extension ClauseToken {
    /// A token whose forms were just written by `writer` (its address is set when the list is done).
    fileprivate init(kind: Kind, isCapitalized: Bool, start: Int, end: Int, writer: TokenBytesWriter,
                     text textOffset: Int, _ textCount: Int, lower lowerOffset: Int, _ lowerCount: Int, hash: Int?) {
        self.kind = kind
        self.isCapitalized = isCapitalized
        self.start = start
        self.end = end
        base = UnsafePointer(writer.bytes)
        self.textOffset = textOffset
        self.textCount = textCount
        self.lowerOffset = lowerOffset
        self.lowerCount = lowerCount
        lowerHash = hash ?? WordSet.hash(UnsafeBufferPointer(start: writer.bytes + lowerOffset, count: lowerCount))
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
