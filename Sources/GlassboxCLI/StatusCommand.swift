import ArgumentParser
import Builder
import Foundation
import RecipeFormat

/// `glassbox status RELEASE_OR_RECIPE`: the state of each job of a `glassbox build --executor slurm`.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show each step's Slurm job of a `glassbox build --executor slurm`: pending, running, done or failed (with its log).",
        discussion: """
            Reads the submission recorded beside the release (<release>.slurm.json) and asks Slurm \
            for each job with `scontrol -o show job` (or `squeue -t all`), so it needs no accounting \
            database (no sacct). Steps that were cached were not submitted and show as cached. A job \
            Slurm has forgotten (older than MinJobAge) shows as unknown.

            Exit status: 0 when no job failed; 1 when one failed or nothing was submitted; 64 usage error.

            Examples:
              glassbox status Recipes/demo.toml
              glassbox status Releases/eu8-demo-0.1.0 --json
            """)

    @Argument(help: ArgumentHelp("A release directory, or the recipe it is built from.", valueName: "RELEASE_OR_RECIPE"))
    var target: String

    @Option(help: ArgumentHelp("The release directory, when the recipe's was built with --out.", valueName: "DIR"))
    var out: String?

    @Flag(help: "Print the statuses as JSON.")
    var json = false

    func run() throws {
        let statuses: [SlurmStepStatus]
        do {
            let submission = try SlurmSubmission.read(release: try releaseDirectory())
            statuses = SlurmStepStatus.of(submission)
            if json {
                Console.out(try Console.json(statuses))
            } else {
                Console.out("release \(submission.release) (recipe \(submission.recipe))\n")
                for status in statuses { Console.out(status.line + "\n") }
            }
        } catch let error as BuildError {
            throw Console.fail(error.description)
        }
        if statuses.contains(where: { $0.phase == "failed" }) { throw ExitStatus.failure.exitCode }
    }

    /// The release directory named by the argument (or by the recipe, or --out).
    func releaseDirectory() throws -> URL {
        if let out { return URL(fileURLWithPath: out).standardizedFileURL }
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory)
        if isDirectory.boolValue || !exists || !target.hasSuffix(".toml") {
            return URL(fileURLWithPath: target).standardizedFileURL
        }
        do {
            return ReleaseBuild.defaultReleaseDirectory(for: try Recipe.load(contentsOf: URL(fileURLWithPath: target))).standardizedFileURL
        } catch {
            throw Console.fail("\(error)")
        }
    }
}
