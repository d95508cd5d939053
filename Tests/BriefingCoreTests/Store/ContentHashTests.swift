@testable import BriefingCore
import Testing

@Suite("Store: content fingerprints")
struct ContentHashTests {
    /// Fed in pieces of any size, the fingerprint is that of the whole.
    @Test func piecesGiveTheFingerprintOfTheWhole() {
        let bytes = Array("The EU met China in Brussels. 中文 l’état — \u{0}\u{1}".utf8) + (0..<300).map { UInt8($0 % 256) }
        let whole = ContentHash.hex(bytes)
        #expect(whole.count == 32 && whole.allSatisfy { $0.isHexDigit })
        for size in [1, 2, 3, 5, 7, 8, 9, 16, 31, 64] {
            var hasher = ContentHasher()
            var start = 0
            while start < bytes.count {
                hasher.add(bytes[start..<min(bytes.count, start + size)])
                start += size
            }
            #expect(hasher.hex == whole, "pieces of \(size)")
        }
        #expect(ContentHash.hex(bytes) == whole)
    }

    /// The digits are those of `String(_:radix:)` zero-padded (the stored keys of earlier builds
    /// stay valid): both halves, every digit place, the extremes.
    @Test func digitsArePaddedHexOfBothHalves() {
        func padded(_ value: UInt64) -> String {
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
        var values: [UInt64] = [0, 1, 0xF, 0x10, .max, 0x0123_4567_89AB_CDEF, 0xFEDC_BA98_7654_3210, 1 << 63]
        for place in 0..<16 { values.append(0xA << UInt64(4 * place)) }
        for high in values {
            for low in values {
                #expect(ContentHash.hex(high, low, count: 32) == padded(high) + padded(low))
            }
            #expect(ContentHash.hex(0, high, count: 16) == padded(high))
        }
    }

    /// Nearby inputs differ: lengths, trailing zero bytes, one flipped bit, swapped words.
    @Test func nearbyInputsHaveDistinctFingerprints() {
        var seen = Set<String>()
        var inputs: [[UInt8]] = [[], [0], [0, 0], Array(repeating: 0, count: 8), Array(repeating: 0, count: 9)]
        for length in 0..<40 { inputs.append(Array(repeating: UInt8(ascii: "a"), count: length)) }
        let base = Array("12345678abcdefgh".utf8)
        inputs.append(Array(base[8...] + base[..<8]))
        for bit in 0..<(base.count * 8) {
            var flipped = base
            flipped[bit / 8] ^= 1 << UInt8(bit % 8)
            inputs.append(flipped)
        }
        inputs.append(base)
        for number in 0..<20_000 { inputs.append(Array("document \(number)".utf8)) }
        for input in inputs { seen.insert(ContentHash.hex(input)) }
        #expect(seen.count == Set(inputs).count)
    }
}
