import ArgumentParser
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
        if let fromHF {
            let marked = try StarterRecipeFile.write(modelDirectory: fromHF, to: out, force: force)
            HashConsole.out(StarterRecipeFile.summary(path: out, marked: marked))
            return
        }
        let url = URL(fileURLWithPath: out)
        if FileManager.default.fileExists(atPath: url.path), !force {
            throw HashConsole.fail("\(out) already exists; choose another --out or add --force")
        }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(RecipeTemplate.starter.utf8).write(to: url, options: .atomic)
        } catch {
            throw HashConsole.fail("cannot write \(out): \(error.localizedDescription)")
        }
        HashConsole.out("wrote \(out); put your text at \(url.deletingLastPathComponent().appendingPathComponent("data/corpus-cs.txt").path), then run `glassbox recipe check \(out)`\n")
    }
}
