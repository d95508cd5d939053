// ContentHash: a 128-bit content fingerprint (two independent 64-bit FNV-1a streams) — the key of
// a cached analysis. Fast and stable across runs and machines; not cryptographic.

/// Fingerprints of bytes.
enum ContentHash {
    /// A 32-hex-digit fingerprint of `bytes`.
    static func hex<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        var hasher = ContentHasher()
        hasher.add(bytes)
        return hasher.hex
    }

    static func hex64(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

/// The same fingerprint fed piece by piece: `hex` equals `ContentHash.hex` of the concatenation.
struct ContentHasher {
    private var a: UInt64 = 0xCBF2_9CE4_8422_2325
    private var b: UInt64 = 0x6C62_272E_07BB_0142
    private var count = 0

    mutating func add<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        for byte in bytes {
            a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            b = (b ^ UInt64(byte ^ 0x5A)) &* 0x0000_0100_0000_01B3
            b = b &+ (b << 7)
        }
        count += bytes.count
    }

    /// The 32-hex-digit fingerprint of everything added.
    var hex: String {
        let a = self.a ^ (UInt64(truncatingIfNeeded: count) &* 0x9E37_79B9_7F4A_7C15)
        return ContentHash.hex64(a) + ContentHash.hex64(b)
    }
}

/// 64-bit keys of document ids (the run history stores these, not the ids).
enum DocumentKey {
    static func hash(_ id: String) -> UInt64 {
        var value: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in id.utf8 { value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return value
    }
}
