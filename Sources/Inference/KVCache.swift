import Transformer

/// The keys and values of every position seen so far, per layer: `[capacity, kvHeads · headDim]`
/// row-major, keys already rotated. One cache belongs to one sequence; `count` positions are filled.
public struct KVCache: Sendable {
    /// Positions filled.
    public private(set) var count: Int
    /// Positions that fit (the model's context length).
    public let capacity: Int
    /// Width of one position's keys (or values) in one layer.
    let width: Int
    /// `keys[layer]`, `[capacity, width]`.
    var keys: [[Float]]
    /// `values[layer]`, `[capacity, width]`.
    var values: [[Float]]
    /// The decode path's work buffers (replaced, not shared, when a copied cache decodes).
    private var scratchStorage: DecodeScratch
    private let config: LlamaConfig

    /// An empty cache for `config`, holding at most `capacity` positions (default: the context).
    public init(for config: LlamaConfig, capacity: Int? = nil) {
        self.capacity = min(capacity ?? config.maxPositionEmbeddings, config.maxPositionEmbeddings)
        width = config.keyValueWidth
        count = 0
        let layer = [Float](repeating: 0, count: self.capacity * width)
        keys = Array(repeating: layer, count: config.numHiddenLayers)
        values = keys
        self.config = config
        scratchStorage = DecodeScratch(config: config, capacity: self.capacity)
    }

    /// This cache's own work buffers (a copy of the cache gets fresh ones before it decodes).
    var scratch: DecodeScratch {
        mutating get {
            if !isKnownUniquelyReferenced(&scratchStorage) { scratchStorage = DecodeScratch(config: config, capacity: capacity) }
            return scratchStorage
        }
    }

    /// Forgets every position (the buffers are kept).
    public mutating func reset() { count = 0 }

    /// Marks `n` more positions as filled (after a forward pass wrote them).
    mutating func advance(by n: Int) { count += n }
}
