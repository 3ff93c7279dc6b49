import ArgumentParser
import Builder
import Foundation

/// Where `glassbox build` runs the steps: here, or as Slurm jobs.
enum ExecutorKind: String, ExpressibleByArgument, CaseIterable {
    /// In this process.
    case local
    /// One `sbatch` job per step (see Docs/hpc.md).
    case slurm
}

/// `glassbox build --executor slurm` options.
struct SlurmCommandOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Run the steps here (local) or as Slurm jobs (slurm: one sbatch job per uncached step, see Docs/hpc.md).",
                               valueName: "local|slurm"))
    var executor: ExecutorKind = .local

    @Option(help: ArgumentHelp("Slurm partition of every job.", valueName: "P"))
    var partition: String?

    @Option(help: ArgumentHelp("Slurm account (project) charged for every job.", valueName: "A"))
    var account: String?

    @Option(help: ArgumentHelp("Slurm time limit of every job (HH:MM:SS, D-HH:MM).", valueName: "T"))
    var time: String?

    @Option(help: ArgumentHelp("Nodes of the train job (the other steps run on one).", valueName: "N"))
    var nodes: Int = 1

    @Option(name: .customLong("ntasks-per-node"), help: ArgumentHelp(
        "MPI ranks per node of the train job; more than one rank in all trains data-parallel with srun --mpi=pmix (same weights).",
        valueName: "K"))
    var tasksPerNode: Int = 1

    @Option(name: .customLong("cpus-per-task"), help: ArgumentHelp("CPUs of each task, also its glassbox --threads.", valueName: "C"))
    var cpusPerTask: Int = 1

    @Option(name: .customLong("sbatch-arg"), help: ArgumentHelp(
        "One more sbatch argument for every job, e.g. --sbatch-arg=--qos=normal (repeatable).", valueName: "ARG"))
    var sbatchArguments: [String] = []

    @Flag(help: "With --executor slurm: wait, printing each step's progress, until the release is written.")
    var wait = false

    func validate() throws {
        guard nodes >= 1, tasksPerNode >= 1, cpusPerTask >= 1 else {
            throw ValidationError("--nodes, --ntasks-per-node and --cpus-per-task must be at least 1")
        }
        let slurmOnly = partition != nil || account != nil || time != nil || nodes != 1 || tasksPerNode != 1 || cpusPerTask != 1
            || !sbatchArguments.isEmpty || wait
        if executor == .local, slurmOnly {
            throw ValidationError("--partition, --account, --time, --nodes, --ntasks-per-node, --cpus-per-task, --sbatch-arg and --wait need --executor slurm")
        }
    }

    /// The Slurm options, with this glassbox binary as the command each job runs.
    func slurmOptions() -> SlurmOptions {
        SlurmOptions(glassbox: Self.executablePath(), partition: partition, account: account, time: time, nodes: nodes,
                     tasksPerNode: tasksPerNode, cpusPerTask: cpusPerTask, extraArguments: sbatchArguments)
    }

    /// The absolute path of the running glassbox binary.
    static func executablePath() -> String {
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return resolved }
        return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
    }
}
