// PhraseAutomaton: every alias and term of a template in one Aho–Corasick automaton over folded
// Unicode scalars, built once and shared by all workers; one pass over a document finds them all.
// Invariants: whole words only (a `*` term may end inside a word); a possessive 's after a match
// still counts; case-sensitive patterns are checked against the original text; per channel the
// choice is leftmost-longest and non-overlapping.

/// A pattern to find.
struct PhrasePattern: Sendable {
    /// Which family it belongs to (e.g. actors, themes); selection is done per channel.
    var channel: Int
    /// The payload returned with a match (an actor or theme index).
    var payload: Int
    /// The text to find (without a trailing `*`).
    var text: [Unicode.Scalar]
    /// Match with exactly this case.
    var caseSensitive: Bool
    /// May end inside a word (a `*` term).
    var isPrefix: Bool
}

/// A match of a pattern in a text.
struct PhraseMatch: Sendable, Equatable {
    /// The pattern's channel.
    var channel: Int
    /// The pattern's payload.
    var payload: Int
    /// Start offset (scalars).
    var start: Int
    /// End offset (scalars, exclusive).
    var end: Int
}

/// Aho–Corasick automaton with a dense transition table over a compact alphabet.
final class PhraseAutomaton: Sendable {
    private let patterns: [PhrasePattern]
    private let caseKeys: [[UInt32]]
    private let asciiClass: [Int32]
    /// The class of each scalar below `directLimit` as written (folding included): Latin, Greek,
    /// Cyrillic and common punctuation take one table step, without folding or hashing.
    private let directClass: [Int32]
    private static let directLimit: UInt32 = 0x3000
    private let otherClass: [UInt32: Int32]
    private let classCount: Int
    /// The transition table, row by row (one row of `classCount` entries per state). An entry holds
    /// the next state's row offset (state × `classCount`) in its low 30 bits and what the next
    /// state reports (see `init`) in the top two, so that a step is one load and no multiplication.
    /// Per (state, symbol) at `state * classCount + symbol`: the next state's row offset.
    private let delta: [UInt32]
    /// The row offset of the first state that may end a match (they are numbered last).
    private let firstReporting: UInt32
    /// Per state: 0 when no pattern ends there; 1 when one may; 2 when only whole words ending in
    /// a letter or digit do.
    private let reportKinds: [UInt8]
    private let outputs: [[Int32]]
    private let outputLink: [Int32]

