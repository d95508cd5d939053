/// A failure that ends a run, with the exit code INTERFACE.md documents for it.
public enum BriefingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A bad flag or value (exit 64).
    case usage(String)
    /// An invalid template or manifest: every problem, each with file:line:col (exit 65).
    case invalidInput([Diagnostic])
    /// `--strict` and warnings occurred (exit 65).
    case strictWarnings(Int)
    /// The corpus folder is missing or unreadable (exit 66).
    case corpusMissing(path: String, reason: String)
    /// The corpus holds no readable document (exit 66).
    case noDocuments(path: String)
    /// The output folder cannot be created or written (exit 73).
    case outputUnwritable(path: String, reason: String)
    /// Another run holds the lock on this output folder (exit 75).
    case locked(path: String)
    /// An internal or I/O failure in a stage (exit 1).
    case failure(stage: String, path: String, reason: String)
    /// Stopped by a signal at a safe point; nothing was committed (exit 1).
    case stopped

    /// The process exit code for this error.
    public var exitCode: Int32 {
        switch self {
        case .usage: return 64
        case .invalidInput, .strictWarnings: return 65
        case .corpusMissing, .noDocuments: return 66
        case .outputUnwritable: return 73
        case .locked: return 75
        case .failure, .stopped: return 1
        }
    }

    /// The message for the user (one line per problem).
    public var description: String {
        switch self {
        case .usage(let message): return message
        case .invalidInput(let problems): return problems.sorted().map(\.description).joined(separator: "\n")
        case .strictWarnings(let count):
            return "--strict: \(count) warning\(count == 1 ? "" : "s") occurred; outputs were not written"
        case .corpusMissing(let path, let reason): return "\(path): corpus folder \(reason)"
        case .noDocuments(let path):
            return "\(path): no readable document (expected .txt, .md or .jsonl files)"
        case .outputUnwritable(let path, let reason): return "\(path): cannot write output: \(reason)"
        case .locked(let path):
            return "\(path): another briefing run is writing this folder; try again later"
        case .failure(let stage, let path, let reason): return "\(path): \(stage) failed: \(reason)"
        case .stopped: return "stopped by a signal before finishing; the previous outputs are untouched"
        }
    }
}
