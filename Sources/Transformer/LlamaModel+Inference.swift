import Kernels

extension LlamaModel {
    /// Logits [rows.count, V] of the rows `rows` (indices into the B·T rows, any order) of a forward
    /// pass over tokens[B·T] — the training forward (`forwardToFinalNorm`) with inference activations
    /// (no backward state), then the output head on the requested rows only. Each row has the bits of
    /// the same row of `forward(tokens:activations:threads:)`: norms and heads work row by row, and
    /// every linear output is one FMA chain over its inputs whatever the other rows are.
    /// `keyValues(l, k, v)` receives each layer's rotated keys and values [B·T, KV·hd] (a KV cache).
    public func inferenceLogits(
        tokens: [Int32], batch: Int, seqLen: Int, rows: [Int], threads: Int,
        keyValues: (Int, UnsafePointer<Float>, UnsafePointer<Float>) -> Void = { _, _, _ in }
    ) throws(TransformerError) -> [Float] {
        let n = batch * seqLen
        if let bad = rows.first(where: { $0 < 0 || $0 >= n }) {
            throw .invalidInput("logit row \(bad) is outside the \(n) rows of the batch")
        }
        let acts = LlamaActivations(config: config, batch: batch, seqLen: seqLen, training: false)
        try tokens.withUnsafeBufferPointer { (t: UnsafeBufferPointer<Int32>) throws(TransformerError) in
            try validate(tokens: t, batch: batch, seqLen: seqLen)
            forwardToFinalNorm(tokens: t.baseAddress!, activations: acts, threads: threads, keyValues: keyValues)
        }
        guard !rows.isEmpty else { return [] }
        let c = config.hiddenSize, v = config.vocabSize
        var input = acts.finalNorm
        if rows != Array(0..<n) {
            input = FloatBuffer(count: rows.count * c)
            for (i, row) in rows.enumerated() { (input.base + i * c).update(from: acts.finalNorm.base + row * c, count: c) }
        }
        var logits = [Float](repeating: 0, count: rows.count * v)
        logits.withUnsafeMutableBufferPointer { out in
            Linear.linearForward(
                out: out.baseAddress!, inp: input.base, weight: at(parameters, layout.lmHead), rows: rows.count,
                inFeatures: c, outFeatures: v, threads: threads)
        }
        return logits
    }
}
