import Kernels
import Transformer

extension LanguageModel {
    /// One token at position `cache.count` through the model with the KV cache, the row the training
    /// forward computes for that position, operation for operation: embedding row; per layer
    /// `x += o(attention(rope(q(n)), rope(k(n)), v(n)))`, `n = rmsnorm(x)`, then
    /// `x += down(silu(gate(n)) ∘ up(n))`, `n = rmsnorm(x)`; final norm and head when `logits`.
    /// Linear layers are `PanelMatrix` products (one FMA chain per output, as `Gemm`; q|k|v and
    /// gate|up fused), attention is `DecodeAttention` (the row arithmetic of
    /// `Attention.attentionForward`); norms, RoPE and SwiGLU are the training kernels. Works in the
    /// cache's scratch buffers; returns `[vocab]` logits, or nothing.
    func decodeStep(_ token: Int, cache: inout KVCache, logits: Bool, llama: LlamaModel, decode: DecodeWeights) -> [Float] {
        let c = config, p = llama.parameters.base, layout = llama.layout, position = cache.count, s = cache.scratch
        let (h, qw, kw, eps, threads) = (c.hiddenSize, c.queryWidth, c.keyValueWidth, Float(c.rmsNormEps), threads)
        let x = s.x.base
        x.update(from: p + layout.embed + token * h, count: h)
        for (l, w) in layout.layers.enumerated() {
            let d = decode.layers[l]
            RMSNorm.rmsnormForward(out: s.normed.base, rstd: s.rstd.base, inp: x, weight: p + w.inputNorm, rows: 1, cols: h, eps: eps, threads: 1)
            d.qkv.multiply(s.normed.base, into: s.qkv.base, threads: threads)
            let (q, k, v) = (s.qkv.base, s.qkv.base + qw, s.qkv.base + qw + kw)
            Rope.ropeForward(q, rows: 1, seqLen: 1, heads: c.numAttentionHeads, table: llama.rope, positionOffset: position, threads: 1)
            Rope.ropeForward(k, rows: 1, seqLen: 1, heads: c.numKeyValueHeads, table: llama.rope, positionOffset: position, threads: 1)
            cache.keys[l].withUnsafeMutableBufferPointer { $0.baseAddress!.advanced(by: position * kw).update(from: k, count: kw) }
            cache.values[l].withUnsafeMutableBufferPointer { $0.baseAddress!.advanced(by: position * kw).update(from: v, count: kw) }
            cache.keys[l].withUnsafeBufferPointer { keys in
                cache.values[l].withUnsafeBufferPointer { values in
                    DecodeAttention.run(
                        config: c, query: q, keys: keys.baseAddress!, values: values.baseAddress!, length: position + 1,
                        scores: s.scores.base, stride: cache.capacity, output: s.attention.base, threads: threads)
                }
            }
            d.o.multiply(s.attention.base, into: s.projected.base, threads: threads)
            for i in 0..<h { x[i] += s.projected.base[i] }
            RMSNorm.rmsnormForward(out: s.normed.base, rstd: s.rstd.base, inp: x, weight: p + w.postNorm, rows: 1, cols: h, eps: eps, threads: 1)
            d.gateUp.multiply(s.normed.base, into: s.gateUp.base, threads: threads)
            SwiGLU.swigluForward(
                out: s.hidden.base, gate: s.gateUp.base, up: s.gateUp.base + c.intermediateSize, count: c.intermediateSize, threads: 1)
            d.down.multiply(s.hidden.base, into: s.projected.base, threads: threads)
            for i in 0..<h { x[i] += s.projected.base[i] }
        }
        cache.advance(by: 1)
        guard logits else { return [] }
        RMSNorm.rmsnormForward(out: s.normed.base, rstd: s.rstd.base, inp: x, weight: p + layout.finalNorm, rows: 1, cols: h, eps: eps, threads: 1)
        return [Float](unsafeUninitializedCapacity: c.vocabSize) { row, count in
            decode.head.multiply(s.normed.base, into: row.baseAddress!, threads: threads)
            count = c.vocabSize
        }
    }
}
