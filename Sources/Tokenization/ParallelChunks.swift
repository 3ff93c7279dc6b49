import Dispatch

/// Runs `body` over `count` items cut into `threads` contiguous chunks at once and returns the chunk
/// results in chunk order, so callers can combine them in one fixed order whatever the thread count.
enum ParallelChunks {
    /// Results of `body` for each chunk `0..<count` split evenly, in order.
    static func map<T: Sendable>(count: Int, threads: Int, _ body: @Sendable (Range<Int>) -> T) -> [T] {
        let chunks = max(1, min(threads, count))
        let ranges = (0..<chunks).map { index in
            (count * index / chunks)..<(count * (index + 1) / chunks)
        }
        if chunks == 1 { return [body(ranges[0])] }
        let slots = ResultSlots<T>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { index in
            slots.set(index, body(ranges[index]))
        }
        return slots.values()
    }
}

/// Write-once result slots filled from several threads, each slot by exactly one of them.
private final class ResultSlots<T: Sendable>: @unchecked Sendable {
    private var storage: [T?]

    init(count: Int) {
        storage = [T?](repeating: nil, count: count)
    }

    /// Stores the result of slot `index`; every index is written by one thread only, once.
    func set(_ index: Int, _ value: T) {
        storage.withUnsafeMutableBufferPointer { $0[index] = value }
    }

    func values() -> [T] {
        storage.compactMap { $0 }
    }
}
