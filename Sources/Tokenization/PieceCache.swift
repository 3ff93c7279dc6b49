/// A bounded cache of encoded pre-tokens (piece bytes → ids), owned by one encoding worker so that
/// no locking is needed; frequent words are merged once. Cleared when full, so results never depend on it.
struct PieceCache {
    private var entries: [[UInt8]: [Int]] = [:]
    /// Most entries kept before the cache is cleared.
    let capacity: Int
    /// Pieces longer than this (bytes) are not cached.
    static let longestCachedPiece = 64

    init(capacity: Int) {
        self.capacity = capacity
        if capacity > 0 { entries.reserveCapacity(min(capacity, 1 << 16)) }
    }

    /// Appends the ids of `piece` to `output`, from the cache or from `model`.
    mutating func encode(_ piece: UnsafeBufferPointer<UInt8>, model: BPEModel, into output: inout [Int]) {
        guard capacity > 0, piece.count <= Self.longestCachedPiece else {
            model.encodePiece(piece, into: &output)
            return
        }
        let key = Array(piece)
        if let cached = entries[key] {
            output.append(contentsOf: cached)
            return
        }
        var ids: [Int] = []
        model.encodePiece(piece, into: &ids)
        output.append(contentsOf: ids)
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        entries[key] = ids
    }
}
