// WordSet: a fixed set of short words for the attribution rules' many lookups — an open-addressed
// table keyed by a cheap hash of the UTF-8 bytes (FNV-1a), instead of Set<String>'s seeded SipHash,
// which dominated the rules' cost. Membership is exact (bytes compared).

import Glibc

/// An immutable set of words, looked up by their UTF-8 bytes.
struct WordSet: Sendable, ExpressibleByArrayLiteral, Sequence {
    /// The words, sorted (for iteration and union).
    let words: [String]
    /// An open-addressed slot: a word's hash, where its bytes are in `bytes`, and its position in
    /// `words` (-1: empty). The hash is compared before the bytes, so that a probe passing another
    /// word compares nothing else.
    private struct Slot: Sendable {
        var hash = 0
        var offset: Int32 = 0
        var length: Int32 = 0
        var index: Int32 = -1
    }
    private let slots: [Slot]
    /// Every word's UTF-8, one after another.
    private let bytes: [UInt8]
    private let mask: Int
    /// One bit per word at `(hash >> 40) & filterMask` (about 16 bits per word): a probe for a word
    /// that is not in the set (most probes) usually stops at this small table, without reading a
    /// slot out of the (larger, often uncached) slot table.
    private let filter: [UInt64]
    private let filterMask: Int

