import ArgumentParser

/// `glassbox data`: the data steps of a build, runnable on their own.
struct DataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "Fetch and prepare training data outside a build (the same code the builder runs).",
        discussion: "URI forms, retry/resume behaviour and prepare semantics: Docs/data.md.",
        subcommands: [FetchCommand.self, PrepareCommand.self]
    )
}
