// JSONObjectScanner: one JSON text (RFC 8259) that must be an object → its top-level members, with
// strings decoded and every nested value checked and skipped. Made for JSONL corpus lines: it
// builds no Foundation objects, so reading a line costs a pass over its bytes.
// Invariants: accepts the texts that are valid JSON objects (UTF-8, optional leading BOM, surrounding
// whitespace) and, as Foundation's parser on Linux does (what earlier versions read lines with), a
// comma before a closing brace or bracket; anything else is nil. Duplicate members: the last wins.

/// A top-level member's value, as far as a JSONL record needs it.
enum JSONScalar: Equatable {
    case string(String)
    /// A number, as written.
    case number(String)
    case bool(Bool)
    case null
    /// An object or an array (checked, not kept).
    case container
    /// The string of the member `members(_:raw:decodingRaw:)` names: the offsets of its bytes
    /// as written between its quotes, and the string decoded when asked for (else its escapes'
    /// syntax is checked, its UTF-8 not yet: `JSONObjectScanner.decodedString`).
    case kept(raw: Range<Int>, decoded: String?)

    /// The value as an integer, as Foundation's JSON bridging gives it: an integral number in
    /// range (1, 1.0, 1e2, -0), or a Boolean as 1 or 0.
    var integer: Int? {
        switch self {
        case .number(let text):
            if let value = Int(text) { return value }
            guard let value = Double(text), value.rounded() == value, abs(value) < 9.2e18 else { return nil }
            return Int(value)
        case .bool(let value): return value ? 1 : 0
        default: return nil
        }
    }

    /// The value when it is a string.
    var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }
}

/// Scans one JSON object.
struct JSONObjectScanner {
    /// Nesting deeper than this is refused (as a parser with a bounded stack must).
    static let maxDepth = 512

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    /// The top-level member whose string value is kept with where its bytes are.
    private var rawKey: String?
    /// Whether that string is decoded as well.
    private var decodingRaw = true

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The members of the object `bytes` holds, or nil when they are not one valid JSON object.
    /// A string value of the top-level member named `raw` is `.kept` with where its bytes are:
    /// decoded too when `decodingRaw`, else left undecoded (the object is then valid JSON only if
    /// `decodedString` of it succeeds).
    static func members(_ bytes: ArraySlice<UInt8>, raw: String? = nil, decodingRaw: Bool = true) -> [String: JSONScalar]? {
        bytes.withUnsafeBufferPointer { buffer in
            // Only valid UTF-8 is JSON text. Outside strings only ASCII is valid syntax, so each
            // string is validated as it is cut, and nothing else needs to be.
            var scanner = JSONObjectScanner(buffer)
            scanner.rawKey = raw
            scanner.decodingRaw = decodingRaw
            if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { scanner.index = 3 }
            scanner.skipSpace()
            guard let members = scanner.object(depth: 1) else { return nil }
            scanner.skipSpace()
            return scanner.index == buffer.count ? members : nil
        }
    }

    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// `{ "key": value, … }` at `index`, keeping the values' top-level form.
    private mutating func object(depth: Int) -> [String: JSONScalar]? {
        guard depth <= Self.maxDepth, take(UInt8(ascii: "{")) else { return nil }
        var members: [String: JSONScalar] = [:]
        skipSpace()
        if take(UInt8(ascii: "}")) { return members }
        while true {
            skipSpace()
            if take(UInt8(ascii: "}")) { return members }  // after a trailing comma
            guard let key = string() else { return nil }
            skipSpace()
            guard take(UInt8(ascii: ":")) else { return nil }
            skipSpace()
            let kept = depth == 1 && key == rawKey && index < bytes.count && bytes[index] == UInt8(ascii: "\"")
            guard let value = kept ? keptString() : value(depth: depth) else { return nil }
            // A kept string that a later member of the same name replaces is never decoded by the
            // caller: it is checked here, as every other string of the object is.
            if kept, case .kept(let earlier, nil)? = members[key] {
                var probe = self
                probe.index = earlier.lowerBound - 1
                guard probe.string() != nil else { return nil }
            }
            members[key] = value
            skipSpace()
            if take(UInt8(ascii: ",")) { continue }
            return take(UInt8(ascii: "}")) ? members : nil
        }
    }

