import Kernels

extension LanguageModel {
    /// Logits of every position of several independent sequences, each from position 0 with an empty
    /// cache — `[sequence][position · vocab + v]` — in one pass whose linear layers, norms and MLP see
    /// the rows of all sequences at once (evaluation windows). Attention stays within each sequence.
    /// Each output is the same bits as `forward(sequence, cache: &empty, logits: .all)`: every row of
    /// a linear layer is one FMA chain over its inputs whatever the other rows are.
    public func logits(ofSequences sequences: [[Int]]) throws -> [[Float]] {
        let c = configuration
        for sequence in sequences {
            for id in sequence where id < 0 || id >= c.vocabularySize {
                throw InferenceError.tokenOutOfRange(id: id, vocabularySize: c.vocabularySize)
            }
            guard sequence.count <= c.contextLength else {
                throw InferenceError.promptTooLong(tokens: sequence.count, context: c.contextLength)
            }
        }
        let tokens = sequences.flatMap { $0 }
        guard !tokens.isEmpty else { return sequences.map { _ in [] } }
        var offsets = [0]
        for sequence in sequences { offsets.append(offsets[offsets.count - 1] + sequence.count) }
        var x = embed(tokens)
        var scratch = ForwardScratch(rows: tokens.count, configuration: c)
        for layer in 0..<c.layerCount {
            sequenceAttentionBlock(layer, &x, offsets: offsets, scratch: &scratch)
            feedForwardBlock(layer, &x, scratch: &scratch)
        }
        let logits = head(x, rows: tokens.count)
        return sequences.indices.map { i in
            Array(logits[offsets[i] * c.vocabularySize..<offsets[i + 1] * c.vocabularySize])
        }
    }

    /// `attentionBlock` for stacked sequences: rows `offsets[i] ..< offsets[i + 1]` are sequence i,
    /// positions from 0; its keys and values are its own rows (no cache).
    private func sequenceAttentionBlock(_ index: Int, _ x: inout [Float], offsets: [Int], scratch: inout ForwardScratch) {
        let c = configuration, threads = threads, rope = rope
        attentionLayer(index, &x, scratch: &scratch) { s in
            s.query.withUnsafeMutableBufferPointer { qb in
                s.key.withUnsafeMutableBufferPointer { kb in
                    s.value.withUnsafeMutableBufferPointer { vb in
                        s.attention.withUnsafeMutableBufferPointer { ob in
                            guard let q = qb.baseAddress, let k = kb.baseAddress, let v = vb.baseAddress,
                                  let o = ob.baseAddress else { return }
                            for i in 0..<(offsets.count - 1) where offsets[i + 1] > offsets[i] {
                                let first = offsets[i], count = offsets[i + 1] - offsets[i]
                                let (qi, ki) = (q + first * c.queryWidth, k + first * c.keyValueWidth)
                                Rope.ropeForward(qi, rows: count, seqLen: count, heads: c.attentionHeads, table: rope, threads: 1)
                                Rope.ropeForward(ki, rows: count, seqLen: count, heads: c.keyValueHeads, table: rope, threads: 1)
                                WindowAttention.run(
                                    configuration: c, start: 0, rows: count, query: qi, keys: ki,
                                    values: v + first * c.keyValueWidth, output: o + first * c.queryWidth, threads: threads)
                            }
                        }
                    }
                }
            }
        }
    }
}
