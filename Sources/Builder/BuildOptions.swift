import Foundation

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
