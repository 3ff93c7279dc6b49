import Kernels
import Transformer

extension LanguageModel {
    /// One token at position `cache.count` through the model with the KV cache: the row
    /// `ModelWeights.logits` (and so the training forward, for float32 weights) computes for that
    /// position, operation for operation: embedding row; per layer `n = rmsnorm(x)`, q|k|v = W·n,
    /// RoPE, `DecodeAttention` (the row arithmetic of `Attention.attentionForward`), `x += o·attention`,
    /// `n = rmsnorm(x)`, `x += down·(silu(gate·n) ∘ up·n)`; final norm and head when `logits`. Products
    /// are one-row `InferenceMatrix` products (float32: `PanelMatrix`'s GEMV, one FMA chain per output as
    /// `Gemm`; quantized: Q8_0 activations); norms, RoPE and SwiGLU are the training kernels. Works in
    /// the cache's scratch buffers; returns `[vocab]` logits, or nothing.
    func decodeStep<Matrix>(_ token: Int, cache: inout KVCache, logits: Bool, weights w: ModelWeights<Matrix>) -> [Float] {
        let c = config, position = cache.count, s = cache.scratch, a = s.activations
        let (h, qw, kw, inter, eps) = (c.hiddenSize, c.queryWidth, c.keyValueWidth, c.intermediateSize, Float(c.rmsNormEps))
        let x = s.x.base
        w.embedding.row(token, into: x)
        for (l, layer) in w.layers.enumerated() {
            RMSNorm.rmsnormForward(out: s.normed.base, rstd: s.rstd.base, inp: x, weight: layer.inputNorm.base, rows: 1, cols: h, eps: eps, threads: 1)
            layer.qkv.product(s.normed.base, rows: 1, into: s.qkv.base, ldy: qw + 2 * kw, activations: a, threads: threads)
            let (q, k, v) = (s.qkv.base, s.qkv.base + qw, s.qkv.base + qw + kw)
            Rope.ropeForward(q, rows: 1, seqLen: 1, heads: c.numAttentionHeads, table: w.rope, positionOffset: position, threads: 1)
            Rope.ropeForward(k, rows: 1, seqLen: 1, heads: c.numKeyValueHeads, table: w.rope, positionOffset: position, threads: 1)
            cache.keys[l].withUnsafeMutableBufferPointer { $0.baseAddress!.advanced(by: position * kw).update(from: k, count: kw) }
            cache.values[l].withUnsafeMutableBufferPointer { $0.baseAddress!.advanced(by: position * kw).update(from: v, count: kw) }
            cache.keys[l].withUnsafeBufferPointer { keys in
                cache.values[l].withUnsafeBufferPointer { values in
                    DecodeAttention.run(
                        config: c, query: q, keys: keys.baseAddress!, values: values.baseAddress!, length: position + 1,
                        scores: s.scores.base, stride: cache.capacity, output: s.attention.base, threads: threads)
                }
            }
            layer.o.product(s.attention.base, rows: 1, into: s.projected.base, ldy: h, activations: a, threads: threads)
            for i in 0..<h { x[i] += s.projected.base[i] }
            RMSNorm.rmsnormForward(out: s.normed.base, rstd: s.rstd.base, inp: x, weight: layer.postNorm.base, rows: 1, cols: h, eps: eps, threads: 1)
            layer.gateUp.product(s.normed.base, rows: 1, into: s.gateUp.base, ldy: 2 * inter, activations: a, threads: threads)
            SwiGLU.swigluForward(out: s.hidden.base, gate: s.gateUp.base, up: s.gateUp.base + inter, count: inter, threads: 1)
            layer.down.product(s.hidden.base, rows: 1, into: s.projected.base, ldy: h, activations: a, threads: threads)
            for i in 0..<h { x[i] += s.projected.base[i] }
        }
        cache.advance(by: 1)
        guard logits else { return [] }
        return w.headLogits(x, rows: [0], normed: s.normed.base, rstd: s.rstd.base, activations: a, threads: threads)
    }
}
