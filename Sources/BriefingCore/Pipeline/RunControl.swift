// RunControl: a stop request (SIGTERM, SIGINT) noted by a signal handler and honoured by the run at
// safe points — between batches and before outputs are committed — so nothing is half-written.
import Synchronization

/// Stop requests for a running briefing.
public enum RunControl {
    private static let flag = Atomic<Bool>(false)

    /// Asks the run to stop at its next safe point (async-signal-safe).
    public static func requestStop() { flag.store(true, ordering: .relaxed) }

    /// True once a stop was requested.
    public static var stopRequested: Bool { flag.load(ordering: .relaxed) }
}
