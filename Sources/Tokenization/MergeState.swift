/// The mutable state of one training run: vocabulary so far, words as symbol ids, pair counts.
struct MergeState {
    let options: BPETrainerOptions
    /// Token strings by id (specials, then the byte alphabet by code point, then merges).
    private(set) var tokens: [String] = []
    private var ids: [String: Int32] = [:]
    /// Learned merges as id pairs, in order.
    private(set) var merges: [(Int32, Int32)] = []
    /// Distinct words (sorted by bytes, so indices never depend on hashing) as symbol ids.
    private var words: [[Int32]] = []
    /// Weighted count of each word.
    private var counts: [Int64] = []
    /// Weighted count of each adjacent pair, packed `(left << 32) | right`.
    private(set) var pairCounts: [UInt64: Int64] = [:]

    init(options: BPETrainerOptions, wordCounts: [[UInt8]: UInt64]) {
        self.options = options
        for token in options.specialTokens { addToken(token) }
        for byte in ByteLevelAlphabet.symbolsInTrainerOrder { addToken(ByteLevelAlphabet.symbol(for: byte)) }
        var byteIDs = [Int32](repeating: 0, count: 256)
        for byte in 0..<256 { byteIDs[byte] = ids[ByteLevelAlphabet.symbol(for: UInt8(byte))] ?? 0 }
        let sorted = wordCounts.sorted { $0.key.lexicographicallyPrecedes($1.key) }
        words = sorted.map { entry in entry.key.map { byteIDs[Int($0)] } }
        counts = sorted.map { Int64(clamping: $0.value) }
    }

    /// Number of distinct tokens so far.
    var vocabularyCount: Int { tokens.count }

    @discardableResult
    private mutating func addToken(_ token: String) -> Int32 {
        if let id = ids[token] { return id }
        let id = Int32(tokens.count)
        tokens.append(token)
        ids[token] = id
        return id
    }

    /// Counts all pairs (in parallel chunks of words, combined in chunk order) and fills the queue.
    mutating func initialQueue(threads: Int) -> MergeQueue {
        let words = self.words
        let counts = self.counts
        let partials = ParallelChunks.map(count: words.count, threads: threads) { range in
            var pairCounts: [UInt64: Int64] = [:]
            var positions: [UInt64: [Int32]] = [:]
            for index in range where words[index].count > 1 {
                let word = words[index]
                for offset in 0..<(word.count - 1) {
                    let pair = BPEModel.pairKey(word[offset], word[offset + 1])
                    pairCounts[pair, default: 0] += counts[index]
                    if positions[pair]?.last != Int32(index) { positions[pair, default: []].append(Int32(index)) }
                }
            }
            return Partial(pairCounts: pairCounts, positions: positions)
        }
        var positions: [UInt64: [Int32]] = [:]
        for partial in partials {
            pairCounts.merge(partial.pairCounts, uniquingKeysWith: +)
            positions.merge(partial.positions, uniquingKeysWith: +)
        }
        var queue = MergeQueue()
        for pair in positions.keys.sorted() {
            let count = pairCounts[pair] ?? 0
            if count > 0, let found = positions[pair] { queue.push(.init(count: count, pair: pair, positions: found)) }
        }
        return queue
    }

    private struct Partial: Sendable {
        var pairCounts: [UInt64: Int64]
        var positions: [UInt64: [Int32]]
    }

    /// Applies the merge `top` to every word that may hold it and queues the pairs it creates.
    mutating func merge(_ top: MergeQueue.Entry, into queue: inout MergeQueue) {
        let left = Int32(truncatingIfNeeded: top.pair >> 32)
        let right = Int32(truncatingIfNeeded: top.pair & 0xFFFF_FFFF)
        let newID = addToken(tokens[Int(left)] + tokens[Int(right)])
        merges.append((left, right))
        var created: [UInt64: [Int32]] = [:]
        var changes: [(UInt64, Int64)] = []
        for position in top.positions {
            let index = Int(position)
            changes.removeAll(keepingCapacity: true)
            WordMerge.apply(&words[index], left: left, right: right, replacement: newID, changes: &changes)
            for (pair, delta) in changes {
                pairCounts[pair, default: 0] += delta * counts[index]
                if delta > 0, created[pair]?.last != position { created[pair, default: []].append(position) }
            }
        }
        for pair in created.keys.sorted() {
            let count = pairCounts[pair] ?? 0
            if count > 0, let found = created[pair] { queue.push(.init(count: count, pair: pair, positions: found)) }
        }
    }

    /// The trained tokenizer.
    func tokenizer() throws -> BPETokenizer {
        var vocabulary: [String: Int] = [:]
        for (id, token) in tokens.enumerated() { vocabulary[token] = id }
        let rules = merges.map { MergeRule(tokens[Int($0.0)], tokens[Int($0.1)]) }
        let added = options.specialTokens.map { AddedToken(id: vocabulary[$0] ?? 0, content: $0, special: true) }
        var template = TokenTemplate()
        if let bos = options.bosToken, let id = vocabulary[bos] { template.before = [id] }
        var tokenizer = try BPETokenizer(vocabulary: vocabulary, merges: rules, addedTokens: added,
                                         preTokenizer: options.preTokenizer, template: template)
        tokenizer.bosToken = options.bosToken
        tokenizer.eosToken = options.eosToken
        return tokenizer
    }
}
