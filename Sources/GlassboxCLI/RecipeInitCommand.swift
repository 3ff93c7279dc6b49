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

            Examples:
              glassbox recipe init
              glassbox recipe init --out Recipes/tiny-cs.toml
            """)

    @Option(help: ArgumentHelp("Where to write the recipe.", valueName: "FILE"))
    var out: String = "recipe.toml"

    @Flag(help: "Overwrite FILE if it exists.")
    var force = false

    func run() async throws {
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
