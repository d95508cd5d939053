@testable import BriefingCore
import Foundation
import Testing

@Suite("CSV: RFC 4180 writing and reading")
struct CSVTests {
    @Test func quotingLineEndsAndBOM() {
        let table = CSVTable(header: ["a", "b"], rows: [[.text("x, y"), .int(3)], [.text("say \"hi\"\nthere"), .int(-4)]])
        let bytes = table.encoded(byteOrderMark: true)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text == "a,b\r\n\"x, y\",3\r\n\"say \"\"hi\"\"\nthere\",-4\r\n")
    }

    /// A cell is quoted when it holds " , CR or LF anywhere: each mark tried at every place of
    /// cells long enough for several eight-byte words, beside ASCII and multi-byte text.
    @Test func everySpecialByteAtEveryPlaceIsQuoted() {
        // Short cells are scanned byte by byte, cells of 32 bytes and more with memchr: both sizes.
        for filler in ["abcdefghijklmnopqrstuvwxyz0123", "中文字符中文字符中文", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH",
                       "中文字符中文字符中文字符中文"] {
            for mark in ["\"", ",", "\r", "\n", "x"] {
                for place in 0...filler.count {
                    var cell = filler
                    cell.insert(contentsOf: mark, at: cell.index(cell.startIndex, offsetBy: place))
                    var out: [UInt8] = []
                    CSVTable.appendText(cell, to: &out)
                    let special = mark != "x"
                    // A leading CR is also guarded against formulas.
                    let body = (place == 0 && mark == "\r" ? "'" : "") + cell.replacingOccurrences(of: "\"", with: "\"\"")
                    #expect(String(decoding: out, as: UTF8.self) == (special ? "\"" + body + "\"" : body))
                }
            }
        }
    }

    @Test func formulaInjectionIsGuardedButNumbersAreNot() {
        for start in ["=", "+", "-", "@", "\t", "\r"] {
            let bytes = CSVTable(header: ["q"], rows: [[.text(start + "1+1")]]).encoded(byteOrderMark: false)
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(text.contains("'" + start + "1+1"))
        }
        let numbers = CSVTable(header: ["n"], rows: [[.int(-5)]]).encoded(byteOrderMark: false)
        #expect(String(decoding: numbers, as: UTF8.self) == "n\r\n-5\r\n")
    }

    @Test func integersAreWrittenAsTheirDecimalDigits() {
        var values = [0, 1, -1, 9, 10, -10, 99, 100, 12_345, Int.max, Int.min, Int.max - 1, Int.min + 1]
        var value = 1
        for _ in 0..<18 { value *= 10; values += [value - 1, value, -value, 1 - value] }
        for value in values {
            var out: [UInt8] = []
            CSVTable.appendInteger(value, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == String(value))
        }
    }

    @Test func parserRoundTrip() throws {
        let rows = try CSVParser.parse("\u{FEFF}id,title\r\n1,\"a, \"\"b\"\"\nc\"\r\n\r\n2,plain\n")
        #expect(rows.map(\.fields) == [["id", "title"], ["1", "a, \"b\"\nc"], ["2", "plain"]])
        #expect(rows.map(\.line) == [1, 2, 5])
    }

    @Test func parserReportsUnclosedQuoteWithPosition() {
        #expect(throws: CSVParser.SyntaxError(line: 2, column: 3, message: "quoted field is never closed; expected a closing \"")) {
            try CSVParser.parse("a,b\nx,\"open\n")
        }
    }

    @Test func parserHandsRowsOneByOneWithScalarColumns() throws {
        var rows: [CSVParser.Row] = []
        try CSVParser.parse("a,b\n\n\"x\ny\",z\n") { rows.append($0) }
        #expect(rows == [CSVParser.Row(fields: ["a", "b"], line: 1), CSVParser.Row(fields: ["x\ny", "z"], line: 3)])
        // Columns count scalars, not bytes: "é" and "中" are one column each.
        #expect(throws: CSVParser.SyntaxError(line: 1, column: 6, message: "unexpected text after a closing quote; expected a comma or a line end")) {
            try CSVParser.parse("é,\"中\"x")
        }
        #expect(try CSVParser.parse("\"\"\"\",1\r\n").map(\.fields) == [["\"", "1"]])
    }

    /// Rows written by the stream writer read back the same, whatever the block size cuts.
    @Test func streamReaderReadsBackWhatTheWriterWrote() throws {
        let rows: [[String]] = [
            ["plain", "x, y", "say \"hi\"", ""],
            ["line\nbreak", "crlf\r\ninside", "\"", "\"\""],
            ["中文", "l’état", "", "end"],
            ["'=guarded", "a\"b\"\"c", ",", "\r"],
        ]
        let folder = try Repo.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for bom in [true, false] {
            let url = folder.appendingPathComponent("rows-\(bom).csv")
            let writer = try CSVStreamWriter(url: url, header: ["a", "b", "c", "d"], byteOrderMark: bom)
            var bytes: [UInt8] = []
            for _ in 0..<5 { for row in rows { CSVTable.appendRow(row.map { .text($0) }, to: &bytes) } }
            try writer.appendEncoded(bytes, rows: rows.count * 5)
            try writer.close()
            let expected = [["a", "b", "c", "d"]] + Array(repeating: rows, count: 5).flatMap { $0 }.map { row in
                row.map { $0.first.map { "=+-@\t\r".contains($0) } == true ? "'" + $0 : $0 }
            }
            for blockSize in [1, 2, 3, 5, 64, 1 << 20] {
                var reader = try CSVStreamReader(url: url, blockSize: blockSize)
                var read: [[String]] = []
                while let row = reader.next() { read.append(row) }
                #expect(read == expected, "block size \(blockSize), BOM \(bom)")
                // Rows failing a field's test are passed over; the others come whole.
                var filtered = try CSVStreamReader(url: url, blockSize: blockSize)
                var kept: [[String]] = []
                while let row = filtered.next(keeping: (column: 1, test: { $0.contains("\n") || $0 == "b" })) { kept.append(row) }
                #expect(kept == expected.filter { $0[1].contains("\n") || $0[1] == "b" }, "block size \(blockSize)")
                #expect(kept.count == 6)
            }
        }
    }
}
