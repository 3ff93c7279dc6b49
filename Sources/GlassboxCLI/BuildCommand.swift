import ArgumentParser
import Builder
import Foundation

/// `glassbox build RECIPE`: runs the recipe's steps and writes the release directory.
struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build a release from a recipe: run every step that is not cached, write the release and its lock.",
        discussion: """
            Steps: fetch (one per source) → prepare → tokenizer → train → evaluate → package → sign. \
            Each step's outputs go into the content store under the step's key, so a re-run reuses \
            them; after a crash (even kill -9) a re-run only redoes unfinished steps. Steps this \
            glassbox cannot run yet are reported as not-available, and the steps after them as blocked.

            The release directory gets recipe.toml, recipe.lock.json (step keys and output digests, \
            canonical JSON, no timestamps) and the step outputs that belong in a release. It is written \
            beside its final place and renamed, so it is never half-written. The run log \
            (<release>.build.log.jsonl: timings, host, threads) is written next to it and is not hashed.

            Exit status: 0 built (even if some steps are not available yet); 1 failure; 64 usage error.

            Examples:
              glassbox build Recipes/tiny-cs.toml
              glassbox build recipe.toml --out Releases/tiny-cs-0.1 --threads 2
              glassbox build recipe.toml --no-cache
            """)

    @Argument(help: ArgumentHelp("The recipe to build.", valueName: "RECIPE"))
    var recipe: String

    @Option(help: ArgumentHelp("Release directory (default: Releases/<name>-<version>).", valueName: "DIR"))
    var out: String?

    @Flag(name: .customLong("no-cache"), help: "Rebuild every step even if its outputs are cached.")
    var noCache = false

    @Flag(help: "Print the lock as JSON on stdout when done (progress lines are then suppressed).")
    var json = false

    @OptionGroup var common: BuildCommandOptions

    func run() async throws {
        let printer = BuildProgressPrinter(quiet: json)
        let options = common.buildOptions(useCache: !noCache) { printer.handle($0) }
        do {
            let result = try ReleaseBuild(options: options).build(
                recipeAt: URL(fileURLWithPath: recipe), releaseDirectory: out.map { URL(fileURLWithPath: $0) })
            if json {
                HashConsole.out(String(decoding: try result.lock.canonicalJSON(), as: UTF8.self))
                return
            }
            let built = result.lock.steps.filter { $0.status == .built }.count
            HashConsole.out("release \(result.releaseDirectory.path): \(built) of \(result.lock.steps.count) steps built; log \(result.logFile.path)\n")
            let missing = result.lock.steps.filter { $0.status == .notAvailable }.map(\.id)
            if !missing.isEmpty {
                HashConsole.note("not available in this glassbox yet: \(missing.joined(separator: ", ")) (and the steps after them)")
            }
        } catch {
            throw HashConsole.fail(error.description)
        }
    }
}
