import Digests
import Foundation
import RecipeFormat
import Training

/// What an executor gets: the step, the whole recipe, its inputs as read-only directories and an
/// empty output directory.
public struct StepContext: Sendable {
    /// The step being run.
    public let step: StepSpec
    /// The step's key.
    public let key: Digest
    /// The whole recipe (the step reads only the fields in `step.config`).
    public let recipe: Recipe
    /// The folder `file:` paths are relative to.
    public let recipeDirectory: URL
    /// Where the auditor supplied non-redistributable data (`reproduce --data-dir`), if anywhere.
    public let dataDirectory: URL?
    /// Upstream step id → a read-only directory holding that step's outputs.
    public let inputs: [String: URL]
    /// Upstream step id (or local file name) → the digest it contributes to the key (an upstream step's
    /// output manifest digest). Part of the key, so an output may cite it and stay reproducible.
    public var inputDigests: [String: Digest] = [:]
    /// The empty directory to write outputs into.
    public let outputDirectory: URL
    /// A scratch directory kept between runs of the same key (download caches, checkpoints).
    public let scratchDirectory: URL
    /// Threads the step may use.
    public let threads: Int
    /// Reports progress (fraction done 0…1, a rate and its unit).
    public let progress: @Sendable (StepProgress) -> Void
    /// The ranks running this step together (the train step under `srun --mpi=pmix`); nil: one process.
    public var processGroup: (any ProcessGroup)? = nil

    /// The outputs of upstream step `id`, or an error naming the missing input.
    public func input(_ id: String) throws(BuildError) -> URL {
        guard let url = inputs[id] else {
            throw BuildError.stepFailed(step: step.id, reason: "input \(id) was not built")
        }
        return url
    }
}

/// A progress report from a running step.
public struct StepProgress: Sendable {
    /// Fraction done, 0…1 (nil when unknown).
    public var fraction: Double?
    /// Work per second in `unit` (nil when unknown).
    public var rate: Double?
    /// Unit of `rate` (`B`, `tokens`, `docs`).
    public var unit: String

    /// Creates a report.
    public init(fraction: Double?, rate: Double? = nil, unit: String = "") {
        self.fraction = fraction
        self.rate = rate
        self.unit = unit
    }
}
