// FileSignature: the one definition of a file's signature — "size:mtime.nanoseconds:inode" — by
// which the store knows an unchanged article and a run knows an unchanged listing or output.
import Glibc

enum FileSignature {
    /// Appends the signature of the file `info` describes to `out`.
    static func append(_ info: stat, to out: inout [UInt8]) {
        CSVTable.appendInteger(Int(info.st_size), to: &out)
        out.append(UInt8(ascii: ":"))
        CSVTable.appendInteger(Int(info.st_mtim.tv_sec), to: &out)
        out.append(UInt8(ascii: "."))
        CSVTable.appendInteger(Int(info.st_mtim.tv_nsec), to: &out)
        out.append(UInt8(ascii: ":"))
        if info.st_ino <= UInt64(Int.max) {
            CSVTable.appendInteger(Int(info.st_ino), to: &out)
        } else {
            out.append(contentsOf: String(info.st_ino).utf8)
        }
    }

    /// The signature of the file `info` describes.
    static func text(_ info: stat) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(48)
        append(info, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The signature and size of the file at `path`, or nil when it cannot be read.
    static func of(_ path: String) -> (signature: String, size: Int)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (text(info), Int(info.st_size))
    }
}
