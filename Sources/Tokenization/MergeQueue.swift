/// The trainer's priority queue of candidate merges, ordered as `tokenizers`' BpeTrainer orders them:
/// highest count first, then the smallest pair of ids `(left, right)`.
struct MergeQueue {
    struct Entry {
        var count: Int64
        var pair: UInt64
        /// Indices of the words that may contain the pair (ascending, no repeats).
        var positions: [Int32]
    }

    private var heap: [Entry] = []

    var isEmpty: Bool { heap.isEmpty }

    @inline(__always)
    private static func before(_ a: Entry, _ b: Entry) -> Bool {
        a.count != b.count ? a.count > b.count : a.pair < b.pair
    }

    mutating func push(_ entry: Entry) {
        heap.append(entry)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.before(heap[child], heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> Entry? {
        guard !heap.isEmpty else { return nil }
        heap.swapAt(0, heap.count - 1)
        let top = heap.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1
            guard left < heap.count else { break }
            var best = left
            if left + 1 < heap.count, Self.before(heap[left + 1], heap[left]) { best = left + 1 }
            guard Self.before(heap[best], heap[parent]) else { break }
            heap.swapAt(best, parent)
            parent = best
        }
        return top
    }
}
