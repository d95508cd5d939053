@testable import BriefingCore
import Foundation
import Glibc
import Testing

@Suite("Ingest: reading ahead")
struct ReadAheadTests {
    /// Advice never blocks nor fails: a FIFO (which an ordinary open would wait on), a missing
    /// file and a folder are passed over; a regular file is advised and reads the same after.
    @Test func adviceNeverBlocksOnFIFOsOrMissingFiles() throws {
        let folder = try Repo.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let article = folder.appendingPathComponent("a.txt")
        try Data("Text of the article.\n".utf8).write(to: article)
        let fifo = folder.appendingPathComponent("pipe.txt").path
        try #require(mkfifo(fifo, 0o600) == 0)
        let done = DispatchSemaphore(value: 0)
        let paths = [article.path, fifo, folder.appendingPathComponent("missing.txt").path, folder.path]
        DispatchQueue.global().async {
            ReadAhead.advise(paths)
            done.signal()
        }
        #expect(done.wait(timeout: .now() + 10) == .success)
        #expect(try String(contentsOf: article, encoding: .utf8) == "Text of the article.\n")
    }
}

@Suite("Ingest: file signatures")
struct FileSignatureTests {
    /// The signature is "size:mtime.nanoseconds:inode", written as decimal numbers.
    @Test func signatureIsSizeModificationTimeAndInode() throws {
        let folder = try Repo.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("a.txt")
        try Data("twelve bytes".utf8).write(to: file)
        var info = stat()
        try #require(stat(file.path, &info) == 0)
        let expected = "\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec):\(info.st_ino)"
        #expect(FileSignature.text(info) == expected)
        #expect(FileSignature.of(file.path)?.signature == expected)
        #expect(FileSignature.of(file.path)?.size == 12)
        #expect(FileSignature.of(folder.appendingPathComponent("missing").path) == nil)
    }
}
