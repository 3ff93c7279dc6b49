import ArgumentParser
import Builder
import Foundation
import RecipeFormat

/// `glassbox recipe plan RECIPE`: the step graph with keys and cached / to-run state.
struct RecipePlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show the build's steps, each with its key and whether it is cached or would run.",
        discussion: """
            A step's key is the digest of its kind, the recipe fields it reads, its inputs' output \
            digests and the core version. A key shows as 'pending' until the outputs it depends on \
            exist. States: cached, to-run, missing-input (a local file the step names does not exist \
            yet: its path is shown, and its key and the keys after it stay pending), not-available (this glassbox has no executor for the step \
            yet), blocked (an input step is not available). sign is at-end (runs last on the finished \
            release, never cached nor locked: its signature is randomised and covers the lock) when \
            the recipe names [publish] signing_key (or --key is given), skipped otherwise.

            Examples:
              glassbox recipe plan recipe.toml
              glassbox recipe plan --json recipe.toml
            """)

    @Argument(help: ArgumentHelp("The recipe to plan.", valueName: "RECIPE"))
    var recipe: String

    @Flag(help: "Print the plan as JSON: {recipe_digest, steps[{id, kind, key, state, upstream, config, note}]}.")
    var json = false

    @Option(help: ArgumentHelp("The private key `glassbox build --key` would sign with (overrides [publish] signing_key).", valueName: "PRIVATE.pem"))
    var key: String?

    @OptionGroup var common: BuildCommandOptions

    func run() async throws {
        let url = URL(fileURLWithPath: recipe)
        let plan: BuildPlan
        do {
            let loaded = try Recipe.load(contentsOf: url)
            var options = common.buildOptions { _ in }
            options.signingKey = key.map { URL(fileURLWithPath: $0) }
            plan = try BuildPlan(recipe: loaded, recipeDirectory: url.deletingLastPathComponent(), options: options)
        } catch let error as RecipeError {
            throw Console.fail(error.description)
        } catch {
            throw Console.fail("\(error)")
        }
        if json {
            Console.out(try Console.json(plan))
            return
        }
        Console.out("recipe \(plan.recipeDigest)\n")
        let width = max(4, plan.steps.map(\.id.count).max() ?? 4)
        Console.out("\("STEP".padding(toLength: width, withPad: " ", startingAt: 0))  \("STATE".padding(toLength: 13, withPad: " ", startingAt: 0))  KEY\n")
        for step in plan.steps {
            let key = step.kind == .sign ? "- (not cached)" : step.key?.description
                ?? (step.upstream.isEmpty ? "pending (its input is missing)" : "pending (after \(step.upstream.joined(separator: ", ")))")
            Console.out("\(step.id.padding(toLength: width, withPad: " ", startingAt: 0))  \(step.state.padding(toLength: 13, withPad: " ", startingAt: 0))  \(key)\n")
            if let note = step.note { Console.out("\("".padding(toLength: width, withPad: " ", startingAt: 0))    \(note)\n") }
        }
    }
}
