import Kernels

extension LanguageModel {
    /// `x += o_proj(attention(...))` for layer `index`; writes the new keys and values into `cache`
    /// at positions `cache.count ..< cache.count + rows`.
    func attentionBlock(_ index: Int, _ x: inout [Float], cache: inout KVCache, scratch: inout ForwardScratch) {
        let c = configuration, rows = x.count / c.hiddenSize, start = cache.count
        attentionLayer(index, &x, scratch: &scratch) { s in
            Rope.ropeForward(&s.query, rows: rows, seqLen: rows, heads: c.attentionHeads, table: rope, positionOffset: start, threads: 1)
            Rope.ropeForward(&s.key, rows: rows, seqLen: rows, heads: c.keyValueHeads, table: rope, positionOffset: start, threads: 1)
            let span = start * c.keyValueWidth..<(start + rows) * c.keyValueWidth
            cache.keys[index].replaceSubrange(span, with: s.key)
            cache.values[index].replaceSubrange(span, with: s.value)
            attend(query: s.query, keys: cache.keys[index], values: cache.values[index], start: start, rows: rows, into: &s.attention)
        }
    }

    /// `x += o_proj(a)`, where `attend` turns the projections of `n = rmsnorm(x)` left in
    /// `s.query`, `s.key`, `s.value` (not yet rotated) into the attention output `a` in `s.attention`.
    func attentionLayer(_ index: Int, _ x: inout [Float], scratch s: inout ForwardScratch, attend: (inout ForwardScratch) -> Void) {
        let c = configuration, w = weights.layers[index]
        let rows = x.count / c.hiddenSize
        RMSNorm.rmsnormForward(
            out: &s.normed, rstd: &s.rstd, inp: x, weight: w.attentionNorm, rows: rows, cols: c.hiddenSize,
            eps: c.rmsNormEpsilon, threads: 1)
        project(s.normed, rows: rows, w.query, c.queryWidth, into: &s.query)
        project(s.normed, rows: rows, w.key, c.keyValueWidth, into: &s.key)
        project(s.normed, rows: rows, w.value, c.keyValueWidth, into: &s.value)
        attend(&s)
        project(s.attention, rows: rows, w.output, c.hiddenSize, into: &s.projected)
        addInPlace(&x, s.projected)
    }

    /// `x += down_proj(silu(gate_proj(n)) · up_proj(n))`, `n = rmsnorm(x)`, for layer `index`.
    func feedForwardBlock(_ index: Int, _ x: inout [Float], scratch s: inout ForwardScratch) {
        let c = configuration, w = weights.layers[index]
        let rows = x.count / c.hiddenSize
        RMSNorm.rmsnormForward(
            out: &s.normed, rstd: &s.rstd, inp: x, weight: w.mlpNorm, rows: rows, cols: c.hiddenSize,
            eps: c.rmsNormEpsilon, threads: 1)
        project(s.normed, rows: rows, w.gate, c.intermediateSize, into: &s.gate)
        project(s.normed, rows: rows, w.up, c.intermediateSize, into: &s.up)
        SwiGLU.swigluForward(out: &s.activation, gate: s.gate, up: s.up, count: s.gate.count, threads: 1)
        project(s.activation, rows: rows, w.down, c.hiddenSize, into: &s.projected)
        addInPlace(&x, s.projected)
    }

    /// `y = x · W` with W (transposed at load) `[x.count / rows, out]`.
    func project(_ x: [Float], rows: Int, _ weight: [Float], _ out: Int, into y: inout [Float]) {
        DecoderKernels.linear(x, rows: rows, inFeatures: x.count / rows, weight: weight, outFeatures: out, into: &y, threads: threads)
    }

    func addInPlace(_ x: inout [Float], _ y: [Float]) {
        for i in 0..<x.count { x[i] += y[i] }
    }

    /// Causal attention of `rows` new queries (positions `start…`) over cached keys/values
    /// `[0, start + rows)`; query head h reads key/value head `h / (heads / kvHeads)`. Six or more rows
    /// go through `WindowAttention`, fewer (decoding) through `AttentionHead` per (row, head) item.
    private func attend(query: [Float], keys: [Float], values: [Float], start: Int, rows: Int, into out: inout [Float]) {
        let c = configuration, threads = threads
        query.withUnsafeBufferPointer { qb in
            keys.withUnsafeBufferPointer { kb in
                values.withUnsafeBufferPointer { vb in
                    out.withUnsafeMutableBufferPointer { ob in
                        guard let q = qb.baseAddress, let k = kb.baseAddress, let v = vb.baseAddress,
                              let o = ob.baseAddress else { return }
                        if rows >= DecoderKernels.gemmRows {
                            WindowAttention.run(
                                configuration: c, start: start, rows: rows, query: q, keys: k, values: v, output: o,
                                threads: threads)
                            return
                        }
                        let items = rows * c.attentionHeads
                        let parts = min(threads, max(1, items * (start + rows) * c.headDimension / 32_768))
                        let pointers = (SharedPointer(q), SharedPointer(k), SharedPointer(v), SharedPointer(o))
                        Parallel.forEachChunk(items, threads: parts) { range in
                            var scores = [Float](repeating: 0, count: start + rows)
                            for item in range {
                                AttentionHead.run(
                                    item: item, configuration: c, start: start, query: pointers.0.base,
                                    keys: pointers.1.base, values: pointers.2.base, output: pointers.3.base,
                                    scores: &scores)
                            }
                        }
                    }
                }
            }
        }
    }
}
