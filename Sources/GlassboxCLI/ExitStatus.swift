import ArgumentParser

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
}
