// FeaturedQuotes: the quotations the PDF features for each leading speaker (the longest ones),
// gathered while the documents are folded in, so that quotes.csv need not be read back.
// Memory stays bounded: when too many speakers are tracked, those with the fewest quotations are
// dropped and remembered in a fixed-size filter. A leading speaker who was dropped (or may have
// been: the filter can err that way only) cannot be answered for; the run then reads quotes.csv
// back (`Aggregator.featuredQuotes`), which gives the same quotations.
import BriefingModel

/// A quotation that may be featured: its speaker's words count decides.
struct QuoteCandidate: Sendable {
    /// Words of the quotation (`TextLines.wordCount`).
    var words: Int
    /// The quotation, with its document's source and date.
    var record: QuoteRecord

    /// The order of featured quotations: longest first, then by document id and offset.
    static func before(_ a: QuoteCandidate, _ b: QuoteCandidate) -> Bool {
        if a.words != b.words { return a.words > b.words }
        if a.record.documentID != b.record.documentID { return a.record.documentID < b.record.documentID }
        return a.record.start < b.record.start
    }
}

/// The longest quotations of every speaker seen, within a bound on the speakers tracked.
struct FeaturedQuotes {
    /// Quotations kept per speaker.
    let limit: Int
    /// Speakers kept when the table is pruned (it is pruned at twice this many).
    let capacity: Int

    private struct Entry {
        var count = 0
        /// True when every quotation of the speaker was seen by this table.
        var complete = true
        var quotes: [QuoteCandidate] = []
    }

    private var entries: [String: Entry] = [:]
    /// Speakers dropped so far (a Bloom filter: "maybe dropped" or "never dropped").
    private var dropped: [UInt64]
    private static let filterBits = 1 << 23

    init(limit: Int, capacity: Int = 5_000) {
        self.limit = max(limit, 0)
        self.capacity = max(capacity, 1)
        dropped = [UInt64](repeating: 0, count: Self.filterBits / 64)
    }

    /// Takes in one quotation (in corpus order).
    mutating func add(_ candidate: QuoteCandidate) {
        let speaker = candidate.record.speaker
        guard !speaker.isEmpty else { return }
        // One look-up for a speaker already in the table; its entry is changed in place.
        if let slot = entries.index(forKey: speaker) {
            Self.take(candidate, into: &entries.values[slot], limit: limit)
            return
        }
        // Room is made before a new speaker comes in: it is not dropped at once.
        if entries.count >= 2 * capacity { prune() }
        var entry = Entry(complete: !mayHaveDropped(speaker))
        Self.take(candidate, into: &entry, limit: limit)
        entries[speaker] = entry
    }

    /// Counts the quotation and keeps it when it is among the `limit` longest (changed in place).
    private static func take(_ candidate: QuoteCandidate, into entry: inout Entry, limit: Int) {
        entry.count += 1
        keep(candidate, in: &entry.quotes, limit: limit)
    }

    /// Keeps `candidate` in `quotes` (in `QuoteCandidate.before` order, at most `limit`) when it is
    /// among the longest. One quotation per text: the same words quoted again (a wire story run by
    /// several papers, an article scraped twice) are featured once, from the document first in order.
    static func keep(_ candidate: QuoteCandidate, in quotes: inout [QuoteCandidate], limit: Int) {
        if let same = quotes.firstIndex(where: { $0.words == candidate.words && $0.record.text == candidate.record.text }) {
            guard QuoteCandidate.before(candidate, quotes[same]) else { return }
            quotes.remove(at: same)
        } else {
            guard quotes.count < limit || quotes.last.map({ QuoteCandidate.before(candidate, $0) }) == true else { return }
        }
        let position = quotes.firstIndex { QuoteCandidate.before(candidate, $0) } ?? quotes.count
        quotes.insert(candidate, at: position)
        if quotes.count > limit { quotes.removeLast() }
    }

    /// The featured quotations of `speakers`, in that order; nil when one of them may have lost
    /// quotations to pruning.
    func quotes(for speakers: [String]) -> [QuoteRecord]? {
        var result: [QuoteRecord] = []
        for speaker in speakers {
            guard let entry = entries[speaker] else {
                // A speaker never seen here has no quotations unless it was dropped.
                if mayHaveDropped(speaker) { return nil }
                continue
            }
            guard entry.complete else { return nil }
            result += entry.quotes.map(\.record)
        }
        return result
    }

    /// Keeps the `capacity` speakers with the most quotations (ties by name: deterministic).
    private mutating func prune() {
        let ranked = entries.map { (speaker: $0.key, count: $0.value.count) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.speaker < $1.speaker }
        for victim in ranked.dropFirst(capacity) {
            entries.removeValue(forKey: victim.speaker)
            for bit in Self.bits(victim.speaker) { dropped[bit >> 6] |= 1 << UInt64(bit & 63) }
        }
    }

    private func mayHaveDropped(_ speaker: String) -> Bool {
        Self.bits(speaker).allSatisfy { dropped[$0 >> 6] & (1 << UInt64($0 & 63)) != 0 }
    }

    /// Three positions of the filter for a speaker (from one 64-bit hash of its UTF-8).
    private static func bits(_ speaker: String) -> [Int] {
        let value = KeyHash.of(speaker)
        let first = Int(truncatingIfNeeded: value & 0xFFFF_FFFF), second = Int(truncatingIfNeeded: value >> 32) | 1
        return (0..<3).map { (first &+ $0 &* second) & (filterBits - 1) }
    }
}