    init<S: Sequence>(_ words: S) where S.Element == String {
        let unique = Array(Set(words)).sorted()
        self.words = unique
        var capacity = 8
        while capacity < unique.count * 3 { capacity <<= 1 }
        var slots = [Slot](repeating: Slot(), count: capacity)
        var bytes: [UInt8] = []
        for (index, word) in unique.enumerated() {
            let hash = Self.hash(word)
            var slot = hash & (capacity - 1)
            while slots[slot].index >= 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = Slot(hash: hash, offset: Int32(bytes.count), length: Int32(word.utf8.count), index: Int32(index))
            bytes += Array(word.utf8)
        }
        self.slots = slots
        self.bytes = bytes.isEmpty ? [0] : bytes
        mask = capacity - 1
        var bits = 512
        while bits < unique.count * 16 { bits <<= 1 }
        var filter = [UInt64](repeating: 0, count: bits / 64)
        for word in unique {
            let bit = (Self.hash(word) >> 40) & (bits - 1)
            filter[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        self.filter = filter
        filterMask = bits - 1
    }

    init(arrayLiteral elements: String...) { self.init(elements) }

    /// True when `word` is one of the words.
    @inline(__always)
    func contains(_ word: String) -> Bool { index(of: word) != nil }

    /// True when the word spelled by these UTF-8 bytes is one of the words.
    func contains<Bytes: Collection>(bytes word: Bytes) -> Bool where Bytes.Element == UInt8 {
        if let found = word.withContiguousStorageIfAvailable({ find(Self.hash($0), $0) != nil }) { return found }
        return Array(word).withUnsafeBufferPointer { find(Self.hash($0), $0) != nil }
    }

    /// True when the word of these UTF-8 bytes, whose `hash` is known, is one of the words.
    @inline(__always)
    func contains(bytes word: UnsafeBufferPointer<UInt8>, hash: Int) -> Bool { find(hash, word) != nil }

    /// True when the token's lower form is one of the words (probed with the hash it carries).
    @inline(__always)
    func contains(_ token: ClauseToken) -> Bool { find(token.lowerHash, token.lowerBytes) != nil }

    /// True when the token's lower form, without a final possessive when `withoutPossessive`, is
    /// one of the words.
    @inline(__always)
    func contains(_ token: ClauseToken, withoutPossessive: Bool) -> Bool {
        guard withoutPossessive else { return contains(token) }
        let bytes = token.lowerBytes
        let possessive = SpeakerPhrase.possessiveLength(bytes)
        guard possessive > 0 else { return contains(token) }
        return contains(bytes: UnsafeBufferPointer(rebasing: bytes[..<(bytes.count - possessive)]))
    }

    /// The position of `word` in `words`, or nil.
    @inline(__always)
    func index(of word: String) -> Int? { word.withUTF8Buffer { find(Self.hash($0), $0) } }

    /// `index(of:)` of a word whose `hash` is known.
    @inline(__always)
    func index(of word: String, hash: Int) -> Int? { word.withUTF8Buffer { find(hash, $0) } }

    /// The position of the word spelled by these UTF-8 bytes, or nil.
    @inline(__always)
    func index(bytes word: UnsafeBufferPointer<UInt8>) -> Int? { find(Self.hash(word), word) }

    /// `index(bytes:)` of a word whose `hash` is known.
    @inline(__always)
    func index(bytes word: UnsafeBufferPointer<UInt8>, hash: Int) -> Int? { find(hash, word) }

    /// The position in `words` of the word whose hash is `hash` and whose bytes are `word`, or nil.
    @inline(__always)
    private func find(_ hash: Int, _ word: UnsafeBufferPointer<UInt8>) -> Int? {
        let bit = (hash >> 40) & filterMask
        guard filter.withUnsafeBufferPointer({ $0[bit >> 6] & (1 << UInt64(bit & 63)) != 0 }) else { return nil }
        return slots.withUnsafeBufferPointer { slots -> Int? in
            bytes.withUnsafeBufferPointer { bytes -> Int? in
                var slot = hash & mask
                while true {
                    let entry = slots[slot]
                    if entry.index < 0 { return nil }
                    if entry.hash == hash, Int(entry.length) == word.count {
                        guard let base = bytes.baseAddress, let wanted = word.baseAddress else { return Int(entry.index) }
                        if memcmp(base + Int(entry.offset), wanted, word.count) == 0 { return Int(entry.index) }
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    /// This set and `other`.
    func union<S: Sequence>(_ other: S) -> WordSet where S.Element == String { WordSet(words + Array(other)) }

    func makeIterator() -> IndexingIterator<[String]> { words.makeIterator() }

    /// The hash of a word's bytes, read from its contiguous storage (measured three times faster
    /// than iterating the UTF-8 view of a short string).
    @inline(__always)
    static func hash(_ word: String) -> Int { word.withUTF8Buffer { hash($0) } }

    @inline(__always)
    static func hash<Bytes: Sequence>(_ bytes: Bytes) -> Int where Bytes.Element == UInt8 {
        var value = hashSeed
        for byte in bytes { value = hashStep(value, byte) }
        return hashFinish(value)
    }

    /// The hash fed byte by byte (the tokenizer hashes a word as it writes it):
    /// `hashFinish(hashStep(…hashStep(hashSeed, b0)…, bn))` is `hash` of b0…bn.
    @inline(__always)
    static var hashSeed: UInt64 { 0xCBF2_9CE4_8422_2325 }

    @inline(__always)
    static func hashStep(_ value: UInt64, _ byte: UInt8) -> UInt64 { (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }

    @inline(__always)
    static func hashFinish(_ value: UInt64) -> Int { Int(truncatingIfNeeded: value ^ (value >> 29)) }
}

/// An immutable map from words to values, looked up like a `WordSet` (FNV-1a over the bytes, open
/// addressing) rather than through `Dictionary`'s SipHash: the template's alias tables are asked
/// for every name and speaker of every document. Only ASCII words go through the byte hash (for
/// them equal means equal bytes); others are looked up in the dictionary, which compares them as
/// String does (canonical equivalence: "José" written with a combining accent finds "José").
struct WordMap<Value: Sendable>: Sendable {
    private let keys: WordSet
    /// `values[i]` belongs to `keys.words[i]`.
    private let values: [Value]
    private let pairs: [String: Value]

    init(_ pairs: [String: Value]) {
        self.pairs = pairs
        keys = WordSet(pairs.keys)
        values = keys.words.compactMap { pairs[$0] }
    }

    subscript(word: String) -> Value? { self[word, hash: WordSet.hash(word)] }

    /// The value of the ASCII word spelled by `bytes` (the byte table answers for ASCII words).
    func value(ascii bytes: UnsafeBufferPointer<UInt8>) -> Value? { keys.index(bytes: bytes).map { values[$0] } }

    /// The value of the word spelled by `word` (UTF-8), whose `WordSet.hash` is `hash`: as
    /// `self[word, hash:]` of its String.
    func value(bytes word: UnsafeBufferPointer<UInt8>, hash: Int) -> Value? {
        guard word.allSatisfy({ $0 < 0x80 }) else { return pairs[String(decoding: word, as: UTF8.self)] }
        return keys.index(bytes: word, hash: hash).map { values[$0] }
    }

    /// The value of `word`, whose `WordSet.hash` is `hash` (a name occurrence carries its key's).
    subscript(word: String, hash hash: Int) -> Value? {
        guard word.withUTF8Buffer({ $0.allSatisfy { $0 < 0x80 } }) else { return pairs[word] }
        return keys.index(of: word, hash: hash).map { values[$0] }
    }
}

/// A set of a document's name keys (lower-cased names), made while the names are indexed: ASCII
/// keys in an open-addressed table probed with the `WordSet.hash` a name occurrence carries, their
/// bytes copied into one buffer; the others in a `Set<String>`, so that equality stays String's
/// (canonical equivalence) for them.
struct KeySet {
    /// An ASCII key: its hash and where its bytes are in `bytes`.
    private struct Entry {
        var hash: Int
        var offset: Int32
        var length: Int32
    }
    /// Per slot: 0 when empty, else 1 + the key's position in `entries`.
    private var slots: [Int32]
    private var entries: [Entry] = []
    /// The keys' bytes, appended only (a copy of the set shares them: its offsets stay valid).
    private let bytes: KeyBuffer
    private var others: Set<String> = []

    /// A set with room for `capacity` keys before it grows.
    init(capacity: Int = 8) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: 0, count: size)
        entries.reserveCapacity(capacity)
        bytes = KeyBuffer(capacity: max(capacity * 8, 64))
    }

    /// Adds the key spelled by `key` (UTF-8), whose `WordSet.hash` is `hash`.
    mutating func insert(bytes key: UnsafeBufferPointer<UInt8>, hash: Int) {
        guard Self.isASCII(key) else { others.insert(String(decoding: key, as: UTF8.self)); return }
        var (slot, found) = position(key, hash: hash)
        if found { return }
        // Probed again only when the table grew.
        if (entries.count + 1) * 2 > slots.count {
            grow()
            slot = position(key, hash: hash).slot
        }
        entries.append(Entry(hash: hash, offset: Int32(bytes.append(key)), length: Int32(key.count)))
        slots[slot] = Int32(entries.count)
    }

    /// Adds `key`, whose `WordSet.hash` is `hash`.
    mutating func insert(_ key: String, hash: Int) {
        var key = key
        key.withUTF8 { insert(bytes: $0, hash: hash) }
    }

    /// True when the key spelled by `key` (of `WordSet.hash` `hash`) is in the set.
    func contains(bytes key: UnsafeBufferPointer<UInt8>, hash: Int) -> Bool {
        guard Self.isASCII(key) else { return others.contains(String(decoding: key, as: UTF8.self)) }
        return position(key, hash: hash).found
    }

    /// True when `key` (of `WordSet.hash` `hash`) is in the set.
    func contains(_ key: String, hash: Int) -> Bool { key.withUTF8Buffer { contains(bytes: $0, hash: hash) } }

    /// True when `key` is in the set.
    func contains(_ key: String) -> Bool { contains(key, hash: WordSet.hash(key)) }

    /// The slot holding the ASCII `key`, or the empty slot where it would go.
    private func position(_ key: UnsafeBufferPointer<UInt8>, hash: Int) -> (slot: Int, found: Bool) {
        let mask = slots.count - 1
        var slot = hash & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { return (slot, false) }
            let stored = entries[entry - 1]
            if stored.hash == hash, Int(stored.length) == key.count,
               key.baseAddress.map({ memcmp(bytes.base + Int(stored.offset), $0, key.count) == 0 }) ?? true {
                return (slot, true)
            }
            slot = (slot + 1) & mask
        }
    }

    /// Doubles the table and places every key again.
    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for index in entries.indices {
            var slot = entries[index].hash & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index + 1)
        }
    }

    private static func isASCII(_ key: UnsafeBufferPointer<UInt8>) -> Bool { key.allSatisfy { $0 < 0x80 } }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// True when both hold the same bytes (memcmp: the generic `elementsEqual` costs about 200
    /// instructions for a name's few bytes).
    @inline(__always)
    func sameBytes(as other: UnsafeBufferPointer<UInt8>) -> Bool {
        guard count == other.count else { return false }
        guard count > 0, let first = baseAddress, let second = other.baseAddress else { return true }
        return memcmp(first, second, count) == 0
    }
}
