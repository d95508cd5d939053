import BriefingCore
import Foundation

/// Messages to stderr, one line each, prefixed with the time: warnings and errors always (unless
/// quiet), information only when verbose.
struct Log: Sendable {
    let quiet: Bool
    let verbose: Bool

    func info(_ message: String) {
        if verbose { emit("info", message) }
    }

    func warning(_ message: String) {
        if !quiet { emit("warning", message) }
    }

    func error(_ message: String) {
        for line in message.split(separator: "\n") { emit("error", String(line)) }
    }

    private func emit(_ level: String, _ message: String) {
        let line = "\(RunConfiguration.isoTimestamp(Date())) briefing \(level): \(message)\n"
        FileHandle.standardError.write(Data(line.utf8))
    }
}
