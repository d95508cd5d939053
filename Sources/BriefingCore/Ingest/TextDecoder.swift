// TextDecoder: raw file bytes → decoded text, or the reason they are not text.
// Input: the bytes of one file. Output: a String without its byte-order mark.
// Invariants: never guesses an encoding; UTF-8 (BOM optional) and UTF-16 with a BOM only.
import Foundation

/// Decodes the bytes of a corpus file into text.
public enum TextDecoder {
    /// Why bytes were refused as text.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// The file has no bytes, or only whitespace.
        case empty
        /// A NUL byte: a binary file.
        case binary(offset: Int)
        /// Not valid UTF-8 (and no UTF-16 byte-order mark).
        case invalidUTF8(offset: Int)
        /// A UTF-16 byte-order mark but invalid UTF-16 after it.
        case invalidUTF16

        /// A sentence saying what was expected.
        public var description: String {
            switch self {
            case .empty: return "empty file (no text)"
            case .binary(let offset): return "not a text file (NUL byte at byte \(offset))"
            case .invalidUTF8(let offset):
                return "not valid UTF-8 (bad byte at byte \(offset)); expected UTF-8, or UTF-16 with a byte-order mark"
            case .invalidUTF16: return "invalid UTF-16 after its byte-order mark"
            }
        }
    }

    /// Decodes `bytes`: UTF-8 with or without BOM, UTF-16 LE/BE with BOM.
    public static func decode(_ bytes: [UInt8]) -> Result<String, Failure> {
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            return decodeUTF16(bytes, bigEndian: bytes[0] == 0xFE)
        }
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        let body = bytes[start...]
        if let nul = firstNUL(bytes, from: start) { return .failure(.binary(offset: nul)) }
        guard let text = String(validating: body, as: UTF8.self) else {
            return .failure(.invalidUTF8(offset: start + firstInvalidUTF8(body)))
        }
        return isBlank(text) ? .failure(.empty) : .success(text)
    }

    private static func decodeUTF16(_ bytes: [UInt8], bigEndian: Bool) -> Result<String, Failure> {
        guard bytes.count % 2 == 0 else { return .failure(.invalidUTF16) }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2 - 1)
        var index = 2
        while index + 1 < bytes.count {
            let high = UInt16(bytes[bigEndian ? index : index + 1])
            let low = UInt16(bytes[bigEndian ? index + 1 : index])
            units.append(high << 8 | low)
            index += 2
        }
        if units.contains(0) { return .failure(.binary(offset: 0)) }
        guard let text = String(validating: units, as: UTF16.self) else { return .failure(.invalidUTF16) }
        return isBlank(text) ? .failure(.empty) : .success(text)
    }

    /// The offset of the first NUL byte at or after `start` (memchr: the whole file is searched).
    private static func firstNUL(_ bytes: [UInt8], from start: Int) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            guard start < buffer.count, let base = buffer.baseAddress, let found = memchr(base + start, 0, buffer.count - start) else {
                return nil
            }
            return UnsafeRawPointer(found) - UnsafeRawPointer(base)
        }
    }

    private static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { ScalarFolding.isSpace($0) }
    }

    /// The byte offset of the first invalid UTF-8 sequence (for the warning).
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return offset
            case .error: return offset
            }
        }
    }
}
