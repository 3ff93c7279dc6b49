/// What a training run did.
public struct TrainingResult: Sendable {
    /// Updates completed (equals options.steps unless stopped).
    public let completedSteps: Int
    /// The checkpoint step the run resumed from, if any.
    public let resumedFromStep: Int?
    /// Every log entry of the run (also in training/log.jsonl).
    public let log: [TrainingLogEntry]
    /// Whether the callback stopped the run early (no final model written).
    public let stopped: Bool
    /// Files written into the output directory (relative paths), empty when stopped.
    public let outputFiles: [String]
}
