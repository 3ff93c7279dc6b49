/// The compiled form of a byte-level BPE vocabulary: byte symbols, a merge table keyed by id pairs,
/// and the bytes of every id. Applying merges follows `tokenizers`: repeatedly merge the adjacent
/// pair of lowest rank, leftmost first, until no adjacent pair has a merge.
struct BPEModel: Sendable {
    /// Vocabulary id of each byte's symbol, or -1 when the vocabulary lacks it (such bytes are dropped,
    /// as `tokenizers` drops characters outside a vocabulary without `unk_token`).
    let byteIDs: [Int32]
    /// Packed pair `(left << 32) | right` → packed `(rank << 32) | mergedID`.
    let merges: [UInt64: UInt64]
    /// Whole-piece lookup used when `ignore_merges` is set (bytes → id).
    let wholePieces: [[UInt8]: Int32]

    /// Sentinel for "no merge" in rank arrays.
    static let noMerge = UInt64.max

    @inline(__always)
    static func pairKey(_ left: Int32, _ right: Int32) -> UInt64 {
        (UInt64(UInt32(bitPattern: left)) << 32) | UInt64(UInt32(bitPattern: right))
    }

    /// Appends the ids of one pre-tokenised piece (its UTF-8 bytes) to `output`.
    func encodePiece(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [Int]) {
        if !wholePieces.isEmpty, let id = wholePieces[Array(bytes)] {
            output.append(Int(id))
            return
        }
        var symbols: [Int32] = []
        symbols.reserveCapacity(bytes.count)
        for byte in bytes {
            let id = byteIDs[Int(byte)]
            if id >= 0 { symbols.append(id) }
        }
        applyMerges(&symbols)
        for symbol in symbols { output.append(Int(symbol)) }
    }

    /// Merges `symbols` in place: lowest rank first, leftmost among equal ranks.
    func applyMerges(_ symbols: inout [Int32]) {
        guard symbols.count > 1 else { return }
        if symbols.count > Self.heapThreshold {
            applyMergesWithHeap(&symbols)
            return
        }
        var ranks = [UInt64](repeating: Self.noMerge, count: symbols.count - 1)
        for index in 0..<(symbols.count - 1) {
            ranks[index] = merges[Self.pairKey(symbols[index], symbols[index + 1])] ?? Self.noMerge
        }
        while !ranks.isEmpty {
            var best = 0
            var bestValue = ranks[0]
            for index in 1..<ranks.count where ranks[index] < bestValue {
                best = index
                bestValue = ranks[index]
            }
            if bestValue == Self.noMerge { return }
            symbols[best] = Int32(truncatingIfNeeded: bestValue & 0xFFFF_FFFF)
            symbols.remove(at: best + 1)
            ranks.remove(at: best)
            if best > 0 {
                ranks[best - 1] = merges[Self.pairKey(symbols[best - 1], symbols[best])] ?? Self.noMerge
            }
            if best < ranks.count {
                ranks[best] = merges[Self.pairKey(symbols[best], symbols[best + 1])] ?? Self.noMerge
            }
        }
    }
}
