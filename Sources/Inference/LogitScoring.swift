import Kernels

/// Log-likelihood of a token from a row of logits, for scoring text (evaluation).
public enum LogitScoring {
    /// −log softmax(row)[target] in nats: log Σ exp(l − max) + max − l[target], with `KernelMath.exp`
    /// (float32, computed 16 lanes at a time with the same bits as the scalar function) summed in
    /// Double in index order and `KernelMath.logD` — no libm, so the same bits on every machine.
    public static func negativeLogProbability(_ row: ArraySlice<Float>, of target: Int) -> Double {
        row.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return .nan }
            var maximum = -Float.infinity
            for value in buffer { maximum = max(maximum, value) }
            var sum = 0.0
            withUnsafeTemporaryAllocation(of: Float.self, capacity: 256) { block in
                guard let scratch = block.baseAddress else { return }
                var i = 0
                while i < buffer.count {
                    let n = min(256, buffer.count - i)
                    KernelMath.expScaledShifted(base + i, scale: 1, shift: maximum, into: scratch, count: n)
                    for j in 0..<n { sum += Double(scratch[j]) }
                    i += n
                }
            }
            return KernelMath.logD(sum) + Double(maximum) - Double(buffer[target])
        }
    }
}
