// BinaryCoding: the compact stored form of a cached analysis (JSON decoding was most of a warm
// run). Little-endian varints and length-prefixed UTF-8; a version byte first.
import BriefingModel

/// Writes the stored form.
struct BinaryWriter {
    private(set) var bytes: [UInt8]

    /// A writer whose first byte is `format` (1: an analysis).
    init(format: UInt8 = 1) { bytes = [format] }

    mutating func int(_ value: Int) {
        var v = UInt64(bitPattern: Int64(value)) << 1 ^ UInt64(bitPattern: Int64(value) >> 63)
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func string(_ value: String) {
        // Copied from the contiguous bytes in one piece (the UTF-8 view is appended byte by byte).
        value.withUTF8Buffer { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func date(_ value: PublishedDate?) { string(value?.description ?? "") }

    mutating func write(_ entry: CachedAnalysis) {
        let analysis = entry.analysis
        // Room for it all at once: every string's bytes and up to four bytes for each number
        // and length (offsets in articles stay below 2^27).
        var size = 64 + entry.facts.title.utf8.count + entry.facts.source.utf8.count
        for m in analysis.mentions { size += 12 + m.text.utf8.count }
        for h in analysis.themeHits { size += 12 + h.text.utf8.count }
        for q in analysis.quotations { size += 16 + q.speaker.utf8.count + q.text.utf8.count }
        for name in analysis.unmatchedNames { size += 4 + name.utf8.count }
        for m in analysis.speakerMentions { size += 12 + m.name.utf8.count + m.text.utf8.count }
        bytes.reserveCapacity(bytes.count + size)
        string(entry.facts.title)
        date(entry.facts.published)
        string(entry.facts.source)
        int(entry.facts.words)
        int(analysis.mentions.count)
        for m in analysis.mentions { int(m.actor); string(m.text); int(m.start); int(m.end) }
        int(analysis.themeHits.count)
        for h in analysis.themeHits { int(h.theme); string(h.text); int(h.start); int(h.end) }
        int(analysis.quotations.count)
        for q in analysis.quotations { string(q.speaker); int(q.actor ?? -1); string(q.text); int(q.start); int(q.end) }
        int(analysis.unmatchedNames.count)
        for name in analysis.unmatchedNames { string(name) }
        int(analysis.speakerMentions.count)
        for m in analysis.speakerMentions { string(m.name); string(m.text); int(m.start); int(m.end) }
    }
}

/// Reads the stored form; nil on anything unexpected (the entry is then re-extracted).
struct BinaryReader {
    private let bytes: [UInt8]
    private var position = 0
    /// Set by the first read that does not fit; everything read after it is meaningless.
    var failed = false

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Passes over the format byte.
    mutating func skipFormat() { position = max(position, 1) }

    /// True when every byte was read.
    var atEnd: Bool { position == bytes.count }

    mutating func int() -> Int {
        var result: UInt64 = 0, shift: UInt64 = 0
        while position < bytes.count, shift < 64 {
            let byte = bytes[position]
            position += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return Int(Int64(bitPattern: (result >> 1) ^ (0 &- (result & 1)))) }
            shift += 7
        }
        failed = true
        return 0
    }

    mutating func string() -> String {
        let count = int()
        guard !failed, count >= 0, position + count <= bytes.count else { failed = true; return "" }
        defer { position += count }
        // Decoded from the buffer in place (an array slice took a retain, a release and the
        // generic path: about 600 instructions a string).
        let start = position
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<(start + count)]), as: UTF8.self) }
    }

    mutating func count() -> Int {
        let value = int()
        if value < 0 || value > bytes.count { failed = true; return 0 }
        return value
    }

    static func read(_ bytes: [UInt8]) -> CachedAnalysis? {
        guard bytes.first == 1 else { return nil }
        var reader = BinaryReader(bytes)
        reader.position = 1
        let title = reader.string()
        let publishedText = reader.string()
        let source = reader.string()
        let words = reader.int()
        var analysis = DocumentAnalysis(documentID: "")
        // Each list sized by its count first (`list`; grown append by append, they were a fifth of the decoding).
        analysis.mentions = reader.list { ActorMention(actor: $0.int(), text: $0.string(), start: $0.int(), end: $0.int()) }
        analysis.themeHits = reader.list { ThemeHit(theme: $0.int(), text: $0.string(), start: $0.int(), end: $0.int()) }
        analysis.quotations = reader.list { reader in
            let speaker = reader.string(), actor = reader.int()
            return Quotation(speaker: speaker, actor: actor < 0 ? nil : actor, text: reader.string(), start: reader.int(), end: reader.int())
        }
        analysis.unmatchedNames = reader.list { $0.string() }
        analysis.speakerMentions = reader.list { NameMention(name: $0.string(), text: $0.string(), start: $0.int(), end: $0.int()) }
        guard !reader.failed, reader.position == bytes.count else { return nil }
        let facts = ArticleFacts(title: title, published: publishedText.isEmpty ? nil : PublishedDate(iso: publishedText), source: source, words: words)
        return CachedAnalysis(facts: facts, analysis: analysis)
    }
}
