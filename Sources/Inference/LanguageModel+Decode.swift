import Kernels
import Transformer

extension LanguageModel {
    /// One token at position `cache.count` through the model with the KV cache, the row the training
    /// forward computes for that position, operation for operation: embedding row; per layer
    /// `x += o(attention(rope(q(n)), rope(k(n)), v(n)))`, `n = rmsnorm(x)`, then
    /// `x += down(silu(gate(n)) ∘ up(n))`, `n = rmsnorm(x)`; final norm and head when `logits`.
    /// Linear layers use `DecoderKernels` (one FMA chain per output, as `Gemm`), attention
    /// `DecodeAttention` (the row arithmetic of `Attention.attentionForward`); norms, RoPE and SwiGLU
    /// are the training kernels. Returns `[vocab]` logits, or nothing.
    func decodeStep(_ token: Int, cache: inout KVCache, logits: Bool) -> [Float] {
        let c = config, p = llama.parameters.base, layout = llama.layout, position = cache.count
        let (h, kw, eps) = (c.hiddenSize, c.keyValueWidth, Float(c.rmsNormEps))
        var x = Array(UnsafeBufferPointer(start: p + layout.embed + token * h, count: h))
        var normed = [Float](repeating: 0, count: h), projected = normed, rstd: [Float] = [0]
        var q = [Float](repeating: 0, count: c.queryWidth), attention = q
        var k = [Float](repeating: 0, count: kw), v = k
        var gate = [Float](repeating: 0, count: c.intermediateSize), up = gate, hidden = gate
        for (l, w) in layout.layers.enumerated() {
            let d = decode.layers[l]
            RMSNorm.rmsnormForward(out: &normed, rstd: &rstd, inp: x, weight: p + w.inputNorm, rows: 1, cols: h, eps: eps, threads: 1)
            project(normed, d.q, into: &q)
            project(normed, d.k, into: &k)
            project(normed, d.v, into: &v)
            Rope.ropeForward(&q, rows: 1, seqLen: 1, heads: c.numAttentionHeads, table: llama.rope, positionOffset: position, threads: 1)
            Rope.ropeForward(&k, rows: 1, seqLen: 1, heads: c.numKeyValueHeads, table: llama.rope, positionOffset: position, threads: 1)
            cache.keys[l].replaceSubrange(position * kw..<(position + 1) * kw, with: k)
            cache.values[l].replaceSubrange(position * kw..<(position + 1) * kw, with: v)
            attend(q, keys: cache.keys[l], values: cache.values[l], length: position + 1, into: &attention)
            project(attention, d.o, into: &projected)
            for i in 0..<h { x[i] += projected[i] }
            RMSNorm.rmsnormForward(out: &normed, rstd: &rstd, inp: x, weight: p + w.postNorm, rows: 1, cols: h, eps: eps, threads: 1)
            project(normed, d.gate, into: &gate)
            project(normed, d.up, into: &up)
            SwiGLU.swigluForward(out: &hidden, gate: gate, up: up, count: hidden.count, threads: 1)
            project(hidden, d.down, into: &projected)
            for i in 0..<h { x[i] += projected[i] }
        }
        cache.advance(by: 1)
        guard logits else { return [] }
        RMSNorm.rmsnormForward(out: &normed, rstd: &rstd, inp: x, weight: p + layout.finalNorm, rows: 1, cols: h, eps: eps, threads: 1)
        var row = [Float](repeating: 0, count: c.vocabSize)
        project(normed, decode.head, into: &row)
        return row
    }

    /// `y = x · Wᵀ` for one row, with W transposed at load (`[x.count, y.count]`).
    private func project(_ x: [Float], _ weight: [Float], into y: inout [Float]) {
        DecoderKernels.linear(x, rows: 1, inFeatures: x.count, weight: weight, outFeatures: y.count, into: &y, threads: threads)
    }

    private func attend(_ q: [Float], keys: [Float], values: [Float], length: Int, into out: inout [Float]) {
        let c = config, threads = threads
        q.withUnsafeBufferPointer { qb in
            keys.withUnsafeBufferPointer { kb in
                values.withUnsafeBufferPointer { vb in
                    out.withUnsafeMutableBufferPointer { ob in
                        DecodeAttention.run(
                            config: c, query: qb.baseAddress!, keys: kb.baseAddress!, values: vb.baseAddress!,
                            length: length, output: ob.baseAddress!, threads: threads)
                    }
                }
            }
        }
    }
}
