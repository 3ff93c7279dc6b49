import ArgumentParser
import Builder
import Foundation
import RecipeFormat

/// `glassbox recipe init`: writes a commented starter recipe.
struct RecipeInitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented starter recipe (a tiny model) that passes `glassbox recipe check`.",
        discussion: """
            Refuses to overwrite an existing file unless --force is given. Edit [release], point \
            [[data.sources]] at your text, then run `glassbox recipe plan` and `glassbox build`.

            With --from-hf DIR, writes instead a recipe that imports weights trained elsewhere \
            ([training] backend = "external") from a Hugging Face Llama directory: [model] and \
            [tokenizer] from its config.json and tokenizer.json, licence and languages from its \
            README.md front matter, the weights pinned by the directory's manifest digest. What \
            only you know (the declared training facts, the data sources) is left empty and marked \
            "# FILL IN"; `glassbox recipe check` names each such key until it is filled. See \
            Docs/tutorial.md, "Releasing a model you trained elsewhere".

            Examples:
              glassbox recipe init
              glassbox recipe init --out Recipes/tiny-cs.toml
              glassbox recipe init --from-hf ./my-llama --out my-llama.toml
            """)

    @Option(help: ArgumentHelp("Where to write the recipe.", valueName: "FILE"))
    var out: String = "recipe.toml"

    @Flag(help: "Overwrite FILE if it exists.")
    var force = false

    @Option(name: .customLong("from-hf"), help: ArgumentHelp("A Hugging Face Llama model directory to import (backend = \"external\").", valueName: "DIR"))
    var fromHF: String?

    func run() async throws {
        let url = URL(fileURLWithPath: out)
        if FileManager.default.fileExists(atPath: url.path), !force {
            throw HashConsole.fail("\(out) already exists; choose another --out or add --force")
        }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let text = try recipeText(for: url)
            try Data(text.utf8).write(to: url, options: .atomic)
            if fromHF != nil {
                let count = text.split(separator: "\n").filter { !$0.hasPrefix("#") && $0.contains(HuggingFaceStarter.marker) }.count
                HashConsole.out("wrote \(out); fill in the \(count) lines marked \"\(HuggingFaceStarter.marker)\", then run `glassbox recipe check \(out)`\n")
                return
            }
        } catch let error as BuildError {
            throw HashConsole.fail(error.description)
        } catch {
            throw HashConsole.fail("cannot write \(out): \(error.localizedDescription)")
        }
        HashConsole.out("wrote \(out); put your text at \(url.deletingLastPathComponent().appendingPathComponent("data/corpus-cs.txt").path), then run `glassbox recipe check \(out)`\n")
    }

    /// The starter recipe, or with --from-hf the import recipe for that directory.
    private func recipeText(for url: URL) throws -> String {
        guard let fromHF else { return RecipeTemplate.starter }
        return try HuggingFaceStarter(modelDirectory: URL(fileURLWithPath: fromHF), recipeURL: url).recipeText()
    }
}
