import ArgumentParser

/// The `glassbox` command: one subcommand per file in this folder; each parses, calls a library and prints.
public struct Glassbox: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "glassbox",
        abstract: "Build, sign, verify and reproduce open language-model releases, bit for bit.",
        discussion: """
            A recipe (TOML) names every input of a model release; every output is a content-hashed \
            artifact in a local store ($GLASSBOX_HOME, default ~/.cache/glassbox).

            Exit status: 0 success; 1 failure; \(ExitStatus.verificationFailed.rawValue) verification \
            failed (a digest, signature or reproduced artifact did not match); 64 usage error.
            """,
        version: GlassboxVersion.string,
        subcommands: [
            RecipeCommand.self, BuildCommand.self, ReproduceCommand.self,
            KeygenCommand.self, SignCommand.self, VerifyCommand.self,
            GenerateCommand.self, LogitsCommand.self, EvalCommand.self,
            TokenizerCommand.self, TokenizeCommand.self, DetokenizeCommand.self,
            TrainCommand.self, TrainBenchCommand.self,
            DataCommand.self, HashCommand.self, StoreCommand.self,
        ]
    )

    public init() {}

    /// The entry point for `main.swift`: parses the command line and runs the chosen (async) subcommand.
    ///
    /// Top-level `await Glassbox.main()` resolves to ArgumentParser's synchronous `main()`, which never
    /// calls an `async run()`; this calls the async entry point explicitly.
    public static func runMain() async {
        await main(nil as [String]?)
    }
}
