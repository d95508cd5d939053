@testable import BriefingCore
import Testing

@Suite("Ingest: decoding bytes to text")
struct TextDecoderTests {
    @Test func plainUTF8() throws {
        #expect(try TextDecoder.decode(Array("Zhao said 中文".utf8)).get() == "Zhao said 中文")
    }

    @Test func utf8ByteOrderMarkIsDropped() throws {
        #expect(try TextDecoder.decode([0xEF, 0xBB, 0xBF] + Array("Hi".utf8)).get() == "Hi")
    }

    @Test func utf16LittleAndBigEndianWithBOM() throws {
        let text = "Lu Wei 王磊"
        let little = [UInt8(0xFF), 0xFE] + text.utf16.flatMap { (unit: UInt16) -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let big = [UInt8(0xFE), 0xFF] + text.utf16.flatMap { (unit: UInt16) -> [UInt8] in [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        #expect(try TextDecoder.decode(little).get() == text)
        #expect(try TextDecoder.decode(big).get() == text)
    }

    @Test func nulByteMeansBinary() {
        #expect(TextDecoder.decode([0x41, 0x00, 0x42]) == .failure(.binary(offset: 1)))
    }

    @Test func invalidUTF8NamesTheOffset() {
        #expect(TextDecoder.decode(Array("abc".utf8) + [0xC3, 0x28]) == .failure(.invalidUTF8(offset: 3)))
    }

    @Test func emptyAndBlankFiles() {
        #expect(TextDecoder.decode([]) == .failure(.empty))
        #expect(TextDecoder.decode(Array(" \n\t\n".utf8)) == .failure(.empty))
    }
}
