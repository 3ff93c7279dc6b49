/// One line of `training/log.jsonl` (canonical JSON, no timings): the update just taken.
public struct TrainingLogEntry: Sendable, Equatable, Codable {
    /// 1-based update number.
    public var step: Int
    /// Mean training loss over the update's micro-batches.
    public var loss: Double
    /// Learning rate used by the update.
    public var learningRate: Double
    /// Global gradient norm before clipping.
    public var gradNorm: Double
    /// Input tokens consumed so far (steps × accumulation × batch × sequence length).
    public var tokensSeen: Int

    /// An entry.
    public init(step: Int, loss: Double, learningRate: Double, gradNorm: Double, tokensSeen: Int) {
        self.step = step
        self.loss = loss
        self.learningRate = learningRate
        self.gradNorm = gradNorm
        self.tokensSeen = tokensSeen
    }

    enum CodingKeys: String, CodingKey {
        case step, loss, learningRate = "learning_rate", gradNorm = "grad_norm", tokensSeen = "tokens_seen"
    }
}
