import Inference

/// Sliding-window negative log-likelihood of one token sequence (see `EvaluationOptions`).
struct WindowScorer {
    let model: LanguageModel
    let context: Int
    let stride: Int

    struct Score {
        /// Tokens scored (all but the first).
        var tokens = 0
        /// Their total NLL in nats.
        var negativeLogLikelihood = 0.0
        /// Tokens run through the model.
        var forwarded = 0
    }

    /// NLL of `ids[1...]`, each given the tokens before it inside its window.
    func score(_ ids: [Int]) throws -> Score {
        var score = Score()
        guard ids.count > 1 else { return score }
        var begin = 0, scoredUpTo = 1
        let vocabulary = model.configuration.vocabularySize
        while scoredUpTo < ids.count {
            let end = min(begin + context, ids.count)
            var cache = KVCache(for: model.configuration, capacity: context)
            let logits = try model.forward(Array(ids[begin..<end]), cache: &cache, logits: .all)
            score.forwarded += end - begin
            for t in scoredUpTo..<end {
                let row = (t - 1 - begin) * vocabulary
                score.negativeLogLikelihood += LogitScoring.negativeLogProbability(logits[row..<row + vocabulary], of: ids[t])
                score.tokens += 1
            }
            scoredUpTo = end
            begin = min(begin + stride, end - 1) // the next window holds the token before its first target
        }
        return score
    }
}
