import Kernels

/// Turns a row of logits into the next token, as transformers' `generate` does: repetition penalty,
/// then (unless greedy) temperature, top-k, top-p, softmax and one Philox draw. Deterministic: the
/// same logits, history, options and step give the same token on every machine.
public struct Sampler: Sendable {
    /// The options in force.
    public let options: GenerationOptions
    private let random: Philox

    /// A sampler for `options`.
    public init(options: GenerationOptions) {
        self.options = options
        random = Philox(seed: options.seed)
    }

    /// The token chosen at generation step `step`, given the tokens seen so far (`history`).
    public func next(logits input: [Float], history: [Int], step: Int) -> Int {
        var logits = input
        if options.repetitionPenalty != 1 { penalize(&logits, history) }
        if options.temperature == 0 { return Self.argmax(logits) }
        for i in 0..<logits.count { logits[i] /= options.temperature }
        if let k = options.topK, k > 0, k < logits.count { keepTopK(&logits, k) }
        if let p = options.topP, p < 1 { keepTopP(&logits, p) }
        return draw(logits, uniform: random.uniform(at: UInt64(step)))
    }

    /// Index of the largest value; the lowest index on ties (as `torch.argmax`).
    public static func argmax(_ values: [Float]) -> Int {
        var best = 0
        for i in values.indices where values[i] > values[best] { best = i }
        return best
    }

    private func penalize(_ logits: inout [Float], _ history: [Int]) {
        for id in Set(history) where id >= 0 && id < logits.count {
            logits[id] = logits[id] < 0 ? logits[id] * options.repetitionPenalty : logits[id] / options.repetitionPenalty
        }
    }

    private func keepTopK(_ logits: inout [Float], _ k: Int) {
        let threshold = logits.sorted(by: >)[k - 1]
        for i in logits.indices where logits[i] < threshold { logits[i] = -.infinity }
    }

    /// Sorted ascending, drop the tokens whose cumulative probability stays ≤ 1 − p (the most
    /// likely token always survives).
    private func keepTopP(_ logits: inout [Float], _ p: Float) {
        let probabilities = Self.softmax(logits)
        let order = logits.indices.sorted { (probabilities[$0], $1) < (probabilities[$1], $0) }
        var cumulative: Double = 0
        for (rank, i) in order.enumerated() where rank < order.count - 1 {
            cumulative += Double(probabilities[i])
            if cumulative <= Double(1 - p) { logits[i] = -.infinity } else { break }
        }
    }

    private func draw(_ logits: [Float], uniform: Float) -> Int {
        let probabilities = Self.softmax(logits)
        let target = Double(uniform) * probabilities.reduce(0) { $0 + Double($1) }
        var cumulative: Double = 0
        var last = 0
        for (i, p) in probabilities.enumerated() where p > 0 {
            cumulative += Double(p)
            last = i
            if cumulative > target { return i }
        }
        return last
    }

    /// exp(l − max) / Σ, with Glassbox's own `exp`; −∞ logits get probability 0.
    static func softmax(_ logits: [Float]) -> [Float] {
        let maximum = logits.max() ?? 0
        var values = logits.map { $0 == -.infinity ? 0 : KernelMath.exp($0 - maximum) }
        var total: Float = 0
        for v in values { total += v }
        for i in values.indices { values[i] /= total }
        return values
    }
}
