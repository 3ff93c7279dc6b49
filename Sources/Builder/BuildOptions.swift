import Foundation
import Training

/// How a build runs.
public struct BuildOptions: Sendable {
    /// Root of the content store (`$GLASSBOX_HOME`, default `~/.cache/glassbox`).
    public var storeRoot: String
    /// Threads each step may use.
    public var threads: Int
    /// Reuse cached step outputs whose key matches (`--no-cache` turns it off).
    public var useCache: Bool
    /// Where non-redistributable data supplied by the user lives (`file:` paths resolve here first).
    public var dataDirectory: URL?
    /// The step executors.
    public var registry: ExecutorRegistry
    /// Receives progress events.
    public var events: @Sendable (BuildEvent) -> Void
    /// A private key (PEM) that replaces the recipe's `[publish] signing_key` (`glassbox build --key`).
    public var signingKey: URL?
    /// A file whose first line is the passphrase of an encrypted signing key (`--passphrase-file`).
    public var passphraseFile: URL?
    /// Replace whatever is at the release path (`build --force`); without it only an earlier release or
    /// an empty directory is replaced (`ReleaseTarget`).
    public var replaceAnyOutput = false
    /// The ranks of a data-parallel step run (`glassbox _run-step --distributed mpi`); nil: one process.
    public var processGroup: (any ProcessGroup)?
    /// The tool version recorded in `provenance.json` when the release is signed.
    public var builderVersion: String = CoreVersion.string

    /// Options with the standard executors.
    public init(storeRoot: String, threads: Int = 1, useCache: Bool = true, dataDirectory: URL? = nil,
                registry: ExecutorRegistry = .standard, events: @escaping @Sendable (BuildEvent) -> Void = { _ in }) {
        self.storeRoot = storeRoot
        self.threads = max(1, threads)
        self.useCache = useCache
        self.dataDirectory = dataDirectory
        self.registry = registry
        self.events = events
    }
}
