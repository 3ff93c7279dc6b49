import ArgumentParser
import Builder
import Foundation
import RecipeFormat
import Training

/// `glassbox _run-step RECIPE --step ID --store DIR`: runs one step of a recipe against the store.
/// Hidden: it is what each job of `glassbox build --executor slurm` runs (see the job scripts).
struct RunStepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "_run-step",
        abstract: "Run one step of a recipe against the store (what each Slurm job of `glassbox build --executor slurm` runs).",
        discussion: """
            The step's inputs must already be in the store (the jobs of its upstream steps finished); \
            a step whose outputs are cached is not run again; a train step resumes from its last \
            checkpoint. With --distributed mpi (the train step launched by srun --mpi=pmix) every \
            rank runs this command; rank 0 writes the outputs.

            Example: glassbox _run-step recipe.toml --step train --store /scratch/project/glassbox --threads 8
            """,
        shouldDisplay: false)

    @Argument(help: ArgumentHelp("The recipe.", valueName: "RECIPE"))
    var recipe: String

    @Option(help: ArgumentHelp("The step id (fetch.<source>, prepare, tokenizer, train, evaluate).", valueName: "ID"))
    var step: String

    @Option(help: ArgumentHelp("Run the step data-parallel over the MPI world (train only).", valueName: "mpi"))
    var distributed: DistributedMode?

    @Option(name: .customLong("data-dir"), help: ArgumentHelp(
        "Where the data files of the recipe's sources are (as for `glassbox build --data-dir`).", valueName: "DIR"))
    var dataDirectory: String?

    @OptionGroup var common: BuildCommandOptions

    func run() throws {
        let printer = StepLogPrinter()
        let group = try distributed.map { _ in try TrainCommandSupport.joinWorld() }
        var options = common.buildOptions(dataDirectory: dataDirectory.map { URL(fileURLWithPath: $0) }) { printer.handle($0) }
        options.processGroup = group
        do {
            let url = URL(fileURLWithPath: recipe)
            let loaded: Recipe
            do { loaded = try Recipe.load(contentsOf: url) } catch { throw BuildError.recipe(error.description) }
            let record = try StepRunner(options: options).runStep(step, recipe: loaded, recipeDirectory: url.deletingLastPathComponent())
            group?.finalize()
            if let record { Console.out("step \(step): outputs \(record.manifest) in the store at \(options.storeRoot)\n") }
        } catch {
            if let group { throw TrainCommandSupport.fail("step \(step): \(error)", group: group) }
            throw Console.fail(String(describing: error))
        }
    }
}
