// TemplateLoader: a YAML report template → ReportTemplate, or every problem with FILE:LINE:COL.
// Input: the template's path. Output: a validated ReportTemplate.
// Invariants: all problems are collected before failing (unknown keys with the nearest valid one,
// wrong types, missing keys, empty lists, duplicate actors, aliases claimed twice).
import BriefingModel
import Foundation
import Yams

/// Loads and validates report templates.
public enum TemplateLoader {
    /// Reads and validates the template at `path`.
    public static func load(path: String) throws(BriefingError) -> ReportTemplate {
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw .invalidInput([Diagnostic(.error, path: path, line: 1, column: 1,
                                            message: exists ? "template cannot be read" : "template file does not exist")])
        }
        guard case .success(let text) = TextDecoder.decode([UInt8](data)) else {
            throw .invalidInput([Diagnostic(.error, path: path, line: 1, column: 1,
                                            message: "template is not UTF-8 text")])
        }
        return try parse(text, path: path)
    }

    /// Parses and validates template text; `path` names it in diagnostics.
    public static func parse(_ text: String, path: String) throws(BriefingError) -> ReportTemplate {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text, resolver) else {
                throw BriefingError.invalidInput([Diagnostic(.error, path: path, line: 1, column: 1,
                                                             message: "template is empty; expected a mapping with title, actors and themes")])
            }
            root = node
        } catch let error as BriefingError {
            throw error
        } catch let error as YamlError {
            throw .invalidInput([yamlDiagnostic(error, path: path)])
        } catch {
            throw .invalidInput([Diagnostic(.error, path: path, line: 1, column: 1, message: "not valid YAML: \(error)")])
        }
        var reader = TemplateNodeReader(path: path)
        let template = reader.readTemplate(root)
        if !reader.problems.isEmpty { throw .invalidInput(reader.problems.sorted()) }
        guard let template else {
            throw .invalidInput([Diagnostic(.error, path: path, line: 1, column: 1, message: "template could not be read")])
        }
        return template
    }

    /// Plain scalars are typed by the null rule only: the reader asks a node for its tag only to
    /// tell an empty value from empty text, and reads numbers from the text. Each rule is a regular
    /// expression tried on every scalar (Yams' default seven were a fifth of a warm run's CPU).
    private static let resolver = Resolver.basic.appending(.null)

    static func yamlDiagnostic(_ error: YamlError, path: String) -> Diagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return Diagnostic(.error, path: path, line: mark.line, column: mark.column, message: "YAML syntax: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return Diagnostic(.error, path: path, line: context.mark.line, column: context.mark.column,
                              message: "duplicate key \(duplicates.joined(separator: ", ")) in a mapping")
        default:
            return Diagnostic(.error, path: path, line: 1, column: 1, message: "not valid YAML: \(error)")
        }
    }
}
