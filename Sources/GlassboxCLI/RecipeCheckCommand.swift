import ArgumentParser
import Digests
import Foundation
import RecipeFormat

/// `glassbox recipe check FILE`: validates a recipe and lists every problem at once.
struct RecipeCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a recipe and list every problem, each with its key path or line:column.",
        discussion: """
            Prints the recipe's digest (the SHA-256 of its canonical form, which comments and key order \
            do not change) when it is valid. Local files named by file: sources that do not exist are \
            warnings here and errors at build time.

            Exit status: 0 valid; 1 problems found (listed on stderr, or in the JSON); 64 usage error.

            Examples:
              glassbox recipe check recipe.toml
              glassbox recipe check --json recipe.toml
              glassbox recipe check --canonical recipe.toml   # print the canonical form
            """)

    @Argument(help: ArgumentHelp("The recipe to check.", valueName: "FILE"))
    var file: String

    @Flag(help: "Print one JSON document: {valid, digest, problems[{key_path, line, column, message}], warnings}.")
    var json = false

    @Flag(help: "Print the canonical form (canonical JSON, defaults filled in) instead of the digest.")
    var canonical = false

    func run() async throws {
        let url = URL(fileURLWithPath: file)
        let recipe: Recipe
        let digest: Digest
        do throws(RecipeError) {
            recipe = try Recipe.load(contentsOf: url)
            digest = try recipe.digest()
        } catch {
            if json {
                Console.out(try Console.json(CheckResult(valid: false, digest: nil, problems: error.problems, warnings: [])))
                throw ExitStatus.failure.exitCode
            }
            throw Console.fail(error.description)
        }
        let warnings = recipe.missingLocalFiles(relativeTo: url.deletingLastPathComponent())
        if json {
            Console.out(try Console.json(CheckResult(valid: true, digest: digest.description, problems: [], warnings: warnings)))
        } else if canonical {
            Console.out(String(decoding: try recipe.canonicalJSON(), as: UTF8.self))
        } else {
            for warning in warnings { Console.warning("\(file): \(warning.description)") }
            Console.out("\(file): valid recipe, digest \(digest)\n")
        }
    }
}

/// The `--json` document of `recipe check`.
private struct CheckResult: Encodable {
    let valid: Bool
    let digest: String?
    let problems: [RecipeProblem]
    let warnings: [RecipeProblem]
}
