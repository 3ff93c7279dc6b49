import Inference

/// Sliding-window negative log-likelihood of token sequences (see `EvaluationOptions`).
///
/// A sequence is cut into `Window`s up front; every window runs from an empty cache, so windows are
/// independent and may be scored on any thread in any order. `Score` then adds their per-token
/// values in token order, so the totals have the same bits however the windows were scheduled.
struct WindowScorer {
    let model: LanguageModel
    let context: Int
    let stride: Int

    /// One forward pass: tokens `begin..<end` are run, tokens `firstTarget..<end` are scored.
    struct Window: Sendable {
        var begin: Int
        var end: Int
        var firstTarget: Int
    }

    struct Score {
        /// Tokens scored (all but the first).
        var tokens = 0
        /// Their total NLL in nats.
        var negativeLogLikelihood = 0.0
        /// Tokens run through the model.
        var forwarded = 0

        /// Adds one window's per-token NLLs, in token order.
        mutating func add(_ window: Window, _ values: [Double]) {
            for value in values { negativeLogLikelihood += value }
            tokens += values.count
            forwarded += window.end - window.begin
        }
    }

    /// The windows that score `ids[1...]`, each target given the tokens before it inside its window.
    func windows(count: Int) -> [Window] {
        guard count > 1 else { return [] }
        var result: [Window] = []
        var begin = 0, scoredUpTo = 1
        while scoredUpTo < count {
            let end = min(begin + context, count)
            result.append(Window(begin: begin, end: end, firstTarget: scoredUpTo))
            scoredUpTo = end
            begin = min(begin + stride, end - 1) // the next window holds the token before its first target
        }
        return result
    }

    /// NLL in nats of each target of `window`, in token order.
    func score(_ window: Window, of ids: [Int]) throws -> [Double] {
        try score([(window, ids)])[0]
    }

    /// `score(_:of:)` of several windows (of any documents) in one batched forward pass; the same bits
    /// as scoring them one by one.
    func score(_ windows: [(window: Window, ids: [Int])]) throws -> [[Double]] {
        let vocabulary = model.config.vocabSize
        // Target t is predicted by the row of position t − 1; only those rows go through the head.
        let logits = try model.logits(
            ofSequences: windows.map { Array($0.ids[$0.window.begin..<$0.window.end]) },
            positions: windows.map { ($0.window.firstTarget - 1 - $0.window.begin)..<($0.window.end - 1 - $0.window.begin) })
        return zip(windows, logits).map { item, logits in
            let (window, ids) = item
            return (window.firstTarget..<window.end).map { t in
                let row = (t - window.firstTarget) * vocabulary
                return LogitScoring.negativeLogProbability(logits[row..<row + vocabulary], of: ids[t])
            }
        }
    }

    /// NLL of `ids[1...]`, windows one after another.
    func score(_ ids: [Int]) throws -> Score {
        var score = Score()
        for window in windows(count: ids.count) { score.add(window, try self.score(window, of: ids)) }
        return score
    }
}