    /// Any value; containers are checked and skipped.
    private mutating func value(depth: Int) -> JSONScalar? {
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "\""): return string().map { .string($0) }
        case UInt8(ascii: "{"): return object(depth: depth + 1).map { _ in .container }
        case UInt8(ascii: "["): return array(depth: depth + 1) ? .container : nil
        case UInt8(ascii: "t"): return literal("true") ? .bool(true) : nil
        case UInt8(ascii: "f"): return literal("false") ? .bool(false) : nil
        case UInt8(ascii: "n"): return literal("null") ? .null : nil
        default: return number().map { .number($0) }
        }
    }

    private mutating func array(depth: Int) -> Bool {
        guard depth <= Self.maxDepth, take(UInt8(ascii: "[")) else { return false }
        skipSpace()
        if take(UInt8(ascii: "]")) { return true }
        while true {
            skipSpace()
            if take(UInt8(ascii: "]")) { return true }  // after a trailing comma
            guard value(depth: depth) != nil else { return false }
            skipSpace()
            if take(UInt8(ascii: ",")) { continue }
            return take(UInt8(ascii: "]"))
        }
    }

    private mutating func literal(_ word: String) -> Bool {
        let count = word.utf8.count
        guard index + count <= bytes.count, bytes[index..<(index + count)].elementsEqual(word.utf8) else { return false }
        index += count
        return true
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, returned as written.
    private mutating func number() -> String? {
        let start = index
        _ = take(UInt8(ascii: "-"))
        func digits() -> Int {
            let first = index
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
            return index - first
        }
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else if digits() == 0 {
            return nil
        }
        if take(UInt8(ascii: ".")) { guard digits() > 0 else { return nil } }
        if take(UInt8(ascii: "e")) || take(UInt8(ascii: "E")) {
            if !take(UInt8(ascii: "+")) { _ = take(UInt8(ascii: "-")) }
            guard digits() > 0 else { return nil }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    /// The string at `index` as `.kept`: decoded in the same pass when `decodingRaw`.
    private mutating func keptString() -> JSONScalar? {
        let start = index + 1
        guard decodingRaw else { return rawString().map { .kept(raw: $0, decoded: nil) } }
        guard let text = string() else { return nil }
        return .kept(raw: start..<(index - 1), decoded: text)
    }

    /// The string at `index` (opening quote included) passed over without decoding: the offsets
    /// between its quotes, or nil when its escapes or control bytes are not valid JSON.
    private mutating func rawString() -> Range<Int>? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = index
        while true {
            index = Self.plainRun(bytes, from: index)
            guard index < bytes.count else { return nil }
            switch bytes[index] {
            case UInt8(ascii: "\""):
                index += 1
                return start..<(index - 1)
            case UInt8(ascii: "\\"):
                guard index + 1 < bytes.count else { return nil }
                switch bytes[index + 1] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"),
                     UInt8(ascii: "r"), UInt8(ascii: "t"):
                    index += 2
                case UInt8(ascii: "u"):
                    index += 2
                    guard hex4() != nil else { return nil }
                default:
                    return nil
                }
            default:
                return nil  // a control byte
            }
        }
    }

    /// The string whose escaped bytes are at `raw` in `bytes` (a `.rawString` of `members`),
    /// decoded and validated as `members` decodes every other string; nil when it is not valid.
    static func decodedString(_ bytes: ArraySlice<UInt8>, raw: Range<Int>) -> String? {
        bytes.withUnsafeBufferPointer { buffer in
            guard raw.lowerBound >= 1, raw.upperBound < buffer.count else { return nil }
            var scanner = JSONObjectScanner(buffer)
            scanner.index = raw.lowerBound - 1
            return scanner.string()
        }
    }

    /// A string at `index` (opening quote included), decoded; nil when it is not valid JSON.
    private mutating func string() -> String? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        var run = index
        // Most strings have no escape: they are cut from the bytes in one piece (a local cursor
        // keeps the scan in registers).
        let bytes = self.bytes
        let cursor = Self.plainRun(bytes, from: index)
        if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "\"") {
            index = cursor + 1
            return String(validating: UnsafeBufferPointer(rebasing: bytes[run..<cursor]), as: UTF8.self)
        }
        index = cursor
        guard index < bytes.count, bytes[index] >= 0x20 else { return nil }
        // With escapes: decoded into a buffer sized for the rest of the line (a decoded string is
        // never longer than its escaped form), runs between escapes copied whole.
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count - run)
        decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return String(validating: decoded, as: UTF8.self)
            }
            if byte < 0x20 { return nil }
            guard byte == UInt8(ascii: "\\") else {
                run = index
                index = Self.plainRun(bytes, from: index)
                decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
                continue
            }
            index += 1
            guard index < bytes.count else { return nil }
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(escape)
            case UInt8(ascii: "b"): decoded.append(0x08)
            case UInt8(ascii: "f"): decoded.append(0x0C)
            case UInt8(ascii: "n"): decoded.append(0x0A)
            case UInt8(ascii: "r"): decoded.append(0x0D)
            case UInt8(ascii: "t"): decoded.append(0x09)
            case UInt8(ascii: "u"):
                guard var value = hex4() else { return nil }
                if (0xD800...0xDBFF).contains(value) {
                    // A high surrogate must be followed by an escaped low one.
                    guard take(UInt8(ascii: "\\")), take(UInt8(ascii: "u")), let low = hex4(), (0xDC00...0xDFFF).contains(low) else { return nil }
                    value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(value) {
                    return nil
                }
                guard let scalar = Unicode.Scalar(value) else { return nil }
                for unit in scalar.utf8 { decoded.append(unit) }
            default:
                return nil
            }
        }
        return nil
    }

    /// The first offset at or after `start` holding a quote, a backslash or a control byte (below
    /// 0x20), or the end: eight bytes at a time. Each test flags exactly the lowest matching byte of
    /// a word (bytes above one may be flagged falsely, never below), so the first flag is the answer.
    static func plainRun(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var cursor = start
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            while cursor + 8 <= bytes.count {
                let word = raw.loadUnaligned(fromByteOffset: cursor, as: UInt64.self)
                let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)
                let flags = ((quote &- ones) & ~quote | (backslash &- ones) & ~backslash | (word &- ones &* 0x20) & ~word) & highs
                if flags != 0 { return cursor + UInt64(littleEndian: flags).trailingZeroBitCount / 8 }
                cursor += 8
            }
        }
        while cursor < bytes.count {
            let byte = bytes[cursor]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { return cursor }
            cursor += 1
        }
        return cursor
    }

    private mutating func hex4() -> UInt32? {
        guard index + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
            default: return nil
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }
}
