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
public final class LanguageModel: @unchecked Sendable {
    /// The model (config, layout, fp32 parameters).
    public let llama: LlamaModel
    /// Worker threads used by each forward pass.
    public let threads: Int
    let decode: DecodeWeights

    init(llama: LlamaModel, decode: DecodeWeights, threads: Int) {
        self.llama = llama
        self.decode = decode
        self.threads = max(1, threads)
    }

    /// Wraps a loaded (or trained) model, laying its projections out for decoding.
    public convenience init(_ llama: LlamaModel, threads: Int) {
        self.init(llama: llama, decode: DecodeWeights(llama), threads: threads)
    }

    /// The model's shape and special tokens.
    public var config: LlamaConfig { llama.config }
    /// The storage types the checkpoint used before widening to float32 (e.g. `["BF16"]`).
    public var storedDTypes: [String] { llama.storedDTypes }

    /// The same model (weights shared, not copied) running with `threads` worker threads.
    public func withThreads(_ threads: Int) -> LanguageModel {
        LanguageModel(llama: llama, decode: decode, threads: threads)
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
            logits += decodeStep(token, cache: &cache, logits: wanted)
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
        let logits = try llama.inferenceLogits(
            tokens: tokens.map { Int32($0) }, batch: 1, seqLen: n, rows: wanted, threads: threads
        ) { layer, keys, values in
            cache.keys[layer].withUnsafeMutableBufferPointer { $0.baseAddress!.update(from: keys, count: n * width) }
            cache.values[layer].withUnsafeMutableBufferPointer { $0.baseAddress!.update(from: values, count: n * width) }
        }
        cache.advance(by: n)
        return logits
    }

    /// Throws `tokenOutOfRange` for the first id outside the vocabulary.
    func check(_ tokens: [Int]) throws {
        for id in tokens where id < 0 || id >= config.vocabSize {
            throw InferenceError.tokenOutOfRange(id: id, vocabularySize: config.vocabSize)
        }
    }
}
