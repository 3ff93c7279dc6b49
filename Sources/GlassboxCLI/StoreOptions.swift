import ArgumentParser
import ContentStorage
import Foundation

/// Options shared by every `glassbox store` subcommand.
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("store"), help: ArgumentHelp(
        "The store directory (default: $GLASSBOX_HOME, else ~/.cache/glassbox).", valueName: "DIR"))
    var directory: String?

    @Flag(help: "Print one JSON document instead of text.")
    var json = false

    /// The store these options name.
    var store: ContentStore {
        directory.map { ContentStore(root: $0) } ?? ContentStore()
    }
}
