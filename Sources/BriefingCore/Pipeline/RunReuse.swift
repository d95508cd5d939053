// RunReuse: when nothing that a briefing depends on has changed since the last run into the same
// folder — the same files (path, size, modification time, inode), manifest, template and options —
// the previous evidence and statistics files are reused as they are, and only what carries the
// as-of time (run.json, changes.csv, the PDF) is made anew. Anything unexpected means a full run.
import BriefingModel
import Foundation

/// What is kept of a run to reuse it.
struct ReusableRun: Codable, Sendable {
    /// The fingerprint of every input and option.
    var signature: String
    /// The statistics (without changes).
    var data: BriefingData
    /// Documents read, inputs skipped.
    var read: Int
    var skipped: Int
    /// The run's warnings.
    var warnings: [Diagnostic]
    /// CSV outputs reused as they are: name → rows.
    var tables: [String: Int]
    /// name → "size:mtime" of the files as the run left them.
    var files: [String: String]
}

enum RunReuse {
    /// Files whose status is asked at once (bounded memory for a listing of any size).
    static let statusChunk = 8_192

    /// The fingerprint of the listing, the manifest, the template and the options; and the size of
    /// each listed file as its status gave it (-1: gone), so that nothing stats the files again to
    /// size the batches.
    static func signature(listing: [CorpusFile], corpusRoot: URL, configuration: RunConfiguration) -> (signature: String, sizes: [Int]) {
        var text = "v=\(BriefingVersion.current);\(ExtractionRules.version)\n"
        text += "formats=\(configuration.formats.map(\.rawValue).sorted().joined(separator: ","));bom=\(configuration.csvByteOrderMark)\n"
        text += "period=\(configuration.period.since ?? 0)-\(configuration.period.until ?? 0)-\(configuration.period.label);undated=\(configuration.includeUndated)\n"
        text += "max=\(configuration.maxDocumentBytes);strict=\(configuration.strict)\n"
        if let template = FileManager.default.contents(atPath: configuration.templatePath) {
            text += "template=\(ContentHash.hex([UInt8](template)))\n"
        }
        text += "manifest=\(fileSignature(corpusRoot.appendingPathComponent(CorpusReader.manifestName).path) ?? "none")\n"
        // Hashed line by line: a listing of a million files is never held as one text.
        var hasher = ContentHasher()
        hasher.add(text.utf8)
        var sizes: [Int] = []
        sizes.reserveCapacity(listing.count)
        // Each line is "relative path, tab, size:mtime:inode (or gone), newline", written into one
        // reused buffer (no string per file). The files' status is asked on all cores (a `stat` is
        // most of a warm run), a bounded chunk of the listing at a time.
        var line: [UInt8] = []
        let parts = max(1, ProcessInfo.processInfo.activeProcessorCount)
        var chunkStart = 0
        while chunkStart < listing.count {
            let chunk = chunkStart..<min(listing.count, chunkStart + statusChunk)
            let pieces = stride(from: chunk.lowerBound, to: chunk.upperBound, by: (chunk.count + parts - 1) / parts).map {
                $0..<min(chunk.upperBound, $0 + (chunk.count + parts - 1) / parts)
            }
            let statuses = Parallel.map(pieces) { piece in piece.map { FileSignature.Status.of(listing[$0].path) } }
            for (piece, found) in zip(pieces, statuses) {
                for (index, status) in zip(piece, found) {
                    line.removeAll(keepingCapacity: true)
                    line.append(contentsOf: listing[index].relativePath.utf8)
                    line.append(0x09)
                    if let status {
                        FileSignature.append(status, to: &line)
                        sizes.append(status.size)
                    } else {
                        line.append(contentsOf: "gone".utf8)
                        sizes.append(-1)
                    }
                    line.append(0x0A)
                    hasher.add(line)
                }
            }
            chunkStart = chunk.upperBound
        }
        return (hasher.hex, sizes)
    }

    /// "size:mtime:inode" of a file, or nil.
    static func fileSignature(_ path: String) -> String? { FileSignature.of(path)?.signature }

    /// True when every reused file is still as the run left it.
    static func intact(_ run: ReusableRun, in folder: URL) -> Bool {
        run.tables.keys.allSatisfy { name in
            fileSignature(folder.appendingPathComponent(name).path) == run.files[name]
        }
    }

    /// The signatures of the committed outputs.
    static func signatures(of names: [String], in folder: URL) -> [String: String] {
        var result: [String: String] = [:]
        for name in names { result[name] = fileSignature(folder.appendingPathComponent(name).path) ?? "" }
        return result
    }
}