    /// Builds the automaton from `patterns` (empty patterns are ignored).
    init(_ patterns: [PhrasePattern]) {
        let usable = patterns.filter { !$0.text.isEmpty }
        self.patterns = usable
        caseKeys = usable.map { $0.text.map { ScalarFolding.normalizePunctuation($0.value) } }
        var ascii = [Int32](repeating: 0, count: 128)
        var other: [UInt32: Int32] = [:]
        var count: Int32 = 1
        let folded = usable.map { $0.text.map(ScalarFolding.fold) }
        for value in folded.joined() {
            if value < 128 {
                if ascii[Int(value)] == 0 { ascii[Int(value)] = count; count += 1 }
            } else if other[value] == nil {
                other[value] = count
                count += 1
            }
        }
        asciiClass = ascii
        directClass = (0..<Self.directLimit).map { raw in
            guard let scalar = Unicode.Scalar(raw) else { return 0 }
            let value = ScalarFolding.fold(scalar)
            return value < 128 ? ascii[Int(value)] : (other[value] ?? 0)
        }
        otherClass = other
        classCount = Int(count)
        // Trie.
        var children: [[Int32: Int32]] = [[:]]
        var ends: [[Int32]] = [[]]
        for (index, pattern) in folded.enumerated() {
            var node: Int32 = 0
            for value in pattern {
                let symbol = value < 128 ? ascii[Int(value)] : (other[value] ?? 0)
                if let next = children[Int(node)][symbol] {
                    node = next
                } else {
                    children.append([:])
                    ends.append([])
                    let next = Int32(children.count - 1)
                    children[Int(node)][symbol] = next
                    node = next
                }
            }
            ends[Int(node)].append(Int32(index))
        }
        // Breadth-first: failure links, full transition table, output links.
        let nodeCount = children.count
        let width = Int(count)
        var table = [Int32](repeating: 0, count: nodeCount * width)
        var fail = [Int32](repeating: 0, count: nodeCount)
        var link = [Int32](repeating: -1, count: nodeCount)
        var queue: [Int32] = []
        for symbol in 1..<width {
            if let child = children[0][Int32(symbol)] {
                table[symbol] = child
                queue.append(child)
            }
        }
        var head = 0
        while head < queue.count {
            let node = Int(queue[head])
            head += 1
            let failNode = Int(fail[node])
            link[node] = ends[failNode].isEmpty ? link[failNode] : Int32(failNode)
            // The failure state's row (complete: it is shallower), then the node's own children,
            // in symbol order (asking every symbol of every node was most of building it).
            for symbol in 1..<width { table[node * width + symbol] = table[failNode * width + symbol] }
            for (symbol, child) in children[node].sorted(by: { $0.key < $1.key }) {
                fail[Int(child)] = table[failNode * width + Int(symbol)]
                table[node * width + Int(symbol)] = child
                queue.append(child)
            }
        }
        // Per state: 0 when no pattern ends there or at one of its suffixes; 1 when one does; 2 when
        // every pattern ending there is a whole word ending in a letter or digit, so that a match is
        // possible only if no letter or digit follows (most mid-word hits are dropped in the scan).
        let reports: [UInt8] = (0..<nodeCount).map { state in
            var node = ends[state].isEmpty ? Int(link[state]) : state
            guard node > 0 else { return 0 }
            while node > 0 {
                for index in ends[node] {
                    let pattern = usable[Int(index)]
                    if pattern.isPrefix || !(pattern.text.last.map(ScalarFolding.isWordScalar) ?? false) { return 1 }
                }
                node = Int(link[node])
            }
            return 2
        }
        // States renumbered so that those which may end a match come last: a step's entry is the
        // next row's offset, and one comparison tells whether it may end a match. The root (which
        // ends nothing) stays 0.
        let order = (0..<nodeCount).filter { reports[$0] == 0 } + (0..<nodeCount).filter { reports[$0] != 0 }
        var renumbered = [Int](repeating: 0, count: nodeCount)
        for (new, old) in order.enumerated() { renumbered[old] = new }
        // Row offsets must fit in 32 bits (four billion entries: far beyond any template).
        precondition(nodeCount * width < 1 << 32, "phrase automaton too large")
        var steps = [UInt32](repeating: 0, count: nodeCount * width)
        for (new, old) in order.enumerated() {
            for symbol in 0..<width { steps[new * width + symbol] = UInt32(renumbered[Int(table[old * width + symbol])] * width) }
        }
        delta = steps
        firstReporting = UInt32((nodeCount - reports.filter { $0 != 0 }.count) * width)
        reportKinds = order.map { reports[$0] }
        outputs = order.map { ends[$0] }
        outputLink = order.map { link[$0] < 0 ? -1 : Int32(renumbered[Int(link[$0])]) }
    }

    /// Every pattern occurrence in `text` that respects word boundaries and case, then per channel
    /// the leftmost-longest non-overlapping ones, sorted by start.
    func matches(in text: [Unicode.Scalar]) -> [PhraseMatch] {
        var candidates: [PhraseMatch] = []
        let width = classCount
        // The scan runs over raw buffers; states that end no pattern (most) cost one table step.
        let ending: [Int] = delta.withUnsafeBufferPointer { delta in
            directClass.withUnsafeBufferPointer { directClass in
                text.withUnsafeBufferPointer { text in
                    guard let delta = delta.baseAddress, let direct = directClass.baseAddress, let scalars = text.baseAddress else { return [] }
                    return scan(scalars, count: text.count, delta: delta, direct: direct, width: width)
                }
            }
        }
        candidates.reserveCapacity(ending.count)
        for entry in ending {
            let index = entry >> 32, state = entry & 0xFFFF_FFFF
            var node = outputs[state].isEmpty ? Int(outputLink[state]) : state
            while node > 0 {
                for patternIndex in outputs[node] {
                    let pattern = patterns[Int(patternIndex)]
                    let end = index + 1
                    let start = end - pattern.text.count
                    if accepts(pattern, index: Int(patternIndex), start: start, end: end, in: text) {
                        var stop = end
                        if pattern.isPrefix {
                            // A prefix term covers the rest of its word ("invest*" → "Investors").
                            while stop < text.count, ScalarFolding.isWordScalar(text[stop]) { stop += 1 }
                        }
                        candidates.append(PhraseMatch(channel: pattern.channel, payload: pattern.payload, start: start, end: stop))
                    }
                }
                node = Int(outputLink[node])
            }
        }
        return Self.leftmostLongest(candidates)
    }

