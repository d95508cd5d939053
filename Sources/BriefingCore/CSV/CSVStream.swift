// CSVStream: CSV written row by row to a file (evidence files of any size), and read back row by
// row (to pick featured quotations without holding every quotation in memory).
import BriefingModel
import Foundation

/// Appends rows to a CSV file through a buffer.
final class CSVStreamWriter {
    let url: URL
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private(set) var rows = 0

    init(url: URL, header: [String], byteOrderMark: Bool) throws(BriefingError) {
        self.url = url
        guard FileManager.default.createFile(atPath: url.path, contents: nil),
              let handle = try? FileHandle(forWritingTo: url) else {
            throw .outputUnwritable(path: url.path, reason: "cannot create the file")
        }
        self.handle = handle
        if byteOrderMark { buffer += [0xEF, 0xBB, 0xBF] }
        CSVTable.appendRow(header.map { .text($0) }, to: &buffer)
    }

    /// Appends rows already encoded by a worker.
    func appendEncoded(_ bytes: [UInt8], rows count: Int) throws(BriefingError) {
        buffer.append(contentsOf: bytes)
        rows += count
        if buffer.count > 1 << 20 { try flush() }
    }

    func flush() throws(BriefingError) {
        guard !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw .outputUnwritable(path: url.path, reason: CorpusReader.reason(error))
        }
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws(BriefingError) {
        try flush()
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            throw .outputUnwritable(path: url.path, reason: CorpusReader.reason(error))
        }
    }
}

/// Reads the rows of a CSV file written by CSVStreamWriter, one at a time.
struct CSVStreamReader {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0
    private var finished = false

    init(url: URL) throws {
        handle = try FileHandle(forReadingFrom: url)
    }

    /// The next row (fields decoded; a leading formula guard `'` is kept as written), or nil.
    mutating func next() -> [String]? {
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var started = false
        while true {
            if position >= buffer.count {
                if finished { break }
                buffer.removeAll(keepingCapacity: true)
                position = 0
                if let block = try? handle.read(upToCount: 1 << 20), !block.isEmpty {
                    buffer.append(contentsOf: block)
                    if !started && buffer.starts(with: [0xEF, 0xBB, 0xBF]) && fields.isEmpty && field.isEmpty { position = 3 }
                } else {
                    finished = true
                    try? handle.close()
                    break
                }
                continue
            }
            started = true
            // Runs of ordinary bytes are copied at once.
            if quoted {
                var end = position
                while end < buffer.count && buffer[end] != UInt8(ascii: "\"") { end += 1 }
                if end > position {
                    field.append(contentsOf: buffer[position..<end])
                    position = end
                    continue
                }
            } else {
                var end = position
                while end < buffer.count {
                    let byte = buffer[end]
                    if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: ",") || byte == 0x0D || byte == 0x0A { break }
                    end += 1
                }
                if end > position {
                    field.append(contentsOf: buffer[position..<end])
                    position = end
                    continue
                }
            }
            let byte = buffer[position]
            position += 1
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if position >= buffer.count, !finished, let block = try? handle.read(upToCount: 1 << 20), !block.isEmpty {
                        buffer.removeFirst(position)
                        position = 0
                        buffer.append(contentsOf: block)
                    }
                    if position < buffer.count && buffer[position] == UInt8(ascii: "\"") {
                        field.append(byte)
                        position += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): quoted = true
            case UInt8(ascii: ","):
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
            case 0x0D: continue
            case 0x0A:
                fields.append(String(decoding: field, as: UTF8.self))
                return fields
            default: field.append(byte)
            }
        }
        if started && (!fields.isEmpty || !field.isEmpty) {
            fields.append(String(decoding: field, as: UTF8.self))
            return fields
        }
        return nil
    }
}
