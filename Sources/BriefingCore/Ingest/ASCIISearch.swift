// ASCIISearch: case-insensitive search of ASCII phrases in UTF-8 text, without Foundation
// (whose string search dominated ingestion time).

import Glibc

/// Case-insensitive ASCII phrase search over UTF-8.
enum ASCIISearch {
    @inline(__always)
    static func fold(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }

    /// Calls `body` with `bytes` folded (A–Z lowered, as `lowercased()` lowers ASCII) in a scratch
    /// buffer of the same length.
    @inline(__always)
    static func withFolded<R>(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(bytes.count, 1)) { buffer in
            for index in bytes.indices { buffer[index] = fold(bytes[index]) }
            return body(UnsafeBufferPointer(rebasing: buffer[..<bytes.count]))
        }
    }

    /// The offset of the first `byte` in `bytes[from..<to]`, or `to` (found with memchr, which is
    /// vectorised: a byte loop costs five instructions or more a byte).
    @inline(__always)
    static func offset(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        guard from < to, let base = bytes.baseAddress, let found = memchr(base + from, Int32(byte), to - from) else { return to }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    /// The byte offset where `needle` (lower-case ASCII) first occurs in `text`, ignoring ASCII case.
    static func find<S: StringProtocol>(_ needle: String, in text: S) -> Int? {
        var needle = needle
        return needle.withUTF8 { pattern in
            guard !pattern.isEmpty else { return 0 }
            return text.withUTF8Buffer { search(pattern, $0) }
        }
    }

    private static func search(_ pattern: UnsafeBufferPointer<UInt8>, _ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard bytes.count >= pattern.count else { return nil }
        let first = pattern[0]
        var index = 0
        let last = bytes.count - pattern.count
        while index <= last {
            if fold(bytes[index]) == first {
                var offset = 1
                while offset < pattern.count, fold(bytes[index + offset]) == pattern[offset] { offset += 1 }
                if offset == pattern.count { return index }
            }
            index += 1
        }
        return nil
    }

    /// The offset of `needle` (lower-case ASCII) in `bytes`, ignoring ASCII case.
    static func find(_ needle: String, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var needle = needle
        return needle.withUTF8 { pattern in pattern.isEmpty ? 0 : search(pattern, bytes) }
    }

    /// True when `bytes` hold `needle` (lower-case ASCII bytes) anywhere, ignoring ASCII case,
    /// found from the places of its byte at `anchor` (a punctuation mark: `memchr` skips to them).
    static func contains(_ needle: [UInt8], anchor: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, needle.indices.contains(anchor) else { return false }
        let mark = needle[anchor]
        var from = anchor
        while from < bytes.count, let found = memchr(base + from, Int32(mark), bytes.count - from) {
            let position = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            let start = position - anchor
            if start + needle.count <= bytes.count {
                var offset = 0
                while offset < needle.count, fold(bytes[start + offset]) == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            from = position + 1
        }
        return false
    }

    /// True when `bytes` start at `offset` with `needle` (lower-case ASCII), ignoring ASCII case.
    /// Compared with the needle's contiguous bytes (its UTF-8 view, iterated, cost ten
    /// instructions a byte); a string literal argument is a String here.
    static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, _ needle: String) -> Bool {
        let found = needle.utf8.withContiguousStorageIfAvailable { pattern -> Bool in
            guard !pattern.isEmpty else { return true }
            guard offset >= 0, pattern.count <= bytes.count - offset else { return false }
            for index in pattern.indices where fold(bytes[offset + index]) != pattern[index] { return false }
            return true
        }
        if let found { return found }
        var index = offset
        for byte in needle.utf8 {
            guard index < bytes.count, fold(bytes[index]) == byte else { return false }
            index += 1
        }
        return true
    }

    /// True when `text` contains `needle` (lower-case ASCII), ignoring ASCII case.
    static func contains<S: StringProtocol>(_ text: S, _ needle: String) -> Bool { find(needle, in: text) != nil }

    /// True when `text` starts with `needle` (lower-case ASCII), ignoring ASCII case.
    static func hasPrefix<S: StringProtocol>(_ text: S, _ needle: String) -> Bool {
        var iterator = text.utf8.makeIterator()
        for byte in needle.utf8 {
            guard let next = iterator.next(), fold(next) == byte else { return false }
        }
        return true
    }

    /// The substring after the first occurrence of `needle`, or nil.
    static func after(_ needle: String, in text: Substring) -> Substring? {
        guard let offset = find(needle, in: text) else { return nil }
        let utf8 = text.utf8
        let index = utf8.index(utf8.startIndex, offsetBy: offset + needle.utf8.count)
        return Substring(text.utf8[index...])
    }

    /// The substring before the first occurrence of `needle`, or nil.
    static func before(_ needle: String, in text: Substring) -> Substring? {
        guard let offset = find(needle, in: text) else { return nil }
        let utf8 = text.utf8
        let index = utf8.index(utf8.startIndex, offsetBy: offset)
        return Substring(text.utf8[..<index])
    }
}
