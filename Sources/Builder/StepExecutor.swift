import RecipeFormat

/// Runs one kind of step. An executor reads the recipe and its inputs from the context and writes
/// every output file under `context.outputDirectory`, which is empty when it starts; the builder then
/// imports that directory into the content store. Executors must be deterministic: the same context
/// (same key) must give the same bytes, whatever `context.threads`.
public protocol StepExecutor: Sendable {
    /// The step kind this executor runs.
    var kind: StepKind { get }
    /// Runs the step, writing its outputs under `context.outputDirectory`.
    func run(_ context: StepContext) throws
    /// Why this executor cannot run for `recipe` (reported as `not-available`), or nil when it can.
    func unavailableReason(for recipe: Recipe) -> String?
}

extension StepExecutor {
    /// Every recipe, by default.
    public func unavailableReason(for recipe: Recipe) -> String? { nil }
}
