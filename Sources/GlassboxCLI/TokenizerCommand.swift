import ArgumentParser

/// `glassbox tokenizer …`: tokenizer tools (training; `tokenize` and `detokenize` are top-level).
struct TokenizerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokenizer",
        abstract: "Train byte-level BPE tokenizers (Hugging Face tokenizer.json compatible).",
        discussion: """
            See also `glassbox tokenize` and `glassbox detokenize`. Format, regexes and determinism \
            guarantees: Docs/tokenizer.md.
            """,
        subcommands: [TokenizerTrainCommand.self, TokenizerFertilityCommand.self]
    )
}
