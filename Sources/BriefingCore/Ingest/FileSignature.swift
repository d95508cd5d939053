// FileSignature: the one definition of a file's signature — "size:mtime.nanoseconds:inode" — by
// which the store knows an unchanged article and a run knows an unchanged listing or output.
import Glibc

enum FileSignature {
    /// What of a file's status the signature is made of (a `stat` is 144 bytes).
    struct Status: Sendable {
        var size: Int
        var seconds: Int
        var nanoseconds: Int
        var inode: UInt64

        init(_ info: stat) {
            size = Int(info.st_size)
            seconds = Int(info.st_mtim.tv_sec)
            nanoseconds = Int(info.st_mtim.tv_nsec)
            inode = UInt64(info.st_ino)
        }

        /// The status of the file at `path`, or nil when it cannot be read.
        static func of(_ path: String) -> Status? {
            var info = stat()
            return stat(path, &info) == 0 ? Status(info) : nil
        }
    }

    /// Appends the signature of the file `info` describes to `out`.
    static func append(_ info: stat, to out: inout [UInt8]) { append(Status(info), to: &out) }

    /// Appends the signature of a file of status `status` to `out`.
    static func append(_ status: Status, to out: inout [UInt8]) {
        CSVTable.appendInteger(status.size, to: &out)
        out.append(UInt8(ascii: ":"))
        CSVTable.appendInteger(status.seconds, to: &out)
        out.append(UInt8(ascii: "."))
        CSVTable.appendInteger(status.nanoseconds, to: &out)
        out.append(UInt8(ascii: ":"))
        if status.inode <= UInt64(Int.max) {
            CSVTable.appendInteger(Int(status.inode), to: &out)
        } else {
            out.append(contentsOf: String(status.inode).utf8)
        }
    }

    /// The signature of the file `info` describes.
    static func text(_ info: stat) -> String { text(Status(info)) }

    /// The signature of a file of status `status`.
    static func text(_ status: Status) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(48)
        append(status, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The signature and size of the file at `path`, or nil when it cannot be read.
    static func of(_ path: String) -> (signature: String, size: Int)? {
        Status.of(path).map { (text($0), $0.size) }
    }
}
