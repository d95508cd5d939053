import Foundation

/// Paths of the repository, for tests that read the seeds or the shared evaluation set.
enum Repo {
    /// The package root (two folders above this file's folder).
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    /// The sample corpus.
    static let seeds = root.appendingPathComponent("seeds")
    /// The shared development set of annotated quotations (may be absent).
    static let quotesDev = root.deletingLastPathComponent().appendingPathComponent("shared/eval/quotes-dev")

    /// The text of a seed article.
    static func seed(_ prefix: String) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: seeds.path)
        guard let name = names.first(where: { $0.hasPrefix(prefix) && $0.hasSuffix(".txt") }) else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try String(contentsOf: seeds.appendingPathComponent(name), encoding: .utf8)
    }

    /// A new empty temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("briefing-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Texts made of pieces next to each other, every piece next to every other at shifting offsets:
/// deterministic (a linear congruential generator), so a failure repeats.
enum PieceTexts {
    /// `count` texts of `pieces` chosen from `pieces`, drawn with `seed`.
    static func make(_ pieces: [String], count: Int, pieces length: ClosedRange<Int>, seed: UInt64) -> [String] {
        var state = seed
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        return (0..<count).map { _ in
            let chosen = length.lowerBound + next() % length.count
            return (0..<chosen).map { _ in pieces[next() % pieces.count] }.joined()
        }
    }
}
