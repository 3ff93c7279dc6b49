import Kernels

/// Log-likelihood of a token from a row of logits, for scoring text (evaluation).
public enum LogitScoring {
    /// −log softmax(row)[target] in nats: log Σ exp(l − max) + max − l[target], with `KernelMath.exp`
    /// (float32) summed in Double in index order and `KernelMath.logD` — no libm, so the same bits on
    /// every machine.
    public static func negativeLogProbability(_ row: ArraySlice<Float>, of target: Int) -> Double {
        var maximum = -Float.infinity
        for value in row { maximum = max(maximum, value) }
        var sum = 0.0
        for value in row { sum += Double(KernelMath.exp(value - maximum)) }
        return KernelMath.logD(sum) + Double(maximum) - Double(row[row.startIndex + target])
    }
}
