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

    /// Thousands of lines mutated from valid ones (bytes changed, dropped, doubled, cut), each read
    /// by both parsers: the same verdict and the same strings. Deterministic (a fixed generator).
    @Test func mutatedLinesAgreeWithFoundation() {
        let bases = [
            #"{"id": "a-1", "text": "Zhao said: \"We oppose it.\" – “ok”", "published": "2016-02-29", "n": [1, 2.5e3, -0, true, null]}"#,
            #"{"text": "caf\u00e9 \ud83d\ude00 日本", "id": 12, "nested": {"a": {"b": []}}, "url": "https:\/\/x"}"#,
        ]
        let alphabet: [UInt8] = Array(#"{}[]:,"\/ -+.0123456789eEtrufalsn"#.utf8) + [0x00, 0x09, 0x0A, 0x7F, 0x80, 0xC3, 0xA9, 0xE2, 0xFF]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        var disagreements: [String] = []
        var valid = 0
        for round in 0..<4000 {
            var bytes = Array(bases[round % bases.count].utf8)
            for _ in 0..<(1 + next(3)) {
                let at = next(bytes.count)
                switch next(4) {
                case 0: bytes[at] = alphabet[next(alphabet.count)]
                case 1: bytes.remove(at: at)
                case 2: bytes.insert(alphabet[next(alphabet.count)], at: at)
                default: bytes = Array(bytes[..<at])
                }
                if bytes.isEmpty { bytes = [0x7B] }
            }
            let ours = JSONObjectScanner.members(bytes[...])
            let theirs = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any]
            var same = (ours == nil) == (theirs == nil)
            if let ours, let theirs {
                same = Set(ours.keys) == Set(theirs.keys)
                    && theirs.allSatisfy { key, value in (value as? String).map { ours[key]?.string == $0 } ?? true }
                    && ours["id"]?.integer == theirs["id"] as? Int
            }
            if !same { disagreements.append(String(decoding: bytes, as: UTF8.self)) }
            if theirs != nil { valid += 1 }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
        // Both verdicts are exercised, not only one.
        #expect(valid > 200 && valid < 3800, "\(valid) valid of 4000")
    }

    /// The word-at-a-time scan stops where a byte-by-byte one does: at the first quote, backslash
    /// or control byte, from every start, over bytes of every kind (multi-byte UTF-8 included).
    @Test func plainRunsStopWhereAByteScanStops() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = Array("abc \"\\\u{1F}\n~".utf8) + [0x7F, 0x80, 0xBF, 0xC3, 0xA9, 0xE2, 0xFF, 0x21, 0x23, 0x5B, 0x5D]
        for _ in 0..<300 {
            let count = Int.random(in: 0...40, using: &generator)
            let plainOnly = Bool.random(using: &generator)
            let bytes: [UInt8] = (0..<count).map { _ in
                let byte = alphabet.randomElement(using: &generator) ?? 0x61
                return plainOnly && (byte == 0x22 || byte == 0x5C || byte < 0x20) ? 0x61 : byte
            }
            bytes.withUnsafeBufferPointer { buffer in
                for start in 0...count {
                    let expected = (start..<count).first { buffer[$0] == 0x22 || buffer[$0] == 0x5C || buffer[$0] < 0x20 } ?? count
                    #expect(JSONObjectScanner.plainRun(buffer, from: start) == expected, "\(bytes) from \(start)")
                }
            }
        }
    }
}
