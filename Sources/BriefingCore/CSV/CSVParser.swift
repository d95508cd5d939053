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
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1, column = 0
        var rowLine = 1
        var inQuotes = false, afterQuote = false, quoteLine = 1, quoteColumn = 1
        var scalars = text.unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        var iterator = scalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func endRow() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            if !(fields.count == 1 && fields[0].isEmpty) { rows.append(Row(fields: fields, line: rowLine)) }
            fields = []
        }
        while let scalar = pending ?? iterator.next() {
            pending = nil
            column += 1
            if inQuotes {
                if scalar == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" {
                            field.append("\"")
                            column += 1
                        } else {
                            inQuotes = false
                            afterQuote = true
                            pending = next
                        }
                    } else {
                        inQuotes = false
                        afterQuote = true
                    }
                } else {
                    field.append(scalar)
                    if scalar == "\n" { line += 1; column = 0 }
                }
                continue
            }
            switch scalar {
            case ",":
                fields.append(String(field))
                field = String.UnicodeScalarView()
                afterQuote = false
            case "\r":
                continue
            case "\n":
                endRow()
                afterQuote = false
                line += 1
                column = 0
                rowLine = line
            case "\"" where field.isEmpty && !afterQuote:
                inQuotes = true
                quoteLine = line
                quoteColumn = column
            default:
                if afterQuote {
                    throw SyntaxError(line: line, column: column,
                                      message: "unexpected text after a closing quote; expected a comma or a line end")
                }
                field.append(scalar)
            }
        }
        if inQuotes {
            throw SyntaxError(line: quoteLine, column: quoteColumn,
                              message: "quoted field is never closed; expected a closing \"")
        }
        if !field.isEmpty || !fields.isEmpty { endRow() }
        return rows
    }
}
