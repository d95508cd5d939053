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
    /// file is never held as a list of rows. Works on UTF-8 bytes — the delimiters are ASCII, so
    /// they never fall inside a multi-byte scalar; columns are counted in scalars.
    public static func parse(_ text: String, each body: (Row) -> Void) throws(SyntaxError) {
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
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1, column = 0, rowLine = 1

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        mutating func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }

        mutating func endRow(_ body: (Row) -> Void) {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) { body(Row(fields: fields, line: rowLine)) }
            fields.removeAll(keepingCapacity: true)
        }

        mutating func run(_ body: (Row) -> Void) -> SyntaxError? {
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
                case quote where field.isEmpty && !afterQuote:
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
            if !field.isEmpty || !fields.isEmpty { endRow(body) }
            return nil
        }
    }
}
