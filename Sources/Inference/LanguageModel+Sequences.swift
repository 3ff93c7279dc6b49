import Transformer

extension LanguageModel {
    /// Logits of several independent sequences, each from position 0 with an empty cache —
    /// `[sequence][row · vocab + v]` for the positions `positions[i]` of sequence i (all positions when
    /// nil) — for evaluation windows. Sequences of equal length run as one batch of the forward
    /// (`ModelWeights.logits`), so each weight matrix is read once per batch; the output head runs only
    /// on the requested positions. Each row has the bits the training forward gives it.
    public func logits(ofSequences sequences: [[Int]], positions: [Range<Int>]? = nil) throws -> [[Float]] {
        for sequence in sequences {
            try check(sequence)
            guard sequence.count <= config.maxPositionEmbeddings else {
                throw InferenceError.promptTooLong(tokens: sequence.count, context: config.maxPositionEmbeddings)
            }
        }
        let wanted = positions ?? sequences.map { 0..<$0.count }
        guard wanted.count == sequences.count,
              zip(wanted, sequences).allSatisfy({ $0.lowerBound >= 0 && $0.upperBound <= $1.count }) else {
            throw InferenceError.invalidOption(name: "positions", reason: "one range of positions per sequence, within it")
        }
        var result = [[Float]](repeating: [], count: sequences.count)
        let byLength = Dictionary(grouping: sequences.indices.filter { !sequences[$0].isEmpty }) { sequences[$0].count }
        let vocab = config.vocabSize
        for length in byLength.keys.sorted() {
            let members = byLength[length] ?? []
            var rows: [Int] = []
            for (b, i) in members.enumerated() { rows += wanted[i].map { b * length + $0 } }
            guard !rows.isEmpty else { continue }
            let logits = try inferenceLogits(tokens: members.flatMap { sequences[$0] }, batch: members.count, seqLen: length, rows: rows)
            var first = 0
            for i in members {
                result[i] = Array(logits[first..<first + wanted[i].count * vocab])
                first += wanted[i].count * vocab
            }
        }
        return result
    }
}
