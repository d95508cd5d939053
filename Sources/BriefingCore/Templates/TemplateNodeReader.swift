// TemplateNodeReader: walks the YAML node tree of a template, building the model and collecting
// every problem with its position.
import BriefingModel
import Yams

/// Reads template nodes, collecting problems.
struct TemplateNodeReader {
    let path: String
    private(set) var problems: [Diagnostic] = []

    init(path: String) { self.path = path }

    static let topKeys = ["title", "subtitle", "organisation", "page", "sections", "limits", "actors", "themes"]
    static let pageKeys = ["size", "font"]
    static let limitKeys = ["top_actors", "top_speakers", "quotes_per_speaker", "documents_listed", "suggested_actors"]
    static let actorKeys = ["name", "kind", "aliases"]
    static let themeKeys = ["name", "terms"]

    mutating func problem(_ node: Node?, _ message: String) {
        let mark = node?.mark
        problems.append(Diagnostic(.error, path: path, line: mark?.line ?? 1, column: mark?.column ?? 1, message: message))
    }

    /// The mapping's pairs by key, reporting unknown keys (with the nearest valid one).
    mutating func fields(_ node: Node, allowed: [String], context: String) -> [String: (key: Node, value: Node)]? {
        guard case .mapping(let mapping) = node else {
            problem(node, "\(context) must be a mapping with keys \(allowed.joined(separator: ", "))")
            return nil
        }
        var result: [String: (key: Node, value: Node)] = [:]
        for pair in mapping {
            guard let key = pair.key.string else {
                problem(pair.key, "\(context): keys must be text")
                continue
            }
            if !allowed.contains(key) {
                let hint = Self.nearest(key, in: allowed).map { "; did you mean '\($0)'?" } ?? "; expected one of \(allowed.joined(separator: ", "))"
                problem(pair.key, "unknown key '\(key)' in \(context)\(hint)")
                continue
            }
            result[key] = pair
        }
        return result
    }

    mutating func string(_ node: Node?, _ what: String, required: Bool = false, parent: Node? = nil) -> String? {
        guard let node else {
            if required { problem(parent, "missing \(what)") }
            return nil
        }
        guard case .scalar(let scalar) = node, node.tag.description != Tag.Name.null.rawValue || !scalar.string.isEmpty else {
            problem(node, "\(what) must be text")
            return nil
        }
        let value = scalar.string.trimmingSpaces
        if required && value.isEmpty { problem(node, "\(what) must not be empty") }
        return value
    }

    mutating func positiveInt(_ node: Node?, _ what: String) -> Int? {
        guard let node else { return nil }
        guard let value = node.int, value > 0, value <= 10_000 else {
            problem(node, "\(what) must be a whole number from 1 to 10000")
            return nil
        }
        return value
    }

    mutating func stringList(_ node: Node?, _ what: String, parent: Node) -> [(String, Node)] {
        guard let node else {
            problem(parent, "missing \(what)")
            return []
        }
        guard case .sequence(let sequence) = node else {
            problem(node, "\(what) must be a list")
            return []
        }
        if sequence.isEmpty { problem(node, "\(what) is an empty list") }
        var result: [(String, Node)] = []
        for item in sequence {
            if let value = string(item, "each of \(what)") {
                if value.isEmpty || !value.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) {
                    problem(item, "\(what): '\(value)' has no letter or digit to match")
                } else {
                    result.append((value, item))
                }
            }
        }
        return result
    }

    /// The closest allowed key within edit distance 3.
    static func nearest(_ key: String, in allowed: [String]) -> String? {
        let scored = allowed.map { ($0, editDistance(key.lowercased(), $0)) }.filter { $0.1 <= 3 }
        return scored.min { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }?.0
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        for i in 1...x.count {
            var current = [i] + Array(repeating: 0, count: y.count)
            for j in 1...y.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[y.count]
    }
}
