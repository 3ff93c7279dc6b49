extension BPEModel {
    /// Pieces with more symbols than this use the heap-based merge (O(n log n)) instead of the
    /// rescanning one (O(n²), faster for the short pieces that make up nearly all text).
    static let heapThreshold = 96

    /// The same merges as `applyMerges` — lowest rank first, leftmost among equal ranks — with a
    /// min-heap of `(rank << 32) | position` over a linked list of symbols, as `tokenizers`' `merge_all`
    /// does (entries whose pair has changed are skipped when popped).
    func applyMergesWithHeap(_ symbols: inout [Int32]) {
        let count = symbols.count
        var next = [Int32](0..<Int32(count)).map { $0 + 1 }
        var previous = [Int32](0..<Int32(count)).map { $0 - 1 }
        var alive = [Bool](repeating: true, count: count)
        var heap = MinHeap()
        func push(_ position: Int) {
            let right = Int(next[position])
            guard right < count, let value = merges[Self.pairKey(symbols[position], symbols[right])] else { return }
            heap.push((value & 0xFFFF_FFFF_0000_0000) | UInt64(position))
        }
        for position in 0..<(count - 1) { push(position) }
        while let key = heap.pop() {
            let position = Int(key & 0xFFFF_FFFF)
            let right = Int(next[position])
            guard alive[position], right < count,
                  let value = merges[Self.pairKey(symbols[position], symbols[right])],
                  value >> 32 == key >> 32 else { continue }
            symbols[position] = Int32(truncatingIfNeeded: value & 0xFFFF_FFFF)
            alive[right] = false
            next[position] = next[right]
            if Int(next[right]) < count { previous[Int(next[right])] = Int32(position) }
            if previous[position] >= 0 { push(Int(previous[position])) }
            push(position)
        }
        var result: [Int32] = []
        result.reserveCapacity(count)
        for index in 0..<count where alive[index] { result.append(symbols[index]) }
        symbols = result
    }
}

/// A binary min-heap of packed keys.
struct MinHeap {
    private var items: [UInt64] = []

    mutating func push(_ item: UInt64) {
        items.append(item)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard items[child] < items[parent] else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> UInt64? {
        guard let first = items.first else { return nil }
        let last = items.removeLast()
        guard !items.isEmpty else { return first }
        items[0] = last
        var parent = 0
        while true {
            let left = 2 * parent + 1
            guard left < items.count else { break }
            var best = left
            if left + 1 < items.count, items[left + 1] < items[left] { best = left + 1 }
            guard items[best] < items[parent] else { break }
            items.swapAt(best, parent)
            parent = best
        }
        return first
    }
}
