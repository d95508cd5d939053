@testable import BriefingCore
import Testing

/// The automaton's one pass equals looking for every pattern at every offset.
@Suite("Extract: phrase automaton")
struct PhraseAutomatonTests {
    static let patterns: [PhrasePattern] = {
        let texts: [(String, Bool, Bool)] = [
            ("China", false, false), ("EU", true, false), ("European Union", false, false), ("Xi Jinping", false, false),
            ("Xi", false, false), ("invest", false, true), ("U.S.", false, false), ("US", true, false), ("中国", false, false),
            ("Zürich", false, false), ("cyber", false, true), ("cybersecurity", false, false), ("Huawei's", false, false),
            ("5G", false, false), ("e-commerce", false, false), ("ch", false, false), ("人工智能", false, false), ("A.I.", false, false),
        ]
        return texts.enumerated().map { index, entry in
            PhrasePattern(channel: index % 3, payload: index, text: Array(entry.0.unicodeScalars), caseSensitive: entry.1, isPrefix: entry.2)
        }
    }()

    /// Every (pattern, start) whose folded scalars equal the text's and that `accepts` keeps, then
    /// the same leftmost-longest choice.
    static func naive(_ automaton: PhraseAutomaton, _ text: [Unicode.Scalar]) -> [PhraseMatch] {
        let folded = text.map(ScalarFolding.fold)
        var candidates: [PhraseMatch] = []
        for (index, pattern) in patterns.enumerated() {
            let key = pattern.text.map(ScalarFolding.fold)
            guard key.count <= folded.count else { continue }
            for start in 0...(folded.count - key.count) where Array(folded[start..<(start + key.count)]) == key {
                let end = start + key.count
                guard automaton.accepts(pattern, index: index, start: start, end: end, in: text) else { continue }
                var stop = end
                if pattern.isPrefix { while stop < text.count, ScalarFolding.isWordScalar(text[stop]) { stop += 1 } }
                candidates.append(PhraseMatch(channel: pattern.channel, payload: pattern.payload, start: start, end: stop))
            }
        }
        return PhraseAutomaton.leftmostLongest(candidates)
    }

    @Test func onePassEqualsEveryOffset() {
        let automaton = PhraseAutomaton(Self.patterns)
        let pieces = ["China", "china", "CHINA", "Chinas", "China's", "China’s", "EU", "eu", "EUR", "European Union", "european union",
                      "Xi", "Xi'an", "Xi Jinping", "invest", "Investors", "reinvest", "U.S.", "US", "us", "中国", "中国人", "Zürich",
                      "ZÜRICH", "cyber", "cybersecurity", "Cyber-attack", "Huawei's", "Huawei", "5G", "e-commerce", "ch", "人工智能",
                      "A.I.", " ", " ", ", ", ".", "\"", "’", "“", "x", "\n", "\u{3000}", "\u{1F600}"]
        var found = 0
        for text in PieceTexts.make(pieces, count: 300, pieces: 30...30, seed: 0x853C_49E6_748F_EA9B) {
            let scalars = Array(text.unicodeScalars)
            let matches = automaton.matches(in: scalars)
            #expect(matches == Self.naive(automaton, scalars), "\(text)")
            found += matches.count
        }
        #expect(found > 500)
    }
}
