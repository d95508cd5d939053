// ContentHash: a 128-bit content fingerprint — the key of a cached analysis. Two independent
// 64-bit lanes fed eight bytes at a time (multiply, rotate), finished with a full avalanche; fast
// (about one instruction per byte) and stable across runs and machines; not cryptographic.

/// Fingerprints of bytes.
enum ContentHash {
    /// A 32-hex-digit fingerprint of `bytes`.
    static func hex<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        var hasher = ContentHasher()
        hasher.add(bytes)
        return hasher.hex
    }

    /// 16 lower-case hex digits of `high` then 16 of `low` (only `low`'s when `count` is 16),
    /// zero-padded, written directly: `String(_:radix:)` cost a thousand instructions a number.
    static func hex(_ high: UInt64, _ low: UInt64, count: Int) -> String {
        String(unsafeUninitializedCapacity: count) { buffer in
            let digits: StaticString = "0123456789abcdef"
            let table = digits.utf8Start
            for position in 0..<count {
                let value = count == 32 && position < 16 ? high : low
                let shift = UInt64(4 * (15 - position % 16))
                buffer[position] = table[Int(value >> shift & 0xF)]
            }
            return count
        }
    }
}

/// The same fingerprint fed piece by piece: `hex` equals `ContentHash.hex` of the concatenation
/// (bytes short of a whole word wait in `pending` for the next piece).
struct ContentHasher {
    private var a: UInt64 = 0x243F_6A88_85A3_08D3
    private var b: UInt64 = 0x1319_8A2E_0370_7344
    private var pending: UInt64 = 0
    private var pendingCount = 0
    private var count = 0

    mutating func add<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        if let done: Void = bytes.withContiguousStorageIfAvailable({ add(buffer: $0) }) { return done }
        Array(bytes).withUnsafeBufferPointer { add(buffer: $0) }
    }

    private mutating func add(buffer bytes: UnsafeBufferPointer<UInt8>) {
        count += bytes.count
        var index = 0
        // Complete a word left from the previous piece.
        while pendingCount > 0 && pendingCount < 8 && index < bytes.count {
            pending |= UInt64(bytes[index]) << UInt64(8 * pendingCount)
            pendingCount += 1
            index += 1
        }
        if pendingCount == 8 {
            mix(pending)
            pending = 0
            pendingCount = 0
        }
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= bytes.count {
                mix(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
                index += 8
            }
        }
        while index < bytes.count {
            pending |= UInt64(bytes[index]) << UInt64(8 * pendingCount)
            pendingCount += 1
            index += 1
        }
    }

    @inline(__always)
    private mutating func mix(_ word: UInt64) {
        a = (a ^ word) &* 0x9E37_79B9_7F4A_7C15
        a = a << 31 | a >> 33
        b = (b ^ word) &* 0xC2B2_AE3D_27D4_EB4F
        b = b << 29 | b >> 35
    }

    /// A full avalanche of a 64-bit value (every input bit reaches every output bit).
    private static func finish(_ value: UInt64) -> UInt64 {
        var value = value
        value ^= value >> 33
        value = value &* 0xFF51_AFD7_ED55_8CCD
        value ^= value >> 33
        value = value &* 0xC4CE_B9FE_1A85_EC53
        value ^= value >> 33
        return value
    }

    /// The 32-hex-digit fingerprint of everything added.
    var hex: String {
        var copy = self
        // The tail word and the length, so that "a" and "a\0" differ.
        copy.mix(copy.pending ^ UInt64(truncatingIfNeeded: copy.pendingCount) << 56)
        copy.mix(UInt64(truncatingIfNeeded: count))
        let high = Self.finish(copy.a ^ copy.b >> 1), low = Self.finish(copy.b ^ copy.a << 1)
        return ContentHash.hex(high, low, count: 32)
    }
}

/// 64-bit keys of strings (FNV-1a): the run history stores those of document ids, and the store
/// those of the analysis keys each scope's latest run used — not the strings.
enum KeyHash {
    static func of(_ text: String) -> UInt64 {
        var value = WordSet.hashSeed
        // Over the contiguous bytes (a store key is a hundred of them: the String's view cost
        // twenty instructions a byte).
        text.withUTF8Buffer { bytes in
            for byte in bytes { value = WordSet.hashStep(value, byte) }
        }
        return value
    }
}
