// CorpusStream: the corpus as a stream of bounded batches of work — article files, and JSONL
// files cut into runs of lines read incrementally — so that memory does not grow with the corpus.
// Invariants: units come in corpus order (sorted path, then line); a JSONL line longer than the
// document size limit is skipped with a warning without being held in memory.
import BriefingModel
import Foundation

/// A piece of corpus work for one worker.
enum WorkUnit: Sendable {
    /// One article file.
    case article(CorpusFile)
    /// Consecutive lines of a JSONL file.
    case lines(CorpusFile, [(number: Int, bytes: [UInt8])])
    /// A problem found while cutting the stream (unreadable file, oversized line).
    case problem(Diagnostic)
}

/// Yields batches of work units.
struct CorpusStream {
    let files: [CorpusFile]
    private let sizes: [Int]?
    /// Units per batch.
    let batchSize: Int
    /// The largest document (bytes): longer files or lines are skipped with a warning.
    let maxDocumentBytes: Int
    private var fileIndex = 0
    private var lines: LineReader?

    /// Text per batch: a batch and the one being folded are in memory at once, with their text,
    /// scalars, tokens and encoded rows (several times the bytes). 256 articles are ~1.2 MB.
    static let maxBatchBytes = 2 << 20
    /// JSONL lines per work unit: a 2 MB batch is then ~52 units for the cores to share (with 32,
    /// ~13 units, a core often waited for the other's last unit at the end of a batch).
    static let linesPerUnit = 8

    /// `sizes[i]`, when given, is the size of `files[i]` as the listing's status read it (-1: gone):
    /// batches are sized from it without asking the file system again.
    init(files: [CorpusFile], sizes: [Int]? = nil, batchSize: Int = 256, maxDocumentBytes: Int) {
        self.files = files
        self.sizes = sizes?.count == files.count ? sizes : nil
        self.batchSize = batchSize
        self.maxDocumentBytes = maxDocumentBytes
    }

    /// The next batch, or nil at the end.
    mutating func next() -> [WorkUnit]? {
        var batch: [WorkUnit] = []
        var bytes = 0
        while batch.count < batchSize && bytes < Self.maxBatchBytes {
            if var reader = lines {
                let (chunk, problems) = reader.next(maxLines: Self.linesPerUnit, maxDocumentBytes: maxDocumentBytes)
                batch += problems.map { .problem($0) }
                if let chunk {
                    bytes += chunk.reduce(0) { $0 + $1.bytes.count }
                    batch.append(.lines(reader.file, chunk))
                    lines = reader
                } else {
                    lines = nil
                }
                continue
            }
            guard fileIndex < files.count else { break }
            let file = files[fileIndex]
            fileIndex += 1
            switch file.kind {
            case .article:
                batch.append(.article(file))
                let size: Int
                if let sizes {
                    size = sizes[fileIndex - 1]
                } else {
                    var info = stat()
                    size = stat(file.path, &info) == 0 ? Int(info.st_size) : -1
                }
                bytes += max(size, 4 << 10)
            case .jsonLines:
                switch LineReader.open(file) {
                case .success(let reader): lines = reader
                case .failure(let diagnostic): batch.append(.problem(diagnostic))
                }
            }
        }
        return batch.isEmpty ? nil : batch
    }
}

/// Reads a file line by line in blocks. Lines are cut from a block by moving a read position; the
/// consumed part is dropped only when the next block is read (never one shift per line).
struct LineReader {
    let file: CorpusFile
    private let handle: FileHandle
    /// The bytes read and not yet cut into lines: a block and the unfinished line before it. Its
    /// room is reserved once (two blocks), so that appending a block to what is left never doubles
    /// it (a buffer grown to 16 MB by one unlucky append stayed for the rest of the run).
    private var buffer: [UInt8] = []
    /// Bytes asked of the file at a time.
    static let blockSize = 1 << 20
    /// The buffer's room (for tests: it stays two blocks while lines are shorter than a block).
    var bufferCapacity: Int { buffer.capacity }
    /// Start of the unread part of `buffer`.
    private var position = 0
    private var lineNumber = 0
    private var finished = false
    private var skippingLine = false

