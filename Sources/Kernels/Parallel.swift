import Dispatch

/// A raw Float pointer that may cross into worker threads. Kernels hand workers disjoint output
/// ranges, so no two threads ever write the same element.
public struct SharedPointer: @unchecked Sendable {
    /// The wrapped address.
    public let base: UnsafeMutablePointer<Float>

    /// Wraps a mutable pointer.
    public init(_ base: UnsafeMutablePointer<Float>) { self.base = base }

    /// Wraps a read-only pointer (the kernels never write through it).
    public init(_ base: UnsafePointer<Float>) { self.base = UnsafeMutablePointer(mutating: base) }
}

/// Deterministic work splitting: `count` independent items cut into at most `threads` contiguous
/// chunks. Which thread computes an item never changes the item's result (each output is produced by
/// one thread in a fixed order), so results are identical for any thread count.
public enum Parallel {
    /// Runs `body` over `0..<count` split into contiguous chunks, one per thread (at most `threads`).
    public static func forEachChunk(
        _ count: Int, threads: Int, _ body: @escaping @Sendable (Range<Int>) -> Void
    ) {
        guard count > 0 else { return }
        let t = max(1, min(threads, count))
        if t == 1 {
            body(0..<count)
            return
        }
        DispatchQueue.concurrentPerform(iterations: t) { index in
            body(chunk(index, of: t, count: count))
        }
    }

    /// The `index`-th of `parts` contiguous, nearly equal chunks of `0..<count`.
    public static func chunk(_ index: Int, of parts: Int, count: Int) -> Range<Int> {
        let base = count / parts
        let extra = count % parts
        let start = index * base + min(index, extra)
        return start..<(start + base + (index < extra ? 1 : 0))
    }
}
