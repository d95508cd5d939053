// OutputFolder: writes output files atomically — to a temporary name in the same folder, then
// renamed over the final name — so that a run that dies leaves the previous outputs whole.
import BriefingModel
import Foundation

/// The folder a run writes into.
public struct OutputFolder: Sendable {
    /// The folder.
    public let url: URL

    /// Creates the folder when missing; throws exit-73 errors when it cannot.
    public init(_ url: URL) throws(BriefingError) {
        self.url = url
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw .outputUnwritable(path: url.path, reason: "exists and is not a folder") }
        } else {
            do {
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            } catch {
                throw .outputUnwritable(path: url.path, reason: "cannot create the folder (\(CorpusReader.reason(error)))")
            }
        }
        guard FileManager.default.isWritableFile(atPath: url.path) else {
            throw .outputUnwritable(path: url.path, reason: "the folder is not writable")
        }
    }

    /// Removes temporary files left by runs that were killed (the lock guarantees none is running).
    public func removeStaleTemporaries() {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else { return }
        for name in names where name.hasPrefix(".") && (name.contains(".tmp-") || name.contains(".link-")) {
            try? FileManager.default.removeItem(at: url.appendingPathComponent(name))
        }
        // Generations that were never published (a killed run) or no longer are.
        let generations = url.appendingPathComponent(".briefing-outputs")
        let current = try? FileManager.default.destinationOfSymbolicLink(atPath: generations.appendingPathComponent("current").path)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: generations.path)) ?? [] where name != "current" && name != current {
            try? FileManager.default.removeItem(at: generations.appendingPathComponent(name))
        }
    }
}
