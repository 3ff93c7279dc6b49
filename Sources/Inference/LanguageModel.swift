import Foundation
import Kernels

/// A loaded Llama model in float32, ready to run forward passes with a `KVCache`.
///
/// The forward pass reads like the maths of `LlamaForCausalLM` (transformers): embedding; per layer
/// `x += o_proj(attention(rope(q_proj(n)), rope(k_proj(n)), v_proj(n)))` with `n = rmsnorm(x)`, then
/// `x += down_proj(silu(gate_proj(n)) · up_proj(n))` with `n = rmsnorm(x)`; final RMSNorm; output head.
/// Results do not depend on `threads`: work is split over independent outputs only.
public final class LanguageModel: Sendable {
    /// The model's shape and constants.
    public let configuration: ModelConfiguration
    /// Worker threads used by each forward pass.
    public let threads: Int
    /// The storage types the checkpoint used before widening to float32 (e.g. `["BF16"]`).
    public let storedDTypes: [String]
    let weights: ModelWeights
    let rope: RopeTable

    init(configuration: ModelConfiguration, weights: ModelWeights, threads: Int, storedDTypes: [String]) {
        self.configuration = configuration
        self.weights = weights
        self.threads = max(1, threads)
        self.storedDTypes = storedDTypes
        rope = RopeTable(
            headDim: configuration.headDimension, maxPositions: configuration.contextLength,
            theta: configuration.ropeTheta)
    }

    /// The same model (weights shared, not copied) running with `threads` worker threads.
    public func withThreads(_ threads: Int) -> LanguageModel {
        LanguageModel(configuration: configuration, weights: weights, threads: threads, storedDTypes: storedDTypes)
    }

    /// A fresh, empty cache for this model.
    public func makeCache() -> KVCache { KVCache(for: configuration) }

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
    /// their keys and values to `cache`, and returns the requested logits.
    public func forward(_ tokens: [Int], cache: inout KVCache, logits rows: LogitRows) throws -> [Float] {
        let c = configuration
        for id in tokens where id < 0 || id >= c.vocabularySize {
            throw InferenceError.tokenOutOfRange(id: id, vocabularySize: c.vocabularySize)
        }
        guard cache.count + tokens.count <= cache.capacity else {
            throw InferenceError.promptTooLong(tokens: cache.count + tokens.count, context: cache.capacity)
        }
        guard !tokens.isEmpty else { return [] }
        var x = embed(tokens)
        var scratch = ForwardScratch(rows: tokens.count, configuration: c)
        for layer in 0..<c.layerCount {
            attentionBlock(layer, &x, cache: &cache, scratch: &scratch)
            feedForwardBlock(layer, &x, scratch: &scratch)
        }
        cache.advance(by: tokens.count)
        switch rows {
        case .none: return []
        case .last: return head(Array(x[(tokens.count - 1) * c.hiddenSize..<tokens.count * c.hiddenSize]), rows: 1)
        case .all: return head(x, rows: tokens.count)
        }
    }

    /// Rows of the token embedding.
    func embed(_ tokens: [Int]) -> [Float] {
        let h = configuration.hiddenSize
        var x = [Float](repeating: 0, count: tokens.count * h)
        for (t, id) in tokens.enumerated() {
            x.replaceSubrange(t * h..<(t + 1) * h, with: weights.embedding[id * h..<(id + 1) * h])
        }
        return x
    }

    /// Final RMSNorm and output head of `rows` rows of `x`: `[rows, vocab]`.
    func head(_ x: [Float], rows: Int) -> [Float] {
        let c = configuration
        var normed = [Float](repeating: 0, count: x.count)
        var rstd = [Float](repeating: 0, count: rows)
        RMSNorm.rmsnormForward(
            out: &normed, rstd: &rstd, inp: x, weight: weights.finalNorm, rows: rows, cols: c.hiddenSize,
            eps: c.rmsNormEpsilon, threads: 1)
        var logits = [Float](repeating: 0, count: rows * c.vocabularySize)
        let matrix = weights.outputHead
        DecoderKernels.linear(
            normed, rows: rows, inFeatures: c.hiddenSize, weight: matrix, outFeatures: c.vocabularySize,
            into: &logits, threads: threads)
        return logits
    }
}
