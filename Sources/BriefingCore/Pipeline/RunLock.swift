// RunLock: one run per output folder at a time — an exclusive, non-blocking flock on
// `<out>/.briefing.lock`, released when the process ends (even when killed).
import BriefingModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Holds the lock of an output folder for the life of the object.
final class RunLock: Sendable {
    private let descriptor: Int32

    /// Takes the lock or throws `.locked` (exit 75) at once.
    init(folder: URL) throws(BriefingError) {
        let path = folder.appendingPathComponent(".briefing.lock").path
        let descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw .outputUnwritable(path: path, reason: String(cString: strerror(errno)))
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw .locked(path: folder.path)
        }
        self.descriptor = descriptor
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
