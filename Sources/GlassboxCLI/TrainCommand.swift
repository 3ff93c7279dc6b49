import ArgumentParser
import Foundation
import Training
import Transformer

/// `glassbox train`: train a Llama-style model on a tokenised training split.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a Llama-style model on tokenised documents, bit-for-bit reproducibly.",
        discussion: """
            Reads a model config (Hugging Face config.json keys), training options (the recipe's \
            [training] keys as JSON: seed, sequence_length, batch_size, steps, learning_rate required; \
            gradient_accumulation_steps, min_learning_rate, warmup_steps, schedule, weight_decay, beta1, \
            beta2, epsilon, grad_clip_norm, checkpoint_every_steps, language_weights, document_separator \
            optional) and the tokenised split as JSON lines {"language": "cs", "tokens": [1, 2, …]}.

            Writes OUTPUT/model.safetensors, config.json, generation_config.json and training/log.jsonl. \
            With --checkpoints, a checkpoint is written every checkpoint_every_steps updates and a rerun \
            resumes from the latest one; the final weights are identical to an uninterrupted run, and \
            identical for any --threads.

            --distributed mpi trains data-parallel over the MPI world that launched it (mpirun -np N, \
            or srun --mpi=pmix inside a Slurm job): every rank reads the same files and computes its \
            share of each update's gradient_accumulation_steps micro-batches; the gradient sum is \
            formed in micro-batch order whatever the number of ranks, so the weights are bit for bit \
            those of a one-process run. Rank 0 writes the output and the checkpoints; every rank \
            verifies the checkpoint it resumes from. More ranks than micro-batches leaves ranks idle.

            Example: glassbox train --config config.json --options training.json --tokens train.jsonl \
            --out out --checkpoints out/checkpoints --threads 2
              mpirun -np 4 glassbox train --config config.json --options training.json \
            --tokens train.jsonl --out out --distributed mpi
            """
    )

    @Option(help: "Model config.json.")
    var config: String

    @Option(help: "Training options JSON (recipe [training] keys).")
    var options: String

    @Option(help: "Tokenised training split, JSON lines {\"language\": …, \"tokens\": […]}.")
    var tokens: String

    @Option(help: ArgumentHelp("Directory for the trained model.", valueName: "DIR"))
    var out: String?

    @Option(name: .customLong("output"), help: .hidden)
    var legacyOutput: String?

    /// `--out` (or its old spelling `--output`).
    var output: String { out ?? legacyOutput ?? "" }

    @Flag(help: "Replace files of an earlier run in the output folder (other files there are never touched).")
    var force = false

    @Option(help: "Checkpoint directory; the run resumes from its latest checkpoint.")
    var checkpoints: String?

    @OptionGroup var threadsOption: ThreadsOption
    var threads: Int { threadsOption.threads }

    @Option(help: ArgumentHelp("Train data-parallel over the MPI world (mpirun / srun --mpi=pmix); same weights as one process.",
                               valueName: "mpi"))
    var distributed: DistributedMode?

    @Flag(help: "Print the result as JSON.")
    var json = false

    func validate() throws {
        _ = try OutputFlag.resolve(out, legacyOutput, primary: "--out <DIR>", legacy: "--output", required: true)
    }

    func run() throws {
        let support = TrainCommandSupport.self
        try OutputFolder(path: output, option: "--out").check(
            writes: ["config.json", "generation_config.json", "model.safetensors", "training/log.jsonl"], force: force)
        let modelConfig: LlamaConfig = try support.decode(LlamaConfig.self, from: config)
        var trainingOptions: TrainingOptions = try support.decode(TrainingOptions.self, from: options)
        trainingOptions.threads = threads
        let documents = try support.readDocuments(tokens)
        let group = try distributed.map { _ in try support.joinWorld() }
        let progress = ProgressLine()
        let result: TrainingResult
        do {
            result = try Trainer.run(config: modelConfig, options: trainingOptions, documents: documents,
                                     checkpointDirectory: checkpoints, outputDirectory: output, group: group) { p in
                progress.show(p.line)
                return .proceed
            }
        } catch {
            progress.finish()
            throw support.fail(error.description, group: group)
        }
        progress.finish()
        group?.finalize()
        if (group?.rank ?? 0) == 0 { try support.printResult(result, json: json, output: output) }
    }
}

/// How `glassbox train` spreads over processes.
enum DistributedMode: String, ExpressibleByArgument, CaseIterable {
    /// Data-parallel over the MPI world (Open MPI).
    case mpi
}
