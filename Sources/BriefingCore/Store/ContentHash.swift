// ContentHash: a 128-bit content fingerprint (two independent 64-bit FNV-1a streams) — the key of
// a cached analysis. Fast and stable across runs and machines; not cryptographic.

/// Fingerprints of bytes.
enum ContentHash {
    /// A 32-hex-digit fingerprint of `bytes`.
    static func hex<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        var a: UInt64 = 0xCBF2_9CE4_8422_2325
        var b: UInt64 = 0x6C62_272E_07BB_0142
        for byte in bytes {
            a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            b = (b ^ UInt64(byte ^ 0x5A)) &* 0x0000_0100_0000_01B3
            b = b &+ (b << 7)
        }
        a ^= UInt64(truncatingIfNeeded: bytes.count) &* 0x9E37_79B9_7F4A_7C15
        return hex64(a) + hex64(b)
    }

    static func hex64(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
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
