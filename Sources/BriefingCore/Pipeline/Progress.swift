// Progress: "documents done / total, rate, time left" on stderr — only when stderr is a terminal.
import Foundation

/// A thread-safe progress line.
final class Progress: @unchecked Sendable {
    private let total: Int
    private let enabled: Bool
    private let lock = NSLock()
    private var done = 0
    private var lastPrint = DispatchTime.now().uptimeNanoseconds
    private let start = DispatchTime.now().uptimeNanoseconds

    init(total: Int, enabled: Bool) {
        self.total = total
        self.enabled = enabled && isatty(2) == 1
    }

    func advance(by count: Int = 1) {
        guard enabled else { return }
        lock.lock()
        done += count
        let now = DispatchTime.now().uptimeNanoseconds
        let shouldPrint = now - lastPrint > 200_000_000 || done == total
        if shouldPrint { lastPrint = now }
        let snapshot = done
        lock.unlock()
        guard shouldPrint else { return }
        let seconds = Double(now - start) / 1e9
        let rate = seconds > 0 ? Double(snapshot) / seconds : 0
        let left = rate > 0 ? Double(total - snapshot) / rate : 0
        let line = "\r  \(snapshot)/\(total) files  \(Int(rate)) files/s  ~\(Int(left.rounded())) s left   "
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
