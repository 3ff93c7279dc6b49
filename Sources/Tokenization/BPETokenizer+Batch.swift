extension BPETokenizer {
    /// The ids of each text, computed on `threads` threads (contiguous chunks, one pre-token cache per
    /// thread); the result is identical to calling `encode` on each text.
    public func encodeBatch(_ texts: [String], threads: Int = 1, addSpecialTokens: Bool = false,
                            cacheCapacity: Int = BPETokenizer.defaultCacheCapacity) -> [[Int]] {
        let chunks = ParallelChunks.map(count: texts.count, threads: max(1, threads)) { range in
            var cache = PieceCache(capacity: cacheCapacity)
            return texts[range].map { text in
                var copy = text
                return copy.withUTF8 { encode(utf8: $0, addSpecialTokens: addSpecialTokens, cache: &cache) }
            }
        }
        return Array(chunks.joined())
    }
}
