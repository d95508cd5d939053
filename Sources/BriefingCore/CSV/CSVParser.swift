// CSVParser: RFC 4180 text → rows of fields, each row with the line it starts on.
// Accepts CRLF or LF line ends, a UTF-8 BOM, quoted fields with doubled quotes and line breaks.

/// Parses comma-separated values.
public enum CSVParser {
    /// A parsed row and the 1-based line where it starts.
    public struct Row: Sendable, Equatable {
        /// The fields, unquoted.
        public var fields: [String]
        /// 1-based line number of the row's start.
        public var line: Int
    }

    /// A syntax error: an unterminated quoted field, or text after a closing quote.
    public struct SyntaxError: Error, Equatable {
        /// 1-based line.
        public var line: Int
        /// 1-based column (in Unicode scalars).
        public var column: Int
        /// What was expected.
        public var message: String
    }

    /// Parses `text` into rows; blank lines are skipped.
    public static func parse(_ text: String) throws(SyntaxError) -> [Row] {
        var rows: [Row] = []
        try parse(text) { rows.append($0) }
        return rows
    }

    /// Parses `text` and hands each row to `body` as it is read (blank lines are skipped): a large
    /// file is never held as a list of rows.
    public static func parse(_ text: String, each body: (Row) -> Void) throws(SyntaxError) {
        try parseFields(text) { row in
            body(Row(fields: (0..<row.count).map { String(decoding: row[$0], as: UTF8.self) }, line: row.line))
        }
    }

    /// A row as the parser holds it: its fields' UTF-8 bytes (unquoted), valid only during the call
    /// that receives it — no String is made for a field the reader does not want.
    struct FieldRow {
        /// The fields' bytes one after the other.
        fileprivate let bytes: UnsafeBufferPointer<UInt8>
        /// Where each field ends in `bytes`.
        fileprivate let ends: UnsafeBufferPointer<Int>
        /// 1-based line number of the row's start.
        let line: Int

        /// Number of fields.
        var count: Int { ends.count }

        /// The bytes of field `index` (empty beyond the last field).
        subscript(index: Int) -> UnsafeBufferPointer<UInt8> {
            guard index >= 0, index < ends.count, let base = bytes.baseAddress else { return UnsafeBufferPointer(start: nil, count: 0) }
            let start = index == 0 ? 0 : ends[index - 1]
            return UnsafeBufferPointer(start: base + start, count: ends[index] - start)
        }

        /// Field `index` as a String ("" beyond the last field).
        func string(_ index: Int) -> String { String(decoding: self[index], as: UTF8.self) }
    }

    /// `parse` handing over rows of bytes. Works on UTF-8 bytes — the delimiters are ASCII, so
    /// they never fall inside a multi-byte scalar; columns are counted in scalars.
    static func parseFields(_ text: String, each body: (FieldRow) -> Void) throws(SyntaxError) {
        var text = text
        let failure: SyntaxError? = text.withUTF8 { bytes in
            var reader = ByteReader(bytes: bytes)
            return reader.run(body)
        }
        if let failure { throw failure }
    }

    /// The state of one parse over UTF-8 bytes.
    private struct ByteReader {
        let bytes: UnsafeBufferPointer<UInt8>
        /// The current row's fields, one after the other, and where each ends.
        var field: [UInt8] = []
        var ends: [Int] = []
        /// Where the field being read starts in `field`.
        var fieldStart = 0
        var line = 1, column = 0, rowLine = 1

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        /// True while the field being read has no byte yet.
        var fieldIsEmpty: Bool { field.count == fieldStart }

        mutating func endField() {
            ends.append(field.count)
            fieldStart = field.count
        }

        mutating func endRow(_ body: (FieldRow) -> Void) {
            endField()
            if !(ends.count == 1 && ends[0] == 0) {
                let line = rowLine
                field.withUnsafeBufferPointer { bytes in
                    ends.withUnsafeBufferPointer { ends in body(FieldRow(bytes: bytes, ends: ends, line: line)) }
                }
            }
            field.removeAll(keepingCapacity: true)
            ends.removeAll(keepingCapacity: true)
            fieldStart = 0
        }

        mutating func run(_ body: (FieldRow) -> Void) -> SyntaxError? {
            let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n"), carriage = UInt8(ascii: "\r")
            var index = 0
            // A byte order mark is not part of the first field.
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
            var inQuotes = false, afterQuote = false, quoteLine = 1, quoteColumn = 1
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                // Continuation bytes belong to the scalar already counted.
                if byte & 0xC0 != 0x80 { column += 1 }
                if inQuotes {
                    if byte == quote {
                        if index < bytes.count, bytes[index] == quote {
                            field.append(quote)
                            column += 1
                            index += 1
                        } else {
                            inQuotes = false
                            afterQuote = true
                        }
                    } else {
                        field.append(byte)
                        if byte == newline { line += 1; column = 0 }
                    }
                    continue
                }
                switch byte {
                case comma:
                    endField()
                    afterQuote = false
                case carriage:
                    continue
                case newline:
                    endRow(body)
                    afterQuote = false
                    line += 1
                    column = 0
                    rowLine = line
                case quote where fieldIsEmpty && !afterQuote:
                    inQuotes = true
                    quoteLine = line
                    quoteColumn = column
                default:
                    if afterQuote {
                        return SyntaxError(line: line, column: column,
                                           message: "unexpected text after a closing quote; expected a comma or a line end")
                    }
                    field.append(byte)
                }
            }
            if inQuotes {
                return SyntaxError(line: quoteLine, column: quoteColumn, message: "quoted field is never closed; expected a closing \"")
            }
            if !field.isEmpty || !ends.isEmpty { endRow(body) }
            return nil
        }
    }
}
