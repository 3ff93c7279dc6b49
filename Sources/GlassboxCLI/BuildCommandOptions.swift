import ArgumentParser
import Builder
import ContentStorage
import Foundation

/// Options shared by `build`, `recipe plan` and `reproduce`.
struct BuildCommandOptions: ParsableArguments {
    @OptionGroup var threadsOption: ThreadsOption
    var threads: Int { threadsOption.threads }

    @Option(name: .customLong("store"), help: ArgumentHelp(
        "The store directory (default: $GLASSBOX_HOME, else ~/.cache/glassbox).", valueName: "DIR"))
    var store: String?

    /// Build options with the standard executors.
    func buildOptions(useCache: Bool = true, dataDirectory: URL? = nil, events: @escaping @Sendable (BuildEvent) -> Void) -> BuildOptions {
        BuildOptions(storeRoot: store ?? ContentStore.defaultRoot(), threads: threads, useCache: useCache,
                     dataDirectory: dataDirectory, events: events)
    }
}
