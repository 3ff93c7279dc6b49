import Foundation
import Kernels
import Transformer

/// A loaded Llama model ready to generate and score: `Transformer.LlamaModel` (the one config, tensor
/// layout, loader and forward of Glassbox) plus what decoding needs — a `KVCache` and the one-token
/// path of `LanguageModel+Decode.swift` over weights laid out for it (`DecodeWeights`).
///
/// A prompt (from an empty cache) and evaluation windows run through the training forward itself
/// (`LlamaModel.inferenceLogits`); each later token runs the decode path, whose every operation is
/// the training forward's for that row, so prompt, generation, evaluation and training give the same
/// bits on the same weights. Results do not depend on `threads`: work is split over independent
/// outputs only. Weights are never written after loading, so one model serves many threads.
///
/// A block-quantized variant (`VariantLoader`: `model-q8_0.gguf`, `model-q4_0.gguf`) runs the same
/// operations with `QuantizedWeights`' integer products instead (prompt and windows:
/// `QuantizedWeights+Forward.swift`; each later token: `LanguageModel+QuantizedDecode.swift`), with the
/// same guarantees: prompt, decoding and scoring give the same bits, for any thread count.
public final class LanguageModel: @unchecked Sendable {
    /// The weights: float32 (`LlamaModel` plus its decode layout) or block-quantized.
    enum Weights {
        case float(LlamaModel, DecodeWeights)
        case quantized(QuantizedWeights)
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

    /// Wraps a loaded (or trained) model, laying its projections out for decoding.
    public convenience init(_ llama: LlamaModel, threads: Int) {
        self.init(llama, threads: threads, storedDTypes: llama.storedDTypes)
    }

    convenience init(_ llama: LlamaModel, threads: Int, storedDTypes: [String]) {
        self.init(config: llama.config, weights: .float(llama, DecodeWeights(llama)), threads: threads, storedDTypes: storedDTypes)
    }

    /// A block-quantized variant (`VariantLoader`).
    convenience init(quantized: QuantizedWeights, threads: Int) {
        self.init(config: quantized.config, weights: .quantized(quantized), threads: threads, storedDTypes: [quantized.format.rawValue.uppercased()])
    }

    /// The float32 model (config, layout, parameters); nil for a block-quantized variant.
    public var llama: LlamaModel? {
        if case let .float(llama, _) = weights { return llama }
        return nil
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

    /// A fresh, empty cache for this model.
    public func makeCache() -> KVCache { KVCache(for: config) }

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
            case let .float(llama, decode): logits += decodeStep(token, cache: &cache, logits: wanted, llama: llama, decode: decode)
            case let .quantized(q): logits += quantizedDecodeStep(token, cache: &cache, logits: wanted, weights: q)
            }
        }
        return logits
    }

    /// The prompt through the training forward (`LlamaModel.inferenceLogits`), its keys and values
    /// copied into the empty cache.
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

    /// The forward pass of prompts and evaluation windows: `LlamaModel.inferenceLogits` for float
    /// weights, `QuantizedWeights.logits` for quantized ones (tokens already checked).
    func inferenceLogits(
        tokens: [Int], batch: Int, seqLen: Int, rows: [Int],
        keyValues: (Int, UnsafePointer<Float>, UnsafePointer<Float>) -> Void = { _, _, _ in }
    ) throws -> [Float] {
        switch weights {
        case let .float(llama, _):
            return try llama.inferenceLogits(
                tokens: tokens.map { Int32($0) }, batch: batch, seqLen: seqLen, rows: rows, threads: threads, keyValues: keyValues)
        case let .quantized(q):
            return q.logits(tokens: tokens, batch: batch, seqLen: seqLen, rows: rows, threads: threads, keyValues: keyValues)
        }
    }

    /// Throws `tokenOutOfRange` for the first id outside the vocabulary.
    func check(_ tokens: [Int]) throws {
        for id in tokens where id < 0 || id >= config.vocabSize {
            throw InferenceError.tokenOutOfRange(id: id, vocabularySize: config.vocabSize)
        }
    }
}
