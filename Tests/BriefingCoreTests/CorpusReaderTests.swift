@testable import BriefingCore
import BriefingModel
import Foundation
import Testing

@Suite("Ingest: walking a corpus folder")
struct CorpusReaderTests {
    @Test func sortedRecursiveWalkSkipsHiddenAndNotesOtherExtensions() throws {
        let root = try Repo.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("b/c"), withIntermediateDirectories: true)
        try fm.createDirectory(at: root.appendingPathComponent(".hidden"), withIntermediateDirectories: true)
        for path in ["z.txt", "a.md", "b/c/d.txt", ".hidden/x.txt", ".dot.txt", "notes.pdf"] {
            try Data("Some text here.".utf8).write(to: root.appendingPathComponent(path))
        }
        let reader = try CorpusReader(root: root)
        let listing = reader.listFiles()
        #expect(listing.files.map(\.relativePath) == ["a.md", "b/c/d.txt", "z.txt"])
        #expect(listing.diagnostics.map(\.path) == ["notes.pdf"])
        // The absolute path is rebuilt from the shared root and the relative path.
        #expect(listing.files.map(\.path) == ["a.md", "b/c/d.txt", "z.txt"].map { root.path + "/" + $0 })
        #expect(reader.read(listing.files[1]).documents.first?.id == "b/c/d")
    }

    @Test func jsonLinesWithABrokenLine() throws {
        let root = try Repo.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let lines = [
            #"{"id": "n1", "text": "First article text.", "published": "2020-05-06", "source": "Wire"}"#,
            #"{"text": "Second, with no id."}"#,
            #"{"text": broken"#,
            #"{"title": "no text"}"#,
        ]
        try Data(lines.joined(separator: "\n").utf8).write(to: root.appendingPathComponent("feed.jsonl"))
        let reader = try CorpusReader(root: root)
        let result = reader.read(reader.listFiles().files[0])
        #expect(result.documents.map(\.id) == ["n1", "feed#2"])
        #expect(result.documents[0].published?.description == "2020-05-06")
        #expect(result.documents[0].source == "Wire")
        #expect(result.diagnostics.map(\.line) == [3, 4])
    }

    /// A line's text is decoded only when asked: `head` reads the rest (the text's bytes passed
    /// over, their escapes checked), `text` decodes and checks it, and `parse` is the two. A text
    /// that is not UTF-8 passes `head` and fails `text` as `parse` fails. The store's key is of the
    /// text as written: the same whatever the line's other members, another for other escapes.
    @Test func jsonLinesHeadThenText() throws {
        let good = Array(#"{"id": "a", "text": "Caf\u00e9 \"open\"\nNext", "published": "2020-01-02"}"#.utf8)
        guard case .success(let head)? = JSONLinesReader.head(good[...], lineNumber: 3, fileID: "f", path: "f.jsonl") else {
            Issue.record("a valid line has no head")
            return
        }
        #expect(head.id == "a" && head.line == 3 && head.given.published?.description == "2020-01-02")
        #expect(try JSONLinesReader.text(of: head, in: good[...], path: "f.jsonl").get() == "Café \"open\"\nNext")
        #expect(try JSONLinesReader.parse(good[...], lineNumber: 3, fileID: "f", path: "f.jsonl")?.get().text == "Café \"open\"\nNext")

        let bad = Array(#"{"id": "b", "text": "x"#.utf8) + [0xFF] + Array(#""}"#.utf8)
        let badHead = try #require(try JSONLinesReader.head(bad[...], lineNumber: 4, fileID: "f", path: "f.jsonl")?.get())
        guard case .failure(let fromText) = JSONLinesReader.text(of: badHead, in: bad[...], path: "f.jsonl"),
              case .failure(let fromParse)? = JSONLinesReader.parse(bad[...], lineNumber: 4, fileID: "f", path: "f.jsonl") else {
            Issue.record("invalid UTF-8 read as text")
            return
        }
        #expect(fromText == fromParse && fromText.line == 4 && fromText.message == "not a JSON object; line skipped")
        // A broken escape in the text is found without decoding it.
        #expect(JSONLinesReader.head(Array(#"{"text": "a\x"}"#.utf8)[...], lineNumber: 5, fileID: "f", path: "f.jsonl").map { (try? $0.get()) == nil } == true)

        func key(_ line: String) throws -> String {
            let bytes = Array(line.utf8)
            let head = try #require(try JSONLinesReader.head(bytes[...], lineNumber: 1, fileID: "f", path: "f.jsonl")?.get())
            return JSONLinesReader.contentKey(of: head, in: bytes[...])
        }
        #expect(try key(#"{"id": "a", "text": "Café"}"#) == key(#"{"text": "Café", "id": "z", "source": "Wire"}"#))
        #expect(try key(#"{"text": "Café"}"#) != key(#"{"text": "Caf\u00e9"}"#))
        #expect(try key(#"{"text": "Café"}"#) != ContentHash.hex(Array("Café".utf8)), "never an article file's key")
    }

    /// Reading a line in one pass (`parse`) and in two (`head` without the text, then `text`, as a
    /// run with look-ups does) agree on every line: valid ones, and each byte of them replaced by
    /// a quote, a backslash, a control byte, a byte that is no UTF-8, or a letter of an escape.
    @Test func jsonLinesReadInOneOrTwoPassesAgree() {
        let lines = [
            #"{"id": "a", "text": "Zhao said: \"We oppose it.\"\nNext", "published": "2016-02-29"}"#,
            #"{"text": "caf\u00e9 \ud83d\ude00 “x”", "id": 7, "x": [1, {"y": null}],}"#,
            #"{"title": "T", "text": "a\\b\/c\t\r\f\b", "text": "last wins"}"#,
        ]
        func described(_ result: Result<JSONLinesReader.Record, Diagnostic>?) -> String {
            switch result {
            case nil: return "blank"
            case .failure(let diagnostic)?: return "failure \(diagnostic.message)"
            case .success(let record)?: return "record \(record.id) \(record.text.debugDescription) \(record.given.title) \(record.notes.count)"
            }
        }
        for line in lines {
            let bytes = Array(line.utf8)
            for position in bytes.indices {
                for replacement: UInt8 in [0x22, 0x5C, 0x01, 0xFF, 0xC3, 0x75, 0x20] {
                    var mutated = bytes
                    mutated[position] = replacement
                    let once = JSONLinesReader.parse(mutated[...], lineNumber: 2, fileID: "f", path: "f.jsonl")
                    let twice = JSONLinesReader.head(mutated[...], lineNumber: 2, fileID: "f", path: "f.jsonl").map { head in
                        head.flatMap { head in
                            JSONLinesReader.text(of: head, in: mutated[...], path: "f.jsonl").map {
                                JSONLinesReader.Record(id: head.id, text: $0, given: head.given, line: head.line, notes: head.notes)
                            }
                        }
                    }
                    #expect(described(once) == described(twice), "\(String(decoding: mutated, as: UTF8.self))")
                }
            }
        }
    }

    /// A text holding U+0000 (escaped, anywhere in it) is binary data: its line is skipped with a
    /// warning that says so; texts without it, short or long, are read.
    @Test func jsonLinesTextWithANulCharacterIsSkipped() {
        let long = String(repeating: "Plenty of ordinary words. ", count: 40)
        for (text, kept) in [("a\\u0000b", false), ("\\u0000" + long, false), (long + "\\u0000", false), (long, true), ("x", true)] {
            let line = Array(#"{"id": "d", "text": ""#.utf8) + Array(text.utf8) + Array(#""}"#.utf8)
            switch JSONLinesReader.parse(line[...], lineNumber: 7, fileID: "feed", path: "feed.jsonl") {
            case .success(let record)?:
                #expect(kept, "\(text.prefix(20))")
                #expect(record.text.utf8.count == text.utf8.count)
            case .failure(let diagnostic)?:
                #expect(!kept, "\(text.prefix(20))")
                #expect(diagnostic.line == 7 && diagnostic.message.contains("NUL"))
            case nil:
                Issue.record("a line with text read as blank")
            }
        }
    }

    @Test func manifestWinsOverTheText() throws {
        let reader = try CorpusReader(root: Repo.seeds)
        let files = reader.listFiles().files
        #expect(files.count == 5)
        let document = try #require(reader.read(files[0]).documents.first)
        #expect(document.published?.description == "2014-04")
        #expect(document.source == "South China Morning Post")
    }

    @Test func dateInThePathWhenTheTextHasNone() throws {
        let root = try Repo.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("2016/12/27"), withIntermediateDirectories: true)
        try Data("Text without a date in it.".utf8).write(to: root.appendingPathComponent("cnn_2016-02-02_story.txt"))
        try Data("Another text without a date.".utf8).write(to: root.appendingPathComponent("2016/12/27/page.txt"))
        let reader = try CorpusReader(root: root)
        let documents = reader.listFiles().files.flatMap { reader.read($0).documents }
        #expect(documents.map { $0.published?.description ?? "" } == ["2016-12-27", "2016-02-02"])
    }

    @Test func missingCorpusIsExit66() {
        #expect(throws: BriefingError.corpusMissing(path: "/nonexistent/corpus", reason: "does not exist")) {
            try CorpusReader(root: URL(fileURLWithPath: "/nonexistent/corpus"))
        }
    }

    @Test func jsonLinesAcrossBlocksKeepEveryLineWhole() throws {
        // 3,000 lines of varied length (about 12 MB): lines straddle the reader's 1 MB blocks.
        let root = try Repo.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
        var expected: [[UInt8]] = []
        for number in 1...3_000 {
            let line = Array("{\"id\": \"\(number)\", \"text\": \"\(String(repeating: "x", count: (number * 7919) % 8_000))\"}".utf8)
            expected.append(line)
            bytes += line + (number == 3_000 ? [] : [0x0A])
        }
        let url = root.appendingPathComponent("feed.jsonl")
        try Data(bytes).write(to: url)
        guard case .success(var reader) = LineReader.open(CorpusFile(url: url, relativePath: "feed.jsonl", kind: .jsonLines)) else {
            Issue.record("cannot open")
            return
        }
        var lines: [(number: Int, bytes: [UInt8])] = []
        while let (chunk, problems) = Optional(reader.next(maxLines: 128, maxDocumentBytes: 10_000)), let chunk {
            #expect(problems.isEmpty)
            lines += chunk
            // The buffer keeps the room reserved for two blocks: it never doubles past it.
            #expect(reader.bufferCapacity < 2 * LineReader.blockSize + 64 * 1024, "\(reader.bufferCapacity)")
        }
        #expect(lines.map(\.number) == Array(1...3_000))
        #expect(lines.map(\.bytes) == expected)
    }

    @Test func linksAndExtensionsInTheWalk() throws {
        // readdir says "link" for links: each is looked up; extensions compare without case.
        let root = try Repo.temporaryFolder()
        let elsewhere = try Repo.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: root)
            try? FileManager.default.removeItem(at: elsewhere)
        }
        let fm = FileManager.default
        try fm.createDirectory(at: elsewhere.appendingPathComponent("folder"), withIntermediateDirectories: true)
        try Data("Linked text.".utf8).write(to: elsewhere.appendingPathComponent("linked.txt"))
        try Data("In a linked folder.".utf8).write(to: elsewhere.appendingPathComponent("folder/inside.md"))
        try Data("Upper case.".utf8).write(to: root.appendingPathComponent("LOUD.TXT"))
        try Data("No extension.".utf8).write(to: root.appendingPathComponent("README"))
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("a-link.txt").path,
                                  withDestinationPath: elsewhere.appendingPathComponent("linked.txt").path)
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("b-folder").path,
                                  withDestinationPath: elsewhere.appendingPathComponent("folder").path)
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("c-broken.txt").path,
                                  withDestinationPath: elsewhere.appendingPathComponent("gone.txt").path)
        let listing = try CorpusReader(root: root).listFiles()
        #expect(listing.files.map(\.relativePath) == ["LOUD.TXT", "a-link.txt", "b-folder/inside.md"])
        #expect(listing.files.allSatisfy { $0.path.hasPrefix(root.path) })
        #expect(listing.diagnostics.map(\.path).sorted() == ["README", "c-broken.txt"])
        // The kind by extension, in any case; nothing else is a corpus file.
        for (name, kind) in [("a.txt", CorpusFile.Kind.article), ("B.TXT", .article), ("c.Md", .article), ("x.y.JsonL", .jsonLines),
                             ("中文.txt", .article)] {
            #expect(CorpusReader.kind(ofFileNamed: name) == kind, "\(name)")
        }
        for name in ["txt", ".txt", "a.txt2", "a.tx", "a.", "a.mdx", "a.jsonlx", "a.json", "a.ｔｘｔ", "a.t\u{0}xt", "a.TXT.bak", "noext", ".hidden", ".md"] {
            #expect(CorpusReader.kind(ofFileNamed: name) == nil, "\(name)")
        }
    }

    @Test func corpusFilePathsWhateverTheirShape() {
        let joined = CorpusFile(path: "/data/news/2024/a.txt", relativePath: "2024/a.txt", kind: .article)
        #expect(joined.path == "/data/news/2024/a.txt")
        #expect(joined == CorpusFile(prefix: "/data/news/", relativePath: "2024/a.txt", kind: .article))
        // A path that does not end with the relative path is kept whole.
        let apart = CorpusFile(path: "/elsewhere/x.txt", relativePath: "2024/a.txt", kind: .article)
        #expect(apart.path == "/elsewhere/x.txt")
        #expect(apart != joined)
        #expect(CorpusFile(path: "a.txt", relativePath: "a.txt", kind: .article).path == "a.txt")
    }

    /// Paths sort by their UTF-8 bytes, as `utf8.lexicographicallyPrecedes` orders them.
    @Test func pathsSortByTheirBytes() {
        let names = ["b", "a", "ab", "", "a/b", "a-b", "Z", "é", "e\u{301}", "中", "a\u{0}", "aa", "a b", "0009/d1.txt", "0010/d1.txt",
                     "A", "_", "~", "a.txt", "a_txt", "d10.txt", "d9.txt"]
        for first in names {
            for second in names {
                #expect(CorpusReader.bytesPrecede(first, second) == first.utf8.lexicographicallyPrecedes(second.utf8), "\(first) \(second)")
                // For ASCII names the listing uses String's order: the same.
                if CorpusReader.isASCII(first) && CorpusReader.isASCII(second) {
                    #expect((first < second) == CorpusReader.bytesPrecede(first, second), "\(first) \(second)")
                }
            }
        }
    }
}
