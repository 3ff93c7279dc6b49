extension TrainingSection {
    /// The default backend: Glassbox's own training cores.
    public static let glassboxBackend = "glassbox"
    /// Weights trained elsewhere, imported and verified, with declared facts.
    public static let externalBackend = "external"

    /// True when the weights were trained elsewhere (`backend = "external"`).
    public var isExternal: Bool { backend == Self.externalBackend }

    /// The keys that only the `glassbox` backend reads.
    static let glassboxKeys = ["seed", "sequence_length", "batch_size", "gradient_accumulation_steps", "steps",
                               "learning_rate", "min_learning_rate", "warmup_steps", "schedule", "weight_decay",
                               "beta1", "beta2", "epsilon", "grad_clip_norm", "checkpoint_every_steps", "language_weights"]

    /// Reads `[training]` with `backend = "external"`: `[training.weights]` and `[training.declared]`
    /// are required, and the optimiser keys are refused (the run's settings belong in its config file).
    static func readExternal(_ reader: TableReader) -> TrainingSection {
        for key in glassboxKeys where reader.raw(key, required: false) != nil {
            reader.report(key, "only applies to backend = \"glassbox\"; describe the external run in [training.declared] and its config_file")
        }
        let weights = reader.table("weights", required: true).map(ExternalWeights.read)
        let declared = reader.table("declared", required: true).map(DeclaredTraining.read)
        reader.rejectUnknownKeys()
        return TrainingSection(
            seed: 0, sequenceLength: 0, batchSize: 0, gradientAccumulationSteps: 0, steps: 0, learningRate: 0,
            minLearningRate: 0, warmupSteps: 0, schedule: "", weightDecay: 0, beta1: 0, beta2: 0, epsilon: 0,
            gradClipNorm: 0, checkpointEverySteps: 0, languageWeights: [:],
            backend: externalBackend, weights: weights, declared: declared)
    }
}

/// The canonical encoding: a `glassbox` section encodes exactly the keys of format 1 before external
/// weights existed (so existing recipes keep their digest); an `external` one encodes only `backend`,
/// `weights` and `declared`.
extension TrainingSection: Codable {
    /// Decodes either form (the canonical JSON of a recipe).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        backend = try c.decodeIfPresent(String.self, forKey: .backend) ?? Self.glassboxBackend
        weights = try c.decodeIfPresent(ExternalWeights.self, forKey: .weights)
        declared = try c.decodeIfPresent(DeclaredTraining.self, forKey: .declared)
        func int(_ key: CodingKeys) throws -> Int { try c.decodeIfPresent(Int.self, forKey: key) ?? 0 }
        func double(_ key: CodingKeys) throws -> Double { try c.decodeIfPresent(Double.self, forKey: key) ?? 0 }
        seed = try int(.seed)
        sequenceLength = try int(.sequenceLength)
        batchSize = try int(.batchSize)
        gradientAccumulationSteps = try int(.gradientAccumulationSteps)
        steps = try int(.steps)
        learningRate = try double(.learningRate)
        minLearningRate = try double(.minLearningRate)
        warmupSteps = try int(.warmupSteps)
        schedule = try c.decodeIfPresent(String.self, forKey: .schedule) ?? ""
        weightDecay = try double(.weightDecay)
        beta1 = try double(.beta1)
        beta2 = try double(.beta2)
        epsilon = try double(.epsilon)
        gradClipNorm = try double(.gradClipNorm)
        checkpointEverySteps = try int(.checkpointEverySteps)
        languageWeights = try c.decodeIfPresent([String: Double].self, forKey: .languageWeights) ?? [:]
    }

    /// Encodes the canonical form (see the extension's documentation).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        if isExternal {
            try c.encode(backend, forKey: .backend)
            try c.encodeIfPresent(weights, forKey: .weights)
            try c.encodeIfPresent(declared, forKey: .declared)
            return
        }
        try c.encode(seed, forKey: .seed)
        try c.encode(sequenceLength, forKey: .sequenceLength)
        try c.encode(batchSize, forKey: .batchSize)
        try c.encode(gradientAccumulationSteps, forKey: .gradientAccumulationSteps)
        try c.encode(steps, forKey: .steps)
        try c.encode(learningRate, forKey: .learningRate)
        try c.encode(minLearningRate, forKey: .minLearningRate)
        try c.encode(warmupSteps, forKey: .warmupSteps)
        try c.encode(schedule, forKey: .schedule)
        try c.encode(weightDecay, forKey: .weightDecay)
        try c.encode(beta1, forKey: .beta1)
        try c.encode(beta2, forKey: .beta2)
        try c.encode(epsilon, forKey: .epsilon)
        try c.encode(gradClipNorm, forKey: .gradClipNorm)
        try c.encode(checkpointEverySteps, forKey: .checkpointEverySteps)
        try c.encode(languageWeights, forKey: .languageWeights)
    }
}
