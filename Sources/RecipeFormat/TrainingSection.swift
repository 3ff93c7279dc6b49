/// `[training]`: the optimisation run (AdamW, warm-up then cosine or linear decay) with Glassbox's own
/// cores, or (`backend = "external"`) weights trained elsewhere, imported with declared facts
/// (`TrainingSection+External.swift`). The optimiser fields are 0 / empty for an external backend.
public struct TrainingSection: Equatable, Sendable {
    /// Seed of initialisation and data order.
    public var seed: Int
    /// Tokens per training sequence; at most `model.context_length`.
    public var sequenceLength: Int
    /// Sequences per micro-batch.
    public var batchSize: Int
    /// Micro-batches accumulated per optimiser step.
    public var gradientAccumulationSteps: Int
    /// Optimiser steps.
    public var steps: Int
    /// Peak learning rate, reached at the end of warm-up.
    public var learningRate: Double
    /// Learning rate at the end of the decay; at most `learning_rate`.
    public var minLearningRate: Double
    /// Linear warm-up steps; at most `steps`.
    public var warmupSteps: Int
    /// Decay after warm-up: `cosine` or `linear`.
    public var schedule: String
    /// AdamW decoupled weight decay.
    public var weightDecay: Double
    /// AdamW first-moment decay, in [0, 1).
    public var beta1: Double
    /// AdamW second-moment decay, in [0, 1).
    public var beta2: Double
    /// AdamW epsilon.
    public var epsilon: Double
    /// Global gradient-norm clipping threshold; 0 disables clipping.
    public var gradClipNorm: Double
    /// Write a resumable checkpoint every this many steps; 0 means only at the end.
    public var checkpointEverySteps: Int
    /// Sampling weight of each language's documents (language code → weight ≥ 0); empty means by size.
    public var languageWeights: [String: Double]
    /// `glassbox` (trained here, bit for bit) or `external` (imported weights, declared facts).
    public var backend = TrainingSection.glassboxBackend
    /// `[training.weights]`: the imported weights; set exactly when `backend` is `external`.
    public var weights: ExternalWeights?
    /// `[training.declared]`: the external run's declared facts; set exactly when `backend` is `external`.
    public var declared: DeclaredTraining?

    enum CodingKeys: String, CodingKey {
        case seed, steps, schedule, beta1, beta2, epsilon
        case sequenceLength = "sequence_length"
        case batchSize = "batch_size"
        case gradientAccumulationSteps = "gradient_accumulation_steps"
        case learningRate = "learning_rate"
        case minLearningRate = "min_learning_rate"
        case warmupSteps = "warmup_steps"
        case weightDecay = "weight_decay"
        case gradClipNorm = "grad_clip_norm"
        case checkpointEverySteps = "checkpoint_every_steps"
        case languageWeights = "language_weights"
        case backend, weights, declared
    }

    static func read(_ reader: TableReader) -> TrainingSection {
        let backend = reader.choice("backend", [glassboxBackend, externalBackend], default: glassboxBackend)
        if backend == externalBackend { return readExternal(reader) }
        let section = TrainingSection(
            seed: reader.int("seed", in: 0...Int.max) ?? 0,
            sequenceLength: reader.int("sequence_length", required: true, in: 1...1_048_576) ?? 0,
            batchSize: reader.int("batch_size", required: true, in: 1...1_048_576) ?? 0,
            gradientAccumulationSteps: reader.int("gradient_accumulation_steps", in: 1...1_048_576) ?? 1,
            steps: reader.int("steps", required: true, in: 1...1_000_000_000) ?? 0,
            learningRate: reader.double("learning_rate", required: true, [.greaterThan(0), .atMost(10)]) ?? 0,
            minLearningRate: reader.double("min_learning_rate", [.atLeast(0)]) ?? 0,
            warmupSteps: reader.int("warmup_steps", in: 0...1_000_000_000) ?? 0,
            schedule: reader.choice("schedule", ["cosine", "linear"], default: "cosine"),
            weightDecay: reader.double("weight_decay", [.atLeast(0)]) ?? 0.1,
            beta1: reader.double("beta1", [.atLeast(0), .lessThan(1)]) ?? 0.9,
            beta2: reader.double("beta2", [.atLeast(0), .lessThan(1)]) ?? 0.95,
            epsilon: reader.double("epsilon", [.greaterThan(0)]) ?? 1e-8,
            gradClipNorm: reader.double("grad_clip_norm", [.atLeast(0)]) ?? 1.0,
            checkpointEverySteps: reader.int("checkpoint_every_steps", in: 0...1_000_000_000) ?? 0,
            languageWeights: LanguageWeights.read(reader, key: "language_weights"))
        reader.rejectUnknownKeys()
        section.check(reader)
        return section
    }

    private func check(_ reader: TableReader) {
        if learningRate > 0, minLearningRate > learningRate {
            reader.report("min_learning_rate", "must be <= learning_rate (\(learningRate.shortDescription)), got \(minLearningRate.shortDescription)")
        }
        if steps > 0, warmupSteps > steps {
            reader.report("warmup_steps", "must be <= steps (\(steps)), got \(warmupSteps)")
        }
        if steps > 0, checkpointEverySteps > steps {
            reader.report("checkpoint_every_steps", "must be <= steps (\(steps)) or 0, got \(checkpointEverySteps)")
        }
    }

    /// Tokens consumed per optimiser step.
    public var tokensPerStep: Int {
        sequenceLength.multipliedReportingOverflow(by: batchSize).partialValue
            .multipliedReportingOverflow(by: gradientAccumulationSteps).partialValue
    }
}
