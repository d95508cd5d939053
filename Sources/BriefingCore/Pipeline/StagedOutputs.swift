// StagedOutputs: a run's outputs are written completely into a new generation folder,
// `<out>/.briefing-outputs/gen-…/`, and published all at once by renaming one symbolic link,
// `<out>/.briefing-outputs/current`, to point at it. The files in `<out>` are symbolic links
// through `current` (`out/quotes.csv → .briefing-outputs/current/quotes.csv`), so a run killed at
// any moment leaves either the previous set of outputs or the new one — never a mix.
import BriefingModel
import Foundation

/// Outputs being written, published together by `commit`.
struct StagedOutputs {
    let folder: OutputFolder
    /// `<out>/.briefing-outputs`.
    let generations: URL
    /// This run's generation folder.
    let generation: URL
    private var names: [String] = []
    private var written: [(String, Int)] = []
    private var streams: [(String, CSVStreamWriter)] = []
    private var kept: [(String, Int)] = []
    private var committed = false

    static let generationsFolder = ".briefing-outputs"

    /// Names and row counts of the outputs (run.json excepted).
    var outputs: [(String, Int)] { streams.map { ($0.0, $0.1.rows) } + written + kept }

    init(folder: OutputFolder) throws(BriefingError) {
        self.folder = folder
        generations = folder.url.appendingPathComponent(Self.generationsFolder)
        var stamp = timespec()
        clock_gettime(CLOCK_REALTIME, &stamp)
        generation = generations.appendingPathComponent("gen-\(ProcessInfo.processInfo.processIdentifier)-\(stamp.tv_sec)-\(stamp.tv_nsec)")
        do {
            try FileManager.default.createDirectory(at: generation, withIntermediateDirectories: true)
        } catch {
            throw .outputUnwritable(path: generation.path, reason: CorpusReader.reason(error))
        }
    }

    private func file(_ name: String) -> URL { generation.appendingPathComponent(name) }

    /// Stages `bytes` as `name`.
    mutating func write(_ bytes: [UInt8], name: String, rows: Int) throws(BriefingError) {
        do {
            try Data(bytes).write(to: file(name))
        } catch {
            throw .outputUnwritable(path: folder.url.appendingPathComponent(name).path, reason: CorpusReader.reason(error))
        }
        names.append(name)
        if name != "run.json" { written.append((name, rows)) }
    }

    /// Stages a file that `produce` writes at the path it is given; `produce` returns its row count.
    mutating func produce(name: String, _ produce: (String) throws(BriefingError) -> Int) throws(BriefingError) {
        let rows = try produce(file(name).path)
        names.append(name)
        written.append((name, rows))
    }

    /// Stages a CSV file written row by row.
    mutating func stream(_ name: String, header: [String], byteOrderMark: Bool) throws(BriefingError) -> CSVStreamWriter {
        let writer = try CSVStreamWriter(url: file(name), header: header, byteOrderMark: byteOrderMark)
        names.append(name)
        streams.append((name, writer))
        return writer
    }

    /// Carries a file of the published generation over unchanged (a hard link: no copy).
    mutating func keep(_ name: String, rows: Int) throws(BriefingError) {
        let source = generations.appendingPathComponent("current").appendingPathComponent(name).resolvingSymlinksInPath()
        guard link(source.path, file(name).path) == 0 else {
            throw .outputUnwritable(path: file(name).path, reason: String(cString: strerror(errno)))
        }
        names.append(name)
        kept.append((name, rows))
    }

    /// Drops staged files that are not wanted after all.
    mutating func drop(_ dropped: [String]) {
        for name in dropped {
            try? FileManager.default.removeItem(at: file(name))
            names.removeAll { $0 == name }
            streams.removeAll { $0.0 == name }
            written.removeAll { $0.0 == name }
        }
    }

    /// Publishes the generation: one rename of the `current` link; then the links in the output
    /// folder are made for new names, those of outputs no longer written are removed, and the
    /// previous generation is deleted.
    mutating func commit() throws(BriefingError) {
        let current = generations.appendingPathComponent("current")
        let previous = (try? FileManager.default.destinationOfSymbolicLink(atPath: current.path)).map { generations.appendingPathComponent($0) }
        let next = generations.appendingPathComponent(".current-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: next)
        guard symlink(generation.lastPathComponent, next.path) == 0, rename(next.path, current.path) == 0 else {
            throw .outputUnwritable(path: current.path, reason: String(cString: strerror(errno)))
        }
        committed = true
        for name in names {
            let visible = folder.url.appendingPathComponent(name)
            let target = "\(Self.generationsFolder)/current/\(name)"
            if (try? FileManager.default.destinationOfSymbolicLink(atPath: visible.path)) == target { continue }
            let temporary = folder.url.appendingPathComponent(".\(name).link-\(ProcessInfo.processInfo.processIdentifier)")
            try? FileManager.default.removeItem(at: temporary)
            guard symlink(target, temporary.path) == 0, rename(temporary.path, visible.path) == 0 else {
                throw .outputUnwritable(path: visible.path, reason: String(cString: strerror(errno)))
            }
        }
        // Links to outputs this run did not write (another --formats) would dangle: remove them.
        if let entries = try? FileManager.default.contentsOfDirectory(atPath: folder.url.path) {
            for entry in entries where !names.contains(entry) {
                let visible = folder.url.appendingPathComponent(entry)
                if let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: visible.path),
                   destination.hasPrefix("\(Self.generationsFolder)/current/") {
                    try? FileManager.default.removeItem(at: visible)
                }
            }
        }
        if let previous, previous.lastPathComponent != generation.lastPathComponent {
            try? FileManager.default.removeItem(at: previous)
        }
    }

    /// Removes the generation unless it was published.
    mutating func discard() {
        if !committed { try? FileManager.default.removeItem(at: generation) }
    }
}
