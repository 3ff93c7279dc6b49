import Foundation

/// The batch script of one job: `#SBATCH` lines for its resources, a check that the node sees the
/// store, and the exact glassbox command it runs — written readable into the step's job directory so
/// an operator can read it and re-run it by hand (`sbatch job.sh` or the last line on any node).
struct SlurmJobScript {
    /// The step id (`fetch.<source>`, `prepare`, …) or `release` for the job that writes the release.
    let step: String
    /// The job's name in `squeue`.
    let jobName: String
    /// Slurm's log of the job (`%j` stands for the job id).
    let logPattern: String
    /// The command, as arguments (the first is the glassbox binary).
    let command: [String]
    /// Ranks (more than one: launched with `srun --mpi=pmix`).
    let ranks: Int
    /// Resources.
    let slurm: SlurmOptions
    /// The store and its identity (see `SharedStore`).
    let store: String
    let storeID: String
    /// The directory the job runs in (where `glassbox build` was started).
    let workingDirectory: String
    /// What the header says the job is for.
    let summary: String

    /// The script's text.
    var text: String {
        var lines = ["#!/bin/bash",
                     "# \(summary)",
                     "# Written by `glassbox build --executor slurm`. Each job runs one step against the shared store;",
                     "# re-run this one with `sbatch job.sh` once its inputs are built, or run the",
                     "# last line on any node that sees the store.",
                     "#SBATCH --job-name=\(jobName)",
                     "#SBATCH --output=\(logPattern)",
                     "#SBATCH --chdir=\(workingDirectory)"]
        if let partition = slurm.partition { lines.append("#SBATCH --partition=\(partition)") }
        if let account = slurm.account { lines.append("#SBATCH --account=\(account)") }
        if let time = slurm.time { lines.append("#SBATCH --time=\(time)") }
        if ranks > 1 {
            lines += ["#SBATCH --nodes=\(slurm.nodes)", "#SBATCH --ntasks-per-node=\(slurm.tasksPerNode)"]
        } else {
            lines += ["#SBATCH --nodes=1", "#SBATCH --ntasks=1"]
        }
        lines.append("#SBATCH --cpus-per-task=\(slurm.cpusPerTask)")
        lines += slurm.extraArguments.map { "#SBATCH \($0)" }
        let identity = Self.quote(SharedStore.identityFile(store: store).path)
        lines += ["set -eu",
                  "if ! grep -qx \(Self.quote(storeID)) \(identity) 2>/dev/null; then",
                  "  echo \"error: the glassbox store \(store.replacingOccurrences(of: "\"", with: "")) is not visible on $(hostname) "
                    + "(no \(identity.replacingOccurrences(of: "'", with: "")) with this build's id); put the store on a file system every node mounts\" >&2",
                  "  exit 2",
                  "fi",
                  (ranks > 1 ? "exec srun --mpi=pmix " : "exec ") + command.map(Self.quote).joined(separator: " ")]
        return lines.joined(separator: "\n") + "\n"
    }

    /// `value` in single quotes for sh.
    static func quote(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
