import Transformer

/// The projections of a loaded model laid out for decoding one token at a time: each `[out, in]`
/// matrix of the parameter buffer transposed once at load to `[in, out]`, so the one-token kernel
/// (`DecoderKernels`) streams weight rows with SIMD lanes across output features. Norms and the
/// embedding are read in place from the parameter buffer.
struct DecodeWeights: Sendable {
    /// One decoder layer's transposed projections.
    struct Layer: Sendable {
        /// q_projᵀ [C, H·hd], k_projᵀ and v_projᵀ [C, KV·hd], o_projᵀ [H·hd, C].
        var q: [Float], k: [Float], v: [Float], o: [Float]
        /// gate_projᵀ and up_projᵀ [C, I], down_projᵀ [I, C].
        var gate: [Float], up: [Float], down: [Float]
    }

    /// The layers in order.
    var layers: [Layer]
    /// lm_headᵀ (the embedding's transpose when tied) [C, V].
    var head: [Float]

    /// Transposes every projection of `model`.
    init(_ model: LlamaModel) {
        let c = model.config, p = model.parameters.base
        func t(_ offset: Int, _ rows: Int, _ cols: Int) -> [Float] { Self.transpose(p + offset, rows: rows, columns: cols) }
        let (h, i, qw, kw) = (c.hiddenSize, c.intermediateSize, c.queryWidth, c.keyValueWidth)
        layers = model.layout.layers.map { w in
            Layer(q: t(w.q, qw, h), k: t(w.k, kw, h), v: t(w.v, kw, h), o: t(w.o, h, qw),
                  gate: t(w.gate, i, h), up: t(w.up, i, h), down: t(w.down, h, i))
        }
        head = t(model.layout.lmHead, c.vocabSize, h)
    }

    /// `[rows, columns]` → `[columns, rows]`, in 16 × 16 tiles (values copied, never computed).
    static func transpose(_ m: UnsafePointer<Float>, rows: Int, columns: Int) -> [Float] {
        [Float](unsafeUninitializedCapacity: rows * columns) { out, count in
            guard let o = out.baseAddress else { count = 0; return }
            for r0 in stride(from: 0, to: rows, by: 16) {
                for c0 in stride(from: 0, to: columns, by: 16) {
                    for r in r0..<min(rows, r0 + 16) {
                        for col in c0..<min(columns, c0 + 16) { o[col * rows + r] = m[r * columns + col] }
                    }
                }
            }
            count = rows * columns
        }
    }
}
