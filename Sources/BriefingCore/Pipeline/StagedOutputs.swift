// StagedOutputs: outputs written completely under temporary names, then renamed over the final
// names in one burst (run.json last), so that a run killed before the burst leaves the previous
// outputs whole and a run killed during it has only replaced complete files.
import BriefingModel
import Foundation

/// Outputs waiting to be committed.
struct StagedOutputs {
    let folder: OutputFolder
    private var staged: [(temporary: URL, final: URL)] = []
    private var written: [(String, Int)] = []
    private var streams: [(String, CSVStreamWriter)] = []

    /// Outputs left in place from the previous run (reused as they are).
    private var kept: [(String, Int)] = []

    /// Names and row counts of the outputs (run.json excepted).
    var outputs: [(String, Int)] { streams.map { ($0.0, $0.1.rows) } + written + kept }

    /// Counts a file of the previous run, left in place, among the outputs.
    mutating func keep(_ name: String, rows: Int) { kept.append((name, rows)) }

    init(folder: OutputFolder) { self.folder = folder }

    private func temporary(_ name: String) -> URL {
        folder.url.appendingPathComponent(".\(name).tmp-\(ProcessInfo.processInfo.processIdentifier)")
    }

    /// Stages `bytes` as `name`.
    mutating func write(_ bytes: [UInt8], name: String, rows: Int) throws(BriefingError) {
        let url = temporary(name)
        do {
            try Data(bytes).write(to: url)
        } catch {
            try? FileManager.default.removeItem(at: url)
            throw .outputUnwritable(path: folder.url.appendingPathComponent(name).path, reason: CorpusReader.reason(error))
        }
        staged.append((url, folder.url.appendingPathComponent(name)))
        if name != "run.json" { written.append((name, rows)) }
    }

    /// Stages a file that `produce` writes at the path it is given; `produce` returns its row count.
    mutating func produce(name: String, _ produce: (String) throws(BriefingError) -> Int) throws(BriefingError) {
        let url = temporary(name)
        let rows: Int
        do {
            rows = try produce(url.path)
        } catch {
            try? FileManager.default.removeItem(at: url)
            throw error
        }
        staged.append((url, folder.url.appendingPathComponent(name)))
        written.append((name, rows))
    }

    /// Stages a CSV file written row by row.
    mutating func stream(_ name: String, header: [String], byteOrderMark: Bool) throws(BriefingError) -> CSVStreamWriter {
        let url = temporary(name)
        let writer = try CSVStreamWriter(url: url, header: header, byteOrderMark: byteOrderMark)
        staged.append((url, folder.url.appendingPathComponent(name)))
        streams.append((name, writer))
        return writer
    }

    /// Drops staged files that are not wanted after all.
    mutating func drop(_ names: [String]) {
        for name in names {
            let url = temporary(name)
            try? FileManager.default.removeItem(at: url)
            staged.removeAll { $0.temporary == url }
            streams.removeAll { $0.0 == name }
            written.removeAll { $0.0 == name }
        }
    }

    /// Renames every staged file over its final name.
    mutating func commit() throws(BriefingError) {
        for (temporary, final) in staged {
            guard rename(temporary.path, final.path) == 0 else {
                throw .outputUnwritable(path: final.path, reason: String(cString: strerror(errno)))
            }
        }
        staged = []
    }

    /// Removes whatever was staged but not committed.
    mutating func discard() {
        for (temporary, _) in staged { try? FileManager.default.removeItem(at: temporary) }
        staged = []
    }
}
