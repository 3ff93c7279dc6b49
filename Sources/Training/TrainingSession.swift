import Kernels
import Transformer

/// The state of a run between updates: model, gradients, AdamW moments, activations, step count.
/// `step` performs one update: zero gradients, forward/backward each micro-batch, global-norm
/// clipping, AdamW per tensor (decay only on projection matrices unless configured).
public final class TrainingSession {
    /// The model being trained.
    public let model: LlamaModel
    /// The options.
    public let options: TrainingOptions
    /// Gradient accumulator (same layout as the parameters).
    public let gradients: FloatBuffer
    /// AdamW first moments.
    public let firstMoment: FloatBuffer
    /// AdamW second moments.
    public let secondMoment: FloatBuffer
    let activations: LlamaActivations
    let schedule: LearningRateSchedule
    let tokens: UnsafeMutablePointer<Int32>
    let targets: UnsafeMutablePointer<Int32>
    /// Updates completed.
    public internal(set) var completedSteps = 0

    /// A session for `model` (weights already initialised or loaded).
    public init(model: LlamaModel, options: TrainingOptions) throws(TrainingError) {
        let p = options.problems(contextLength: model.config.maxPositionEmbeddings)
        if !p.isEmpty { throw .invalidOptions(p) }
        self.model = model
        self.options = options
        gradients = FloatBuffer(count: model.parameters.count)
        firstMoment = FloatBuffer(count: model.parameters.count)
        secondMoment = FloatBuffer(count: model.parameters.count)
        activations = LlamaActivations(config: model.config, batch: options.batchSize, seqLen: options.sequenceLength)
        schedule = LearningRateSchedule(options)
        let n = options.batchSize * options.sequenceLength
        tokens = .allocate(capacity: n)
        targets = .allocate(capacity: n)
        tokens.initialize(repeating: 0, count: n)
        targets.initialize(repeating: 0, count: n)
    }

    deinit {
        tokens.deallocate()
        targets.deallocate()
    }

    /// One update; `fill(m, tokens, targets)` writes micro-batch m's B·T tokens and targets.
    public func step(fill: (Int, UnsafeMutablePointer<Int32>, UnsafeMutablePointer<Int32>) throws(TrainingError) -> Void) throws(TrainingError) -> TrainingLogEntry {
        let o = options, threads = o.threads
        gradients.zero()
        var lossSum = 0.0, counted = 0
        for micro in 0..<o.gradientAccumulationSteps {
            try fill(micro, tokens, targets)
            try checkTokens()
            if let loss = model.forwardBackward(tokens: tokens, targets: targets, activations: activations, gradients: gradients,
                                                accumulationSteps: o.gradientAccumulationSteps, threads: threads) {
                lossSum += loss
                counted += 1
            }
        }
        return try finishStep(lossSum: lossSum, counted: counted)
    }

    /// Throws when a token or target of the current micro-batch is outside the vocabulary.
    func checkTokens() throws(TrainingError) {
        let n = options.batchSize * options.sequenceLength
        if let bad = (0..<n).first(where: { tokens[$0] < 0 || Int(tokens[$0]) >= model.config.vocabSize || Int(targets[$0]) >= model.config.vocabSize }) {
            throw .model(.invalidInput("token id \(tokens[bad]) / target \(targets[bad]) is outside 0..<\(model.config.vocabSize) (vocab_size); the tokenizer and [model] vocab_size disagree"))
        }
    }

    /// Norm, divergence check, clipping and the AdamW update on the summed gradients.
    func finishStep(lossSum: Double, counted: Int) throws(TrainingError) -> TrainingLogEntry {
        let o = options, threads = o.threads, n = o.batchSize * o.sequenceLength
        let loss = counted == 0 ? 0 : lossSum / Double(counted)
        let norm = VectorOps.sumOfSquares(gradients.base, count: gradients.count, threads: threads).squareRoot()
        guard loss.isFinite, norm.isFinite else {
            let index = VectorOps.firstNonFinite(gradients.base, count: gradients.count)
            throw .diverged(step: completedSteps + 1, loss: loss, tensor: index.flatMap { model.layout.view(containing: $0)?.name }, lastCheckpoint: nil)
        }
        if o.gradClipNorm > 0 {
            let coef = Float(o.gradClipNorm) / (Float(norm) + 1e-6)
            if coef < 1 { VectorOps.scale(gradients.base, count: gradients.count, by: coef, threads: threads) }
        }
        let lr = schedule.learningRate(at: completedSteps)
        completedSteps += 1
        update(learningRate: Float(lr))
        return TrainingLogEntry(step: completedSteps, loss: loss, learningRate: lr, gradNorm: norm,
                                tokensSeen: completedSteps * o.gradientAccumulationSteps * n)
    }

    /// AdamW on every tensor, with its weight decay.
    func update(learningRate lr: Float) {
        let o = options
        for view in model.layout.views {
            let decays = view.role == .linear || o.decayNormsAndEmbeddings
            let step = AdamW.Step(learningRate: lr, beta1: Float(o.beta1), beta2: Float(o.beta2), epsilon: Float(o.epsilon),
                                  weightDecay: decays ? Float(o.weightDecay) : 0, step: completedSteps)
            AdamW.adamwUpdate(params: model.parameters.base + view.offset, grads: gradients.base + view.offset,
                              m: firstMoment.base + view.offset, v: secondMoment.base + view.offset,
                              count: view.count, step: step, threads: o.threads)
        }
    }
}
