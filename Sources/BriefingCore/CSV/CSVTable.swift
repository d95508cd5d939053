// CSVTable: a header and rows of typed cells, serialised as RFC 4180 for spreadsheets.
// Invariants: CRLF line ends; fields with comma, quote, CR or LF are quoted with inner quotes
// doubled; a text cell starting with = + - @ tab or CR is prefixed with ' (formula injection);
// numbers are written as they are; UTF-8 with an optional BOM.

import Glibc

/// One cell of a CSV table.
public enum CSVCell: Sendable, Equatable {
    /// Free text, guarded against formula injection.
    case text(String)
    /// An integer, written as digits.
    case int(Int)
}

/// A table ready to be written as CSV.
public struct CSVTable: Sendable, Equatable {
    /// Column names, in order.
    public var header: [String]
    /// Rows, each as many cells as the header.
    public var rows: [[CSVCell]]

    /// Creates a table.
    public init(header: [String], rows: [[CSVCell]] = []) {
        self.header = header
        self.rows = rows
    }

    /// The file's bytes: optional BOM, header row, rows, each ending in CRLF.
    public func encoded(byteOrderMark: Bool) -> [UInt8] {
        var out: [UInt8] = byteOrderMark ? [0xEF, 0xBB, 0xBF] : []
        out.reserveCapacity(64 * (rows.count + 1))
        Self.appendRow(header.map { .text($0) }, to: &out)
        for row in rows { Self.appendRow(row, to: &out) }
        return out
    }

    static func appendRow(_ row: [CSVCell], to out: inout [UInt8]) {
        for (index, cell) in row.enumerated() {
            if index > 0 { appendSeparator(to: &out) }
            switch cell {
            case .int(let value): appendInteger(value, to: &out)
            case .text(let value): appendText(value, to: &out)
            }
        }
        appendRowEnd(to: &out)
    }

    /// The comma between two cells.
    @inline(__always)
    static func appendSeparator(to out: inout [UInt8]) { out.append(UInt8(ascii: ",")) }

    /// The CRLF that ends a row.
    @inline(__always)
    static func appendRowEnd(to out: inout [UInt8]) {
        out.append(0x0D)
        out.append(0x0A)
    }

    /// The decimal digits of `value` (with a minus sign when negative), written without a String.
    static func appendInteger(_ value: Int, to out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        // The magnitude as unsigned, so that Int.min has one too.
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[23 - count] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            // Byte by byte: a few digits cost less so than through a generic append of a buffer.
            for index in (24 - count)..<24 { out.append(buffer[index]) }
        }
    }

    /// Room for `extra` more bytes in `out`, grown at least twofold (the rows of many documents
    /// may share one buffer: reserving just enough each time would copy it for every document).
    static func reserve(_ extra: Int, in out: inout [UInt8]) {
        let needed = out.count + extra
        if needed > out.capacity { out.reserveCapacity(max(needed, 2 * out.capacity)) }
    }

    static func appendText(_ value: String, to out: inout [UInt8]) {
        var value = value
        value.withUTF8 { bytes in
            // A leading = + - @ tab or CR would make a spreadsheet read a formula: a ' keeps it text.
            let guarded: Bool
            switch bytes.first {
            case UInt8(ascii: "=")?, UInt8(ascii: "+")?, UInt8(ascii: "-")?, UInt8(ascii: "@")?, 0x09?, 0x0D?: guarded = true
            default: guarded = false
            }
            var needsQuotes = false, hasQuote = false
            if bytes.count >= 32, let base = bytes.baseAddress {
                // A quotation's text: memchr for each byte that asks for quotes (a byte loop cost
                // five instructions a byte).
                func holds(_ byte: UInt8) -> Bool { memchr(base, Int32(byte), bytes.count) != nil }
                hasQuote = holds(UInt8(ascii: "\""))
                needsQuotes = hasQuote || holds(UInt8(ascii: ",")) || holds(0x0A) || holds(0x0D)
            } else {
                for byte in bytes {
                    switch byte {
                    case UInt8(ascii: "\""): hasQuote = true; needsQuotes = true
                    case UInt8(ascii: ","), 0x0D, 0x0A: needsQuotes = true
                    default: continue
                    }
                }
            }
            if needsQuotes { out.append(UInt8(ascii: "\"")) }
            if guarded { out.append(UInt8(ascii: "'")) }
            if hasQuote {
                for byte in bytes {
                    if byte == UInt8(ascii: "\"") { out.append(byte) }
                    out.append(byte)
                }
            } else {
                out.append(contentsOf: bytes)
            }
            if needsQuotes { out.append(UInt8(ascii: "\"")) }
        }
    }
}
