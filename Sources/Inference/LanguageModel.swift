import Foundation
import Kernels
import Transformer

/// A loaded Llama model ready to generate and score: its weights as inference holds them
/// (`ModelWeights`: the config, tensor names and strict checks of `Transformer.LlamaModel`, projections
/// packed once into `PanelMatrix` panels, the only copy in memory) plus a `KVCache` per sequence.
///
/// A prompt (from an empty cache) and evaluation windows run as one forward pass over all their rows
/// (`ModelWeights+Forward.swift`); each later token runs the one-row decoding step
/// (`LanguageModel+Decode.swift`). Both do the training forward's operations in its order, so
/// prompt, generation, evaluation and training give the same bits on the same weights. Results do not
/// depend on `threads`: work is split over independent outputs only. Weights are never written after
/// loading, so one model serves many threads.
///
/// A block-quantized variant (`VariantLoader`: `model-q8_0.gguf`, `model-q4_0.gguf`) runs the same
/// forward and decoding step with `QuantizedMatrix`'s integer products instead, with the same
/// guarantees: prompt, decoding and scoring give the same bits, for any thread count.
public final class LanguageModel: @unchecked Sendable {
    /// The weights: float32 panels or block-quantized.
    enum Weights {
        case float(ModelWeights<PanelMatrix>)
        case quantized(ModelWeights<QuantizedMatrix>)
    }

    /// The model's shape and special tokens.
    public let config: LlamaConfig
    /// Worker threads used by each forward pass.
    public let threads: Int
    /// The storage types the weights were read from (e.g. `["BF16"]`, `["Q8_0"]`).
    public let storedDTypes: [String]
    let weights: Weights

    init(config: LlamaConfig, weights: Weights, threads: Int, storedDTypes: [String]) {
        self.config = config
        self.weights = weights
        self.threads = max(1, threads)
        self.storedDTypes = storedDTypes
    }

    /// A trained (or otherwise in-memory) model, its projections packed into inference's layout (a
    /// copy: `llama` keeps its own parameters).
    public convenience init(_ llama: LlamaModel, threads: Int) {
        self.init(config: llama.config, weights: .float(ModelWeights(llama)), threads: threads, storedDTypes: llama.storedDTypes)
    }

    /// Float32 weights (`ModelWeights+Float.swift`) read from `storedDTypes`.
    convenience init(float weights: ModelWeights<PanelMatrix>, threads: Int, storedDTypes: [String]) {
        self.init(config: weights.config, weights: .float(weights), threads: threads, storedDTypes: storedDTypes)
    }

    /// A block-quantized variant (`VariantLoader`).
    convenience init(quantized: ModelWeights<QuantizedMatrix>, format: String, threads: Int) {
        self.init(config: quantized.config, weights: .quantized(quantized), threads: threads, storedDTypes: [format])
    }

    /// Whether the products are integer (Q8_0 activations against Q8_0/Q4_0 weights).
    public var isQuantized: Bool {
        if case .quantized = weights { return true }
        return false
    }

    /// The same model (weights shared, not copied) running with `threads` worker threads.
    public func withThreads(_ threads: Int) -> LanguageModel {
        LanguageModel(config: config, weights: weights, threads: threads, storedDTypes: storedDTypes)
    }

    /// A fresh, empty cache for this model, holding `capacity` positions (default and at most: the
    /// context). Its size does not change any result, only the memory it takes.
    public func makeCache(capacity: Int? = nil) -> KVCache { KVCache(for: config, capacity: capacity) }

    /// Which positions' logits a forward pass returns.
    public enum LogitRows: Sendable {
        /// No logits (only fill the cache).
        case none
        /// The last new position only: `[vocab]`.
        case last
        /// Every new position: `[tokens.count, vocab]` row-major.
        case all
    }

    /// Runs `tokens` (the positions after the `cache.count` already cached) through the model, appends
    /// their keys and values to `cache`, and returns the requested logits. Several tokens on an empty
    /// cache go through the training forward in one pass; otherwise token by token through the decode
    /// path (the same bits either way).
    public func forward(_ tokens: [Int], cache: inout KVCache, logits rows: LogitRows) throws -> [Float] {
        try check(tokens)
        guard cache.count + tokens.count <= cache.capacity else {
            throw InferenceError.promptTooLong(tokens: cache.count + tokens.count, context: cache.capacity)
        }
        guard !tokens.isEmpty else { return [] }
        if cache.count == 0, tokens.count > 1 { return try prompt(tokens, cache: &cache, rows: rows) }
        var logits: [Float] = []
        for (i, token) in tokens.enumerated() {
            let wanted = rows == .all || (rows == .last && i == tokens.count - 1)
            switch weights {
            case let .float(w): logits += decodeStep(token, cache: &cache, logits: wanted, weights: w)
            case let .quantized(w): logits += decodeStep(token, cache: &cache, logits: wanted, weights: w)
            }
        }
        return logits
    }

    /// The prompt as one forward pass (`ModelWeights.logits`), its keys and values copied into the
    /// empty cache.
    private func prompt(_ tokens: [Int], cache: inout KVCache, rows: LogitRows) throws -> [Float] {
        let n = tokens.count, width = cache.width
        let wanted: [Int] = switch rows {
        case .none: []
        case .last: [n - 1]
        case .all: Array(0..<n)
        }
        let logits = try inferenceLogits(tokens: tokens, batch: 1, seqLen: n, rows: wanted) { layer, keys, values in
            cache.keys[layer].withUnsafeMutableBufferPointer { $0.baseAddress!.update(from: keys, count: n * width) }
            cache.values[layer].withUnsafeMutableBufferPointer { $0.baseAddress!.update(from: values, count: n * width) }
        }
        cache.advance(by: n)
        return logits
    }

    /// The forward pass of prompts and evaluation windows (`ModelWeights.logits`; tokens already
    /// checked, rows within the batch).
    func inferenceLogits(
        tokens: [Int], batch: Int, seqLen: Int, rows: [Int],
        keyValues: (Int, UnsafePointer<Float>, UnsafePointer<Float>) -> Void = { _, _, _ in }
    ) throws -> [Float] {
        switch weights {
        case let .float(w): w.logits(tokens: tokens, batch: batch, seqLen: seqLen, rows: rows, threads: threads, keyValues: keyValues)
        case let .quantized(w): w.logits(tokens: tokens, batch: batch, seqLen: seqLen, rows: rows, threads: threads, keyValues: keyValues)
        }
    }

    /// Throws `tokenOutOfRange` for the first id outside the vocabulary.
    func check(_ tokens: [Int]) throws {
        for id in tokens where id < 0 || id >= config.vocabSize {
            throw InferenceError.tokenOutOfRange(id: id, vocabularySize: config.vocabSize)
        }
    }
}
