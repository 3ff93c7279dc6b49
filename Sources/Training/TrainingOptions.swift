/// Everything that shapes a training run besides the model config and the data. The Builder maps
/// the recipe's `[training]` section onto this; snake_case coding keys follow the recipe names.
public struct TrainingOptions: Sendable, Equatable, Codable {
    /// Decay after warm-up.
    public enum Schedule: String, Sendable, Codable {
        /// Half-cosine from the peak to the minimum.
        case cosine
        /// Straight line from the peak to the minimum.
        case linear
    }

    /// Seed of initialisation and data order.
    public var seed: UInt64
    /// Tokens per training sequence T (≤ the model context).
    public var sequenceLength: Int
    /// Sequences per micro-batch B.
    public var batchSize: Int
    /// Micro-batches per update.
    public var gradientAccumulationSteps: Int
    /// Optimiser updates.
    public var steps: Int
    /// Peak learning rate.
    public var learningRate: Double
    /// Learning rate at the end of the decay.
    public var minLearningRate: Double
    /// Linear warm-up updates.
    public var warmupSteps: Int
    /// Decay shape.
    public var schedule: Schedule
    /// Decoupled weight decay (AdamW) for projection matrices.
    public var weightDecay: Double
    /// Whether RMSNorm gains and the embedding decay too (default false).
    public var decayNormsAndEmbeddings: Bool
    /// AdamW β1.
    public var beta1: Double
    /// AdamW β2.
    public var beta2: Double
    /// AdamW ε.
    public var epsilon: Double
    /// Global gradient-norm clip (0 = off).
    public var gradClipNorm: Double
    /// A checkpoint every K updates (0 = none).
    public var checkpointEverySteps: Int
    /// Checkpoints kept (oldest deleted first; at least 1).
    public var keepCheckpoints: Int
    /// Sampling weight per language tag; empty = proportional to each language's windows.
    /// Languages absent from a non-empty map are not sampled.
    public var languageWeights: [String: Double]
    /// Token appended after every document (usually the EOS id); nil = none.
    public var documentSeparator: Int32?
    /// Worker threads (results do not depend on it).
    public var threads: Int
    /// Memory available to the run in bytes; nil = MemAvailable from /proc/meminfo.
    public var memoryLimitBytes: Int?

    /// Options with common defaults (AdamW 0.9/0.95/1e-8, decay 0.1, clip 1.0, cosine).
    public init(
        seed: UInt64, sequenceLength: Int, batchSize: Int, steps: Int, learningRate: Double,
        gradientAccumulationSteps: Int = 1, minLearningRate: Double = 0, warmupSteps: Int = 0,
        schedule: Schedule = .cosine, weightDecay: Double = 0.1, decayNormsAndEmbeddings: Bool = false,
        beta1: Double = 0.9, beta2: Double = 0.95, epsilon: Double = 1e-8, gradClipNorm: Double = 1.0,
        checkpointEverySteps: Int = 0, keepCheckpoints: Int = 2, languageWeights: [String: Double] = [:],
        documentSeparator: Int32? = nil, threads: Int = 1, memoryLimitBytes: Int? = nil
    ) {
        self.seed = seed
        self.sequenceLength = sequenceLength
        self.batchSize = batchSize
        self.steps = steps
        self.learningRate = learningRate
        self.gradientAccumulationSteps = gradientAccumulationSteps
        self.minLearningRate = minLearningRate
        self.warmupSteps = warmupSteps
        self.schedule = schedule
        self.weightDecay = weightDecay
        self.decayNormsAndEmbeddings = decayNormsAndEmbeddings
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.gradClipNorm = gradClipNorm
        self.checkpointEverySteps = checkpointEverySteps
        self.keepCheckpoints = keepCheckpoints
        self.languageWeights = languageWeights
        self.documentSeparator = documentSeparator
        self.threads = threads
        self.memoryLimitBytes = memoryLimitBytes
    }

    enum CodingKeys: String, CodingKey {
        case seed, sequenceLength = "sequence_length", batchSize = "batch_size", steps
        case gradientAccumulationSteps = "gradient_accumulation_steps", learningRate = "learning_rate"
        case minLearningRate = "min_learning_rate", warmupSteps = "warmup_steps", schedule
        case weightDecay = "weight_decay", decayNormsAndEmbeddings = "decay_norms_and_embeddings"
        case beta1, beta2, epsilon, gradClipNorm = "grad_clip_norm", checkpointEverySteps = "checkpoint_every_steps"
        case keepCheckpoints = "keep_checkpoints", languageWeights = "language_weights"
        case documentSeparator = "document_separator", threads, memoryLimitBytes = "memory_limit_bytes"
    }

