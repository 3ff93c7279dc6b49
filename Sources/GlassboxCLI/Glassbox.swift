import ArgumentParser
import Foundation

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
            RecipeCommand.self, BuildCommand.self, ReproduceCommand.self, CardCommand.self, ComplyCommand.self,
            KeygenCommand.self, SignCommand.self, VerifyCommand.self, PublishCommand.self,
            GenerateCommand.self, LogitsCommand.self, EvalCommand.self, ExportCommand.self,
            TokenizerCommand.self, TokenizeCommand.self, DetokenizeCommand.self,
            TrainCommand.self, TrainBenchCommand.self,
            DataCommand.self, HashCommand.self, StoreCommand.self,
            StatusCommand.self, RunStepCommand.self,
        ]
    )

    public init() {}

    /// The entry point for `main.swift`: parses the command line and runs the chosen (async) subcommand.
    ///
    /// Top-level `await Glassbox.main()` resolves to ArgumentParser's synchronous `main()`, which never
    /// calls an `async run()`; this runs the chosen command itself. Failures are reported as
    /// ArgumentParser would (same message, usage and exit status), except that its `Error:` prefix
    /// is written `error:` like every other glassbox error; help and `--version` go to stdout.
    public static func runMain() async {
        do {
            var command = try parseAsRoot(nil)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if ExitStatus.isUsageError(error) {
                FileHandle.standardError.write(Data("error: \(error)\n".utf8))
                Foundation.exit(ExitStatus.usage.rawValue)
            }
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
            } else if !message.isEmpty {
                let text = message.hasPrefix("Error: ") ? "error: " + message.dropFirst("Error: ".count) : message[...]
                FileHandle.standardError.write(Data((text + "\n").utf8))
            }
            Foundation.exit(code.rawValue)
        }
    }
}
