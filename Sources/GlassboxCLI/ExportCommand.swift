import ArgumentParser

/// `glassbox export …`: a release in another runtime's format.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a release for another runtime (GGUF for llama.cpp).",
        discussion: "Formats, quantization types and guarantees: Docs/quantization.md.",
        subcommands: [ExportGGUFCommand.self]
    )
}
