@testable import BriefingCore
import Foundation
import Testing

@Suite("Ingest: JSON objects of JSONL lines")
struct JSONObjectScannerTests {
    /// Lines on which the scanner must agree with Foundation's JSON parser: valid or not, and the
    /// strings and integer ids it reads.
    static let lines: [String] = [
        #"{"text": "plain", "id": "a"}"#,
        #"{"text":"esc \" \\ \/ \b \f \n \r \t \u00e9 \ud83d\ude00 \u4e2d", "id": 7}"#,
        #"  {"id": 1.0, "text": "x"}  "#,
        #"{"id": 1e2, "text": "x"}"#,
        #"{"id": -0, "text": "x"}"#,
        #"{"id": true, "text": "x"}"#,
        #"{"id": 12345678901234567890, "text": "x"}"#,
        #"{"id": 1.5, "text": "x"}"#,
        #"{"a": 1, "a": "second"}"#,
        #"{"nested": {"deep": [1, 2, {"k": [true, false, null]}], "e": {}}, "list": [], "text": "ok"}"#,
        #"{"text": "ü日本語 – “quoted”"}"#,
        "\u{FEFF}{\"text\": \"bom\"}",
        #"{}"#,
        #"{"text": "\ud800"}"#,
        #"{"text": "\udc00 low first"}"#,
        "{\"text\": \"raw\ttab\"}",
        #"{"text": "x"} trailing"#,
        #"{"text": "x",}"#,
        #"{"id": 01}"#,
        #"{"id": 1.}"#,
        #"{"id": .5}"#,
        #"{"id": -}"#,
        #"{"id": 1e}"#,
        #"{"id": tru}"#,
        #"["text"]"#,
        #""text""#,
        #"{"text": "unterminated}"#,
        #"{"text" "missing colon"}"#,
        #"{text: "unquoted key"}"#,
        #"{"text": "bad escape \x"}"#,
        #"{"text": "short \u12"}"#,
        #"{"a": [1, 2,]}"#,
        #"{"a": [1 2]}"#,
        #"{"a": [,]}"#,
        #"{,}"#,
        #"{"a": 1,,}"#,
        #"{"text": "x"}{"text": "y"}"#,
    ]

    @Test(arguments: lines)
    func agreesWithFoundation(_ line: String) throws {
        let bytes = Array(line.utf8)
        let ours = JSONObjectScanner.members(bytes[...])
        let theirs = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any]
        #expect((ours == nil) == (theirs == nil), "validity of \(line)")
        guard let ours, let theirs else { return }
        #expect(Set(ours.keys) == Set(theirs.keys))
        for (key, value) in theirs {
            if let text = value as? String { #expect(ours[key]?.string == text, "\(key) of \(line)") }
        }
        #expect(ours["id"]?.integer == theirs["id"] as? Int, "id of \(line)")
    }

    @Test func invalidUTF8AndDeepNestingAreRefused() {
        #expect(JSONObjectScanner.members([0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D][...]) == nil)
        // Invalid bytes outside a string, or around an escape inside one.
        #expect(JSONObjectScanner.members(Array("{\"a\": 1}".utf8)[...] + [0xC3]) == nil)
        #expect(JSONObjectScanner.members(Array("{\"a\": \"x\\u00e9".utf8)[...] + [0x80] + Array("\"}".utf8)) == nil)
        #expect(JSONObjectScanner.members(Array("{\"a\": \"".utf8)[...] + [0xE2, 0x80] + Array("\\u00e9\"}".utf8)) == nil)
        #expect(JSONObjectScanner.members(Array("{\"a\": \"caf\\u00e9 “ok”\"}".utf8)[...])?["a"]?.string == "café “ok”")
        let deep = "{\"a\":" + String(repeating: "[", count: 600) + String(repeating: "]", count: 600) + "}"
        #expect(JSONObjectScanner.members(Array(deep.utf8)[...]) == nil)
        let fine = "{\"a\":" + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + "}"
        #expect(JSONObjectScanner.members(Array(fine.utf8)[...]) != nil)
    }
}
