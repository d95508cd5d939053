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
        // The buffer is flushed past 1 MB: room for that and a batch's rows beyond it, once.
        buffer.reserveCapacity(Self.flushSize + Self.flushSize / 4)
        if byteOrderMark { buffer += [0xEF, 0xBB, 0xBF] }
        CSVTable.appendRow(header.map { .text($0) }, to: &buffer)
    }

    /// Appends rows already encoded by a worker.
    func appendEncoded(_ bytes: [UInt8], rows count: Int) throws(BriefingError) {
        buffer.append(contentsOf: bytes)
        rows += count
        if buffer.count > Self.flushSize { try flush() }
    }

    /// Bytes held before they are written.
    private static let flushSize = 1 << 20

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
    private var atFileStart = true
    /// Bytes read per block.
    private let blockSize: Int

    init(url: URL, blockSize: Int = 1 << 20) throws {
        handle = try FileHandle(forReadingFrom: url)
        self.blockSize = max(blockSize, 1)
    }

    /// The next row (fields decoded; a leading formula guard `'` is kept as written), or nil.
    /// A row is parsed once its end is in the buffer (a row cut by a block boundary is parsed again
    /// from its start once the next block is in).
    mutating func next() -> [String]? { next(keeping: nil) }

    /// The next row whose field `keeping.column` (decoded) passes `keeping.test`, or nil. The other
    /// rows are passed over without decoding their later fields.
    mutating func next(keeping filter: (column: Int, test: (String) -> Bool)?) -> [String]? {
        while true {
            let atEnd = finished
            let found = buffer.withUnsafeBufferPointer { Self.row(in: $0, from: position, atEnd: atEnd, filter: filter) }
            if let (fields, next) = found {
                position = next
                if let fields { return fields }
                continue
            }
            if finished { return nil }
            refill()
        }
    }

    /// Drops the rows read and appends the next block (a byte-order mark at the file's start is skipped).
    private mutating func refill() {
        buffer.removeFirst(position)
        position = 0
        guard let block = try? handle.read(upToCount: blockSize), !block.isEmpty else {
            finished = true
            try? handle.close()
            return
        }
        buffer.append(contentsOf: block)
        if atFileStart {
            // The first refill: enough of the file's first bytes to see a byte-order mark.
            while buffer.count < 3, let more = try? handle.read(upToCount: blockSize), !more.isEmpty { buffer.append(contentsOf: more) }
            if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
            atFileStart = false
        }
    }

    /// The row starting at `start` and where the next one begins; nil when the buffer ends before
    /// the row does (unless `atEnd`: then the rest is the last row, and nil means no row is left).
    /// Quoted fields may hold commas, line breaks and doubled quotation marks; a carriage return
    /// outside quotes is dropped.
    /// A row whose `filter` field fails comes back as (nil, where the next row begins).
    private static func row(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, atEnd: Bool,
                            filter: (column: Int, test: (String) -> Bool)?) -> ([String]?, Int)? {
        var fields: [String] = []
        fields.reserveCapacity(10)
        var field: [UInt8] = []
        field.reserveCapacity(256)
        var quoted = false
        var index = start
        let count = bytes.count
        while index < count {
            if quoted {
                // A quoted run is copied up to its next quotation mark at once.
                let quote = ASCIISearch.offset(of: UInt8(ascii: "\""), in: bytes, from: index, to: bytes.count)
                field.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<quote]))
                index = quote
                guard index < count else { break }
                if index + 1 < count {
                    if bytes[index + 1] == UInt8(ascii: "\"") {
                        field.append(UInt8(ascii: "\""))
                        index += 2
                    } else {
                        quoted = false
                        index += 1
                    }
                } else if atEnd {
                    quoted = false
                    index += 1
                } else {
                    // Whether the quotation mark is doubled is in the next block.
                    return nil
                }
                continue
            }
            // An unquoted run is copied up to its next special byte at once.
            var end = index
            while end < count {
                let byte = bytes[end]
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: ",") || byte == 0x0D || byte == 0x0A { break }
                end += 1
            }
            if end > index {
                field.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                index = end
                continue
            }
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""): quoted = true
            case UInt8(ascii: ","):
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                if let filter, fields.count == filter.column + 1, !filter.test(fields[filter.column]) {
                    guard let next = rowEnd(in: bytes, from: index, atEnd: atEnd) else { return nil }
                    return (nil, next)
                }
            case 0x0D: continue
            case 0x0A:
                fields.append(String(decoding: field, as: UTF8.self))
                return (fields, index)
            default: field.append(byte)
            }
        }
        guard atEnd, !fields.isEmpty || !field.isEmpty else { return nil }
        fields.append(String(decoding: field, as: UTF8.self))
        if let filter, fields.count == filter.column + 1, !filter.test(fields[filter.column]) { return (nil, count) }
        return (fields, count)
    }

    /// Where the row that goes on at `from` (outside quotes) ends: after its line feed, or at the
    /// end when `atEnd`; nil when the buffer ends first.
    private static func rowEnd(in bytes: UnsafeBufferPointer<UInt8>, from: Int, atEnd: Bool) -> Int? {
        var index = from
        var quoted = false
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            // A doubled quotation mark inside quotes toggles twice: the state comes out the same.
            if byte == UInt8(ascii: "\"") {
                quoted.toggle()
            } else if byte == 0x0A, !quoted {
                return index
            }
        }
        return atEnd ? bytes.count : nil
    }
}