    static func open(_ file: CorpusFile) -> Result<LineReader, Diagnostic> {
        do {
            return .success(LineReader(file: file, handle: try FileHandle(forReadingFrom: file.url)))
        } catch {
            return .failure(Diagnostic(.warning, path: file.relativePath, message: "cannot be read (\(CorpusReader.reason(error))); skipped"))
        }
    }

    private init(file: CorpusFile, handle: FileHandle) {
        self.file = file
        self.handle = handle
        buffer.reserveCapacity(2 * Self.blockSize)
    }

    /// Up to `maxLines` lines (nil at the end of the file) and warnings for oversized lines.
    mutating func next(maxLines: Int, maxDocumentBytes: Int) -> ([(number: Int, bytes: [UInt8])]?, [Diagnostic]) {
        var lines: [(number: Int, bytes: [UInt8])] = []
        var problems: [Diagnostic] = []
        while lines.count < maxLines {
            if let newline = Self.newline(in: buffer, from: position) {
                lineNumber += 1
                if skippingLine {
                    problems.append(tooLong(lineNumber, maxDocumentBytes))
                    skippingLine = false
                } else {
                    var start = position
                    if lineNumber == 1, buffer[start..<newline].starts(with: [0xEF, 0xBB, 0xBF]) { start += 3 }
                    if newline - start > maxDocumentBytes {
                        problems.append(tooLong(lineNumber, maxDocumentBytes))
                    } else {
                        lines.append((lineNumber, Array(buffer[start..<newline])))
                    }
                }
                position = newline + 1
                continue
            }
            if finished {
                if position < buffer.count || skippingLine {
                    lineNumber += 1
                    var start = position
                    if lineNumber == 1, buffer[start...].starts(with: [0xEF, 0xBB, 0xBF]) { start += 3 }
                    if skippingLine || buffer.count - start > maxDocumentBytes {
                        problems.append(tooLong(lineNumber, maxDocumentBytes))
                    } else {
                        lines.append((lineNumber, Array(buffer[start...])))
                    }
                    buffer = []
                    position = 0
                    skippingLine = false
                }
                break
            }
            let block = (try? handle.read(upToCount: Self.blockSize)) ?? nil
            guard let block, !block.isEmpty else {
                finished = true
                continue
            }
            // Drop what was consumed before growing the buffer.
            if position > 0 {
                buffer.removeFirst(position)
                position = 0
            }
            if skippingLine, let newline = block.firstIndex(of: 0x0A) {
                buffer.append(contentsOf: block[newline...])
                continue
            } else if skippingLine {
                continue
            }
            buffer.append(contentsOf: block)
            if Self.newline(in: buffer, from: 0) == nil && buffer.count > maxDocumentBytes {
                // A line longer than any document may be: drop it as it streams by.
                skippingLine = true
                buffer.removeAll(keepingCapacity: true)
            }
        }
        if lines.isEmpty && problems.isEmpty && finished && position >= buffer.count {
            try? handle.close()
            return (nil, [])
        }
        return (lines, problems)
    }

    /// The offset of the first line feed in `bytes[from...]`, if any (a generic search was a
    /// fortieth of a cold JSONL run).
    private static func newline(in bytes: [UInt8], from: Int) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            let found = ASCIISearch.offset(of: 0x0A, in: buffer, from: from, to: buffer.count)
            return found < buffer.count ? found : nil
        }
    }

    private func tooLong(_ line: Int, _ limit: Int) -> Diagnostic {
        Diagnostic(.warning, path: file.relativePath, line: line, message: "line longer than the document size limit (\(limit / 1_000_000) MB); line skipped")
    }
}
