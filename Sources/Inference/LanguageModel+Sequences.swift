import Kernels

extension LanguageModel {
    /// Logits of several independent sequences, each from position 0 with an empty cache —
    /// `[sequence][row · vocab + v]` for the positions `positions[i]` of sequence i (all positions when
    /// nil) — in one pass whose linear layers, norms and MLP see the rows of all sequences at once
    /// (evaluation windows). Attention stays within each sequence; the output head runs only on the
    /// requested positions. Each row is the same bits as `forward(sequence, cache: &empty, logits:
    /// .all)` gives for it: every row of a linear layer is one FMA chain over its inputs whatever the
    /// other rows are.
    public func logits(ofSequences sequences: [[Int]], positions: [Range<Int>]? = nil) throws -> [[Float]] {
        let c = configuration
        for sequence in sequences {
            for id in sequence where id < 0 || id >= c.vocabularySize {
                throw InferenceError.tokenOutOfRange(id: id, vocabularySize: c.vocabularySize)
            }
            guard sequence.count <= c.contextLength else {
                throw InferenceError.promptTooLong(tokens: sequence.count, context: c.contextLength)
            }
        }
        let wanted = positions ?? sequences.map { 0..<$0.count }
        guard wanted.count == sequences.count, zip(wanted, sequences).allSatisfy({ $0.upperBound <= $1.count }) else {
            throw InferenceError.invalidOption(name: "positions", reason: "one range of positions per sequence, within it")
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
        let h = c.hiddenSize
        var selected = positions == nil ? x : []
        if positions != nil {
            selected.reserveCapacity(wanted.reduce(0) { $0 + $1.count } * h)
            for (i, range) in wanted.enumerated() {
                selected.append(contentsOf: x[(offsets[i] + range.lowerBound) * h..<(offsets[i] + range.upperBound) * h])
            }
        }
        guard !selected.isEmpty else { return sequences.map { _ in [] } }
        let logits = head(selected, rows: selected.count / h)
        var first = 0
        return wanted.map { range in
            defer { first += range.count }
            return Array(logits[first * c.vocabularySize..<(first + range.count) * c.vocabularySize])
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
