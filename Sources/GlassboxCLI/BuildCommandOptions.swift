import ArgumentParser
import Builder
import ContentStore
import Foundation

/// Options shared by `build`, `recipe plan` and `reproduce`.
struct BuildCommandOptions: ParsableArguments {
    @Option(help: "Threads each step may use (default: the number of CPU cores). Outputs never depend on it.")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .customLong("store"), help: ArgumentHelp(
        "The store directory (default: $GLASSBOX_HOME, else ~/.cache/glassbox).", valueName: "DIR"))
    var store: String?

    func validate() throws {
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1 (got \(threads))") }
    }

    /// Build options with the standard executors.
    func buildOptions(useCache: Bool = true, dataDirectory: URL? = nil, events: @escaping @Sendable (BuildEvent) -> Void) -> BuildOptions {
        BuildOptions(storeRoot: store ?? ContentStore.defaultRoot(), threads: threads, useCache: useCache,
                     dataDirectory: dataDirectory, events: events)
    }
}
