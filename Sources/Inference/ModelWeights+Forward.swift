import Kernels
import Transformer

extension ModelWeights {
    /// Logits `[rows.count, V]` of the rows `rows` (indices into the B·T rows) of a forward pass over
    /// `tokens[B·T]` — the operations of the training forward (`LlamaModel.forwardToFinalNorm`), each row
    /// exactly as `LanguageModel.decodeStep` computes it: embedding row; per layer `n = rmsnorm(x)`,
    /// q|k|v = W·n, RoPE, `keyValues(l, k, v)` (the prompt's KV cache), attention
    /// (`Attention.attentionForward`, the row arithmetic of `DecodeAttention`), `x += o·attention`,
    /// `n = rmsnorm(x)`, `x += down·(silu(gate·n) ∘ up·n)`; final norm and head on the requested rows.
    /// Float32 products have the training forward's bits (`PanelMatrix`: `Gemm`'s FMA chains);
    /// block-quantized ones quantize their input rows to Q8_0 first. Every product output is one
    /// thread's dot product, so the bits do not depend on `threads` nor on the other rows of the batch.
    func logits(
        tokens: [Int], batch: Int, seqLen: Int, rows wanted: [Int], threads: Int,
        keyValues: (Int, UnsafePointer<Float>, UnsafePointer<Float>) -> Void = { _, _, _ in }
    ) -> [Float] {
        let c = config, n = batch * seqLen
        let (h, inter, qw, kw, eps) = (c.hiddenSize, c.intermediateSize, c.queryWidth, c.keyValueWidth, Float(c.rmsNormEps))
        let width = qw + 2 * kw
        let x = FloatBuffer(count: n * h), normed = FloatBuffer(count: n * h), rstd = FloatBuffer(count: n)
        let qkv = FloatBuffer(count: n * width), q = FloatBuffer(count: n * qw), k = FloatBuffer(count: n * kw)
        let v = FloatBuffer(count: n * kw), attention = FloatBuffer(count: n * qw), projected = FloatBuffer(count: n * h)
        let gateUp = FloatBuffer(count: n * 2 * inter), hidden = FloatBuffer(count: n * inter)
        let (rowMax, rowSum) = (FloatBuffer(count: n * c.numAttentionHeads), FloatBuffer(count: n * c.numAttentionHeads))
        let a = QuantizedActivations(rows: Matrix.quantizesInput ? n : 1, k: Matrix.quantizesInput ? widestInput : 32)
        let shape = AttentionShape(batch: batch, seqLen: seqLen, heads: c.numAttentionHeads, kvHeads: c.numKeyValueHeads, headDim: c.headDim)
        for (r, token) in tokens.enumerated() { embedding.row(token, into: x.base + r * h) }
        for (l, layer) in layers.enumerated() {
            RMSNorm.rmsnormForward(out: normed.base, rstd: rstd.base, inp: x.base, weight: layer.inputNorm.base, rows: n, cols: h, eps: eps, threads: threads)
            layer.qkv.product(normed.base, rows: n, into: qkv.base, ldy: width, activations: a, threads: threads)
            for r in 0..<n {
                let row = qkv.base + r * width
                (q.base + r * qw).update(from: row, count: qw)
                (k.base + r * kw).update(from: row + qw, count: kw)
                (v.base + r * kw).update(from: row + qw + kw, count: kw)
            }
            Rope.ropeForward(q.base, rows: n, seqLen: seqLen, heads: c.numAttentionHeads, table: rope, threads: threads)
            Rope.ropeForward(k.base, rows: n, seqLen: seqLen, heads: c.numKeyValueHeads, table: rope, threads: threads)
            keyValues(l, k.base, v.base)
            Attention.attentionForward(
                out: attention.base, rowMax: rowMax.base, rowSum: rowSum.base, q: q.base, k: k.base, v: v.base, shape: shape, threads: threads)
            layer.o.product(attention.base, rows: n, into: projected.base, ldy: h, activations: a, threads: threads)
            for e in 0..<n * h { x.base[e] += projected.base[e] }
            RMSNorm.rmsnormForward(out: normed.base, rstd: rstd.base, inp: x.base, weight: layer.postNorm.base, rows: n, cols: h, eps: eps, threads: threads)
            layer.gateUp.product(normed.base, rows: n, into: gateUp.base, ldy: 2 * inter, activations: a, threads: threads)
            for r in 0..<n {
                let row = gateUp.base + r * 2 * inter
                SwiGLU.swigluForward(out: hidden.base + r * inter, gate: row, up: row + inter, count: inter, threads: 1)
            }
            layer.down.product(hidden.base, rows: n, into: projected.base, ldy: h, activations: a, threads: threads)
            for e in 0..<n * h { x.base[e] += projected.base[e] }
        }
        return headLogits(x.base, rows: wanted, normed: normed.base, rstd: rstd.base, activations: a, threads: threads)
    }

    /// Final norm and the output head on the rows `rows` of the residual stream `x` `[·, C]`.
    func headLogits(
        _ x: UnsafeMutablePointer<Float>, rows: [Int], normed: UnsafeMutablePointer<Float>, rstd: UnsafeMutablePointer<Float>,
        activations a: QuantizedActivations, threads: Int
    ) -> [Float] {
        guard !rows.isEmpty else { return [] }
        let h = config.hiddenSize, vocab = config.vocabSize
        for (i, row) in rows.enumerated() {
            RMSNorm.rmsnormForward(
                out: normed + i * h, rstd: rstd, inp: x + row * h, weight: finalNorm.base, rows: 1, cols: h, eps: Float(config.rmsNormEps), threads: 1)
        }
        return [Float](unsafeUninitializedCapacity: rows.count * vocab) { out, count in
            head.product(normed, rows: rows.count, into: out.baseAddress!, ldy: vocab, activations: a, threads: threads)
            count = rows.count * vocab
        }
    }
}
