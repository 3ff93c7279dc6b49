import RecipeFormat

/// The executors the builder can run, by kind. A kind without an executor is reported as
/// "not available" by `plan`, `build` and `reproduce`, never faked.
public struct ExecutorRegistry: Sendable {
    private var executors: [StepKind: any StepExecutor] = [:]

    /// An empty registry.
    public init() {}

    /// A registry holding `executors` (a later one replaces an earlier one of the same kind).
    public init(_ executors: [any StepExecutor]) {
        for executor in executors { register(executor) }
    }

    /// The executors of this glassbox: every step kind whose module exists.
    public static var standard: ExecutorRegistry {
        ExecutorRegistry([FetchStep(), PrepareStep(), TokenizerStep(), TrainStep(), ImportStep(), QuantizeStep(), EvaluateStep(), PackageStep()])
    }

    /// Adds or replaces the executor for its kind.
    public mutating func register(_ executor: any StepExecutor) {
        executors[executor.kind] = executor
    }

    /// The executor for `kind`, if this glassbox has one.
    public func executor(for kind: StepKind) -> (any StepExecutor)? { executors[kind] }

    /// The executor for `kind` when it can run for `recipe`, else nil and why (`not-available`).
    public func executor(for kind: StepKind, recipe: Recipe) -> (executor: (any StepExecutor)?, reason: String) {
        guard let executor = executors[kind] else { return (nil, "the \(kind.rawValue) step is not available in this glassbox yet") }
        if let reason = executor.unavailableReason(for: recipe) { return (nil, reason) }
        return (executor, "")
    }

    /// Kinds with an executor, in graph order.
    public var availableKinds: [StepKind] { StepKind.allCases.filter { executors[$0] != nil } }
}
