/// Which micro-batches of an update each rank computes: contiguous blocks in index order, the first
/// `total % ranks` ranks taking one more (10 over 4 ranks: 0–2, 3–5, 6–7, 8–9). Ranks beyond `total`
/// get none and only pass the running gradient sum on. Contiguous blocks let the sum travel once
/// through the ranks in rank order and still be added in micro-batch order.
public struct MicroBatchPartition: Sendable, Equatable {
    /// Micro-batches per update (`gradient_accumulation_steps`).
    public let total: Int
    /// Number of ranks.
    public let ranks: Int

    /// A partition of `total` micro-batches over `ranks` ranks (both at least 1).
    public init(total: Int, ranks: Int) {
        self.total = max(1, total)
        self.ranks = max(1, ranks)
    }

    /// The micro-batch indices of `rank`.
    public func range(of rank: Int) -> Range<Int> {
        let base = total / ranks, extra = total % ranks
        let start = rank * base + min(rank, extra)
        return start..<(start + base + (rank < extra ? 1 : 0))
    }
}
