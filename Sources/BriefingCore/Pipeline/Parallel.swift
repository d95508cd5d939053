// Parallel: maps independent work items on all cores, keeping the input order in the output.
import Dispatch
import Foundation

/// Order-preserving parallel map over independent items.
enum Parallel {
    /// Applies `transform` to every item on all cores; results come back in input order.
    static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        let storage = ResultSlots<R>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            storage.set(index, transform(items[index]))
        }
        return storage.values()
    }
}

/// Slots written once each from concurrent workers, under a lock.
private final class ResultSlots<R: Sendable>: @unchecked Sendable {
    private var slots: [R?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: R) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    /// The values, moved out of their slots (a copy would retain every field of every result
    /// only for the slots to release them).
    func values() -> [R] {
        lock.lock()
        defer { lock.unlock() }
        var values: [R] = []
        values.reserveCapacity(slots.count)
        for index in slots.indices {
            if let value = slots[index].take() { values.append(value) }
        }
        return values
    }
}