    /// The (index << 32 | state) of every scalar at which the automaton is in a state that may end
    /// a match. `step` runs the table over the direct scalars; a scalar beyond the direct table, and
    /// a state that may end a match, are handled here.
    @inline(never)
    private func scan(_ text: UnsafePointer<Unicode.Scalar>, count: Int, delta: UnsafePointer<UInt32>, direct: UnsafePointer<Int32>,
                      width: Int) -> [Int] {
        var ending: [Int] = []
        ending.reserveCapacity(64)
        var row = 0
        var index = 0
        while index < count {
            var entry: UInt32
            (index, entry) = Self.step(text, from: index, count: count, row: &row, delta: delta, direct: direct,
                                       firstReporting: firstReporting)
            guard index < count else { break }
            if text[index].value >= Self.directLimit {
                entry = delta[row &+ farSymbol(text[index])]
                row = Int(entry)
            }
            if entry >= firstReporting { report(at: index, row: row, text: text, count: count, width: width, into: &ending) }
            index &+= 1
        }
        return ending
    }

    /// Steps from `index` through direct scalars until one is not, or a state may end a match
    /// (its entry is returned with where it stopped). A loop that calls nothing: its pointers stay
    /// in registers.
    @inline(never)
    private static func step(_ text: UnsafePointer<Unicode.Scalar>, from start: Int, count: Int, row: inout Int,
                             delta: UnsafePointer<UInt32>, direct: UnsafePointer<Int32>, firstReporting: UInt32) -> (Int, UInt32) {
        var index = start, state = row
        while index < count {
            let raw = text[index].value
            guard raw < directLimit else { break }
            let entry = delta[state &+ Int(direct[Int(raw)])]
            state = Int(entry)
            if entry >= firstReporting {
                row = state
                return (index, entry)
            }
            index &+= 1
        }
        row = state
        return (index, 0)
    }

    /// Notes the state `row` reached at `index` unless it can end only a whole word and a letter or
    /// digit follows.
    @inline(never)
    private func report(at index: Int, row: Int, text: UnsafePointer<Unicode.Scalar>, count: Int, width: Int,
                        into ending: inout [Int]) {
        if reportKinds[row / width] == 1 || index + 1 == count || !ScalarFolding.isWordScalar(text[index + 1]) {
            ending.append(index << 32 | row / width)
        }
    }

    /// The symbol of a scalar beyond the direct table.
    @inline(never)
    private func farSymbol(_ scalar: Unicode.Scalar) -> Int {
        let value = ScalarFolding.fold(scalar)
        return value < 128 ? Int(asciiClass[Int(value)]) : Int(otherClass[value] ?? 0)
    }

    /// Whether the occurrence of pattern `index` at `start..<end` of `text` (its folded scalars
    /// matched) stands on word boundaries and, for a case-sensitive pattern, has its case.
    func accepts(_ pattern: PhrasePattern, index: Int, start: Int, end: Int, in text: [Unicode.Scalar]) -> Bool {
        if start > 0 && ScalarFolding.isWordScalar(text[start - 1]) && ScalarFolding.isWordScalar(pattern.text[0]) { return false }
        if !pattern.isPrefix, end < text.count, let last = pattern.text.last, ScalarFolding.isWordScalar(last) {
            let next = text[end]
            if ScalarFolding.isWordScalar(next) { return false }
            if ScalarFolding.normalizePunctuation(next.value) == 0x27, end + 1 < text.count, ScalarFolding.isWordScalar(text[end + 1]) {
                // An apostrophe inside a word (Xi'an) is no boundary; a possessive 's is.
                let isPossessive = (text[end + 1] == "s" || text[end + 1] == "S")
                    && (end + 2 == text.count || !ScalarFolding.isWordScalar(text[end + 2]))
                if !isPossessive { return false }
            }
        }
        if pattern.caseSensitive {
            let key = caseKeys[index]
            for offset in 0..<key.count where ScalarFolding.normalizePunctuation(text[start + offset].value) != key[offset] {
                return false
            }
        }
        return true
    }

    /// Per channel, sorted by start then longest first, keeps the matches that overlap no kept one.
    static func leftmostLongest(_ candidates: [PhraseMatch]) -> [PhraseMatch] {
        let sorted = candidates.sorted {
            if $0.channel != $1.channel { return $0.channel < $1.channel }
            if $0.start != $1.start { return $0.start < $1.start }
            if $0.end != $1.end { return $0.end > $1.end }
            return $0.payload < $1.payload
        }
        var kept: [PhraseMatch] = []
        kept.reserveCapacity(sorted.count)
        // Sorted by channel first: the end of the last kept match is reset where a channel starts.
        var channel: Int? = nil, channelEnd = 0
        for match in sorted {
            if match.channel != channel { channel = match.channel; channelEnd = 0 }
            guard match.start >= channelEnd else { continue }
            kept.append(match)
            channelEnd = match.end
        }
        return kept.sorted { $0.start != $1.start ? $0.start < $1.start : $0.channel < $1.channel }
    }
}
