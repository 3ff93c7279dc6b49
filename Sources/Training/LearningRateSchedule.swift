import Kernels

/// Linear warm-up then cosine or linear decay to the minimum. For the 0-based update s of n:
/// s < warmup: lr·(s+1)/warmup; else p = (s − warmup)/max(1, n − warmup) and
/// cosine: min + ½(lr − min)(1 + cos πp), linear: lr − (lr − min)·p. Computed in Double (own cos).
public struct LearningRateSchedule: Sendable, Equatable {
    /// Peak learning rate.
    public let peak: Double
    /// Final learning rate.
    public let minimum: Double
    /// Warm-up updates.
    public let warmupSteps: Int
    /// Total updates.
    public let totalSteps: Int
    /// Decay shape.
    public let kind: TrainingOptions.Schedule

    /// The schedule of a set of options.
    public init(_ options: TrainingOptions) {
        peak = options.learningRate
        minimum = options.minLearningRate
        warmupSteps = options.warmupSteps
        totalSteps = options.steps
        kind = options.schedule
    }

    /// Learning rate of the 0-based update `step`.
    public func learningRate(at step: Int) -> Double {
        if step < warmupSteps { return peak * Double(step + 1) / Double(warmupSteps) }
        let progress = Double(step - warmupSteps) / Double(max(1, totalSteps - warmupSteps))
        switch kind {
        case .cosine: return minimum + 0.5 * (peak - minimum) * (1 + KernelMath.cosD(Double.pi * progress))
        case .linear: return peak - (peak - minimum) * progress
        }
    }
}
