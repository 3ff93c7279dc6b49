import ArgumentParser
import Evaluation
import Inference

/// The documented exit statuses of `glassbox` (also in `glassbox --help` and Docs/cli.md).
public enum ExitStatus: Int32, Sendable {
    /// Everything worked and every check passed.
    case success = 0
    /// The command could not do its work (missing file, I/O error, bad input).
    case failure = 1
    /// A check ran and found a mismatch: a digest, a signature, or a reproduced artifact.
    case verificationFailed = 3
    /// The command line itself was wrong.
    case usage = 64

    /// The ArgumentParser exit code for this status.
    public var exitCode: ExitCode { ExitCode(rawValue) }

    /// A module error that is the user's command line's fault — an option value the model cannot
    /// take (`eval --context 1000` beyond the model's context, a generation option out of range) —
    /// exits 64 like ArgumentParser's own usage errors; `Glassbox.runMain` asks this for every error.
    static func isUsageError(_ error: Error) -> Bool {
        if case .invalidOption? = error as? EvaluationError { return true }
        if case .invalidOption? = error as? InferenceError { return true }
        return false
    }
}