    /// Reads options; seed, sequence_length, batch_size, steps and learning_rate are required, the
    /// rest take the defaults of `init`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(seed: try c.decode(UInt64.self, forKey: .seed), sequenceLength: try c.decode(Int.self, forKey: .sequenceLength),
                  batchSize: try c.decode(Int.self, forKey: .batchSize), steps: try c.decode(Int.self, forKey: .steps),
                  learningRate: try c.decode(Double.self, forKey: .learningRate))
        func read<T: Decodable>(_ key: CodingKeys, _ value: inout T) throws {
            if let v = try c.decodeIfPresent(T.self, forKey: key) { value = v }
        }
        try read(.gradientAccumulationSteps, &gradientAccumulationSteps)
        try read(.minLearningRate, &minLearningRate)
        try read(.warmupSteps, &warmupSteps)
        try read(.schedule, &schedule)
        try read(.weightDecay, &weightDecay)
        try read(.decayNormsAndEmbeddings, &decayNormsAndEmbeddings)
        try read(.beta1, &beta1)
        try read(.beta2, &beta2)
        try read(.epsilon, &epsilon)
        try read(.gradClipNorm, &gradClipNorm)
        try read(.checkpointEverySteps, &checkpointEverySteps)
        try read(.keepCheckpoints, &keepCheckpoints)
        try read(.languageWeights, &languageWeights)
        documentSeparator = try c.decodeIfPresent(Int32.self, forKey: .documentSeparator)
        try read(.threads, &threads)
        memoryLimitBytes = try c.decodeIfPresent(Int.self, forKey: .memoryLimitBytes)
    }

    /// The options that determine the result (threads, checkpoint cadence and memory limit do not):
    /// a checkpoint can only be resumed under the same ones.
    var resultDefining: TrainingOptions {
        var o = self
        o.threads = 1
        o.checkpointEverySteps = 0
        o.keepCheckpoints = 1
        o.memoryLimitBytes = nil
        return o
    }

    /// Every problem, each naming its recipe key; empty when valid.
    public func problems(contextLength: Int) -> [String] {
        var p: [String] = []
        let positive: [(String, Int)] = [("sequence_length", sequenceLength), ("batch_size", batchSize),
                                         ("gradient_accumulation_steps", gradientAccumulationSteps), ("steps", steps), ("threads", threads)]
        for (key, v) in positive where v <= 0 { p.append("\(key) must be positive (got \(v))") }
        if sequenceLength > contextLength {
            p.append("sequence_length (\(sequenceLength)) is longer than the model context (context_length = \(contextLength))")
        }
        if !(learningRate > 0 && learningRate.isFinite) { p.append("learning_rate must be positive (got \(learningRate))") }
        if !(minLearningRate >= 0 && minLearningRate <= learningRate) { p.append("min_learning_rate must be in 0…learning_rate (got \(minLearningRate))") }
        if warmupSteps < 0 { p.append("warmup_steps must be non-negative (got \(warmupSteps))") }
        if !(weightDecay >= 0) { p.append("weight_decay must be non-negative (got \(weightDecay))") }
        for (key, b) in [("beta1", beta1), ("beta2", beta2)] where !(b >= 0 && b < 1) { p.append("\(key) must be in [0, 1) (got \(b))") }
        if !(epsilon > 0) { p.append("epsilon must be positive (got \(epsilon))") }
        if !(gradClipNorm >= 0) { p.append("grad_clip_norm must be non-negative (got \(gradClipNorm))") }
        if checkpointEverySteps < 0 { p.append("checkpoint_every_steps must be non-negative (got \(checkpointEverySteps))") }
        for (lang, w) in languageWeights.sorted(by: { $0.key < $1.key }) where !(w >= 0 && w.isFinite) {
            p.append("language_weights.\(lang) must be a non-negative number (got \(w))")
        }
        if !languageWeights.isEmpty, !languageWeights.values.contains(where: { $0 > 0 }) {
            p.append("language_weights must give at least one language a positive weight")
        }
        return p
    }
}
