import Digests
import Foundation

/// How to publish: the choices of `glassbox publish`.
public struct PublishOptions {
    /// The branch of a git target.
    public var branch = "main"
    /// The commit message of a git target (nil: "Publish <release directory name>").
    public var message: String?
    /// The commit author (name, email) of a git target.
    public var author = (name: "Glassbox", email: "glassbox@localhost")
    /// Look at the target and say what would be sent, without changing it.
    public var dryRun = false
    /// Replace a git branch that has commits this publish was not built on, or files at a WebDAV or
    /// directory target that no earlier publish wrote.
    public var force = false
    /// The public key the release's `model.sig` must verify with (nil: `SHA256SUMS` only).
    public var publicKey: (path: String, key: VerifyingKey)?
    /// Attempts per request on dropped connections and 502/503/504/429 answers.
    public var maxAttempts = 4
    /// Longest wait honoured from a `Retry-After` header, in seconds.
    public var maxRetryAfter: Double = 60
    /// First back-off after a dropped connection, in seconds (doubled on each attempt).
    public var backoff: Double = 1
    /// A PEM bundle of CAs to trust for https targets.
    public var caBundle: String?
    /// Where the resume journal of WebDAV targets is kept (`$GLASSBOX_HOME/publish`).
    public var stateDirectory: URL?

    /// Default options.
    public init() {}
}
