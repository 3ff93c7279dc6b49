import BaseIO
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
              glassbox recipe init --out-file Recipes/tiny-cs.toml
              glassbox recipe init --from-hf ./my-llama --out-file my-llama.toml
            """)

    @Option(help: ArgumentHelp("Where to write the recipe (default: recipe.toml).", valueName: "FILE"))
    var outFile: String?

    @Option(name: .customLong("out"), help: .hidden)
    var legacyOut: String?

    /// `--out-file` (or its old spelling `--out`), else `recipe.toml`.
    var out: String { outFile ?? legacyOut ?? "recipe.toml" }

    func validate() throws {
        _ = try OutputFlag.resolve(outFile, legacyOut, primary: "--out-file <FILE>", legacy: "--out", required: false)
    }

    @Flag(help: "Overwrite FILE if it exists.")
    var force = false

    @Option(name: .customLong("from-hf"), help: ArgumentHelp("A Hugging Face Llama model directory to import (backend = \"external\").", valueName: "DIR"))
    var fromHF: String?

    func run() async throws {
        if let fromHF {
            let marked = try StarterRecipeFile.write(modelDirectory: fromHF, to: out, force: force)
            Console.out(StarterRecipeFile.summary(path: out, marked: marked))
            return
        }
        let url = URL(fileURLWithPath: out)
        if FileManager.default.fileExists(atPath: url.path), !force {
            throw Console.fail("\(out) already exists; choose another --out-file or add --force")
        }
        do {
            try AtomicFile.write(Array(RecipeTemplate.starter.utf8), to: url.path)
        } catch {
            throw Console.fail("cannot write \(out): \(error)")
        }
        Console.out("wrote \(out); put your text at \(url.deletingLastPathComponent().appendingPathComponent("data/corpus-cs.txt").path), then run `glassbox recipe check \(out)`\n")
    }
}
