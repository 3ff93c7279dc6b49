import Digests

/// What the builder reports while it works (rendered by the CLI as progress lines).
public enum BuildEvent: Sendable {
    /// A step started running.
    case started(step: String, key: Digest)
    /// A running step reported progress.
    case progress(step: String, StepProgress)
    /// A step finished: `cached` when its outputs were reused.
    case finished(step: String, cached: Bool, seconds: Double)
    /// A step could not run: no executor, or an input missing.
    case skipped(step: String, status: StepStatus, reason: String)
    /// Something worth a warning (a damaged cache entry that is being rebuilt).
    case warning(String)
}
