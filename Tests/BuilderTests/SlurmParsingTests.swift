@testable import Builder
import Foundation
import Testing

/// What glassbox reads from Slurm (`scontrol -o show job`, `squeue -t all`) and the job scripts it writes.
@Suite struct SlurmParsingTests {
    @Test func scontrolLinesMapToPhases() throws {
        let line = "JobId=12 JobName=glassbox-train UserId=root(0) Priority=1 JobState=PENDING Reason=Dependency "
            + "Dependency=afterok:11(unfulfilled) Requeue=1 ExitCode=0:0 RunTime=00:00:00"
        let state = try #require(SlurmJobState.parse(scontrol: line))
        #expect(state == SlurmJobState(state: "PENDING", reason: "Dependency", exitCode: "0:0"))
        #expect(state.phase == .pending)
        #expect(SlurmJobState(state: "PENDING", reason: "DependencyNeverSatisfied").phase == .failed)
        #expect(SlurmJobState(state: "RUNNING").phase == .running)
        #expect(SlurmJobState(state: "COMPLETING").phase == .running)
        #expect(SlurmJobState(state: "COMPLETED").phase == .done)
        for failed in ["FAILED", "CANCELLED", "TIMEOUT", "PREEMPTED", "NODE_FAIL", "OUT_OF_MEMORY", "BOOT_FAIL", "DEADLINE"] {
            #expect(SlurmJobState(state: failed).phase == .failed, "\(failed)")
        }
        #expect(SlurmJobState.parse(scontrol: "slurm_load_jobs error: Invalid job id specified") == nil)
        #expect(SlurmJobState.parse(squeue: "12|CANCELLED|DependencyNeverSatisfied") == SlurmJobState(state: "CANCELLED", reason: "DependencyNeverSatisfied"))
        #expect(SlurmJobState.parse(squeue: "") == nil)
    }

    @Test func jobsCarryTheDataFolderAndTheSigningKeyAsAbsolutePaths() {
        var options = BuildOptions(storeRoot: "/store", threads: 2, dataDirectory: URL(fileURLWithPath: "/shared/partner-data"))
        options.signingKey = URL(fileURLWithPath: "/keys/eu24-nano.pem")
        let build = SlurmBuild(options: options, slurm: SlurmOptions(glassbox: "/opt/glassbox", tasksPerNode: 2, cpusPerTask: 4))
        let recipe = URL(fileURLWithPath: "/r/eu24-nano.toml")
        #expect(build.stepCommand(step: "fetch.partner-sl", recipe: recipe, store: "/store", ranks: 1) == [
            "/opt/glassbox", "_run-step", "/r/eu24-nano.toml", "--step", "fetch.partner-sl", "--store", "/store", "--threads", "4",
            "--data-dir", "/shared/partner-data"])
        #expect(build.stepCommand(step: "train", recipe: recipe, store: "/store", ranks: 2).suffix(2) == ["--distributed", "mpi"])
        let release = build.releaseCommand(recipe: recipe, store: "/store", release: URL(fileURLWithPath: "/out/eu24-nano-0.1"))
        #expect(release.contains("--data-dir") && release.contains("/shared/partner-data"))
        #expect(release.suffix(2) == ["--key", "/keys/eu24-nano.pem"])
        let local = SlurmBuild(options: BuildOptions(storeRoot: "/store", threads: 2), slurm: SlurmOptions(glassbox: "/opt/glassbox"))
        #expect(!local.stepCommand(step: "prepare", recipe: recipe, store: "/store", ranks: 1).contains("--data-dir"))
    }

    @Test func jobScriptsQuoteTheCommandAndLaunchRanksWithSrun() {
        let slurm = SlurmOptions(glassbox: "/opt/glass box/glassbox", partition: "small", account: "project_1", time: "01:00:00",
                                 nodes: 2, tasksPerNode: 4, cpusPerTask: 8, extraArguments: ["--qos=normal"])
        let script = SlurmJobScript(
            step: "train", jobName: "glassbox-train", logPattern: "/store/builder/slurm/x/train/slurm-%j.out",
            command: ["/opt/glass box/glassbox", "_run-step", "/r/it's.toml", "--step", "train"], ranks: 8, slurm: slurm,
            store: "/store", storeID: "abc-123", workingDirectory: "/r", summary: "glassbox step train of /r/it's.toml")
        let text = script.text
        #expect(text.hasPrefix("#!/bin/bash\n"))
        for line in ["#SBATCH --partition=small", "#SBATCH --account=project_1", "#SBATCH --time=01:00:00", "#SBATCH --nodes=2",
                     "#SBATCH --ntasks-per-node=4", "#SBATCH --cpus-per-task=8", "#SBATCH --qos=normal",
                     "#SBATCH --output=/store/builder/slurm/x/train/slurm-%j.out",
                     "if ! grep -qx 'abc-123' '/store/builder/slurm/store-id' 2>/dev/null; then",
                     "exec srun --mpi=pmix '/opt/glass box/glassbox' '_run-step' '/r/it'\\''s.toml' '--step' 'train'"] {
            #expect(text.contains(line + "\n"), "missing: \(line)\n\(text)")
        }
        let single = SlurmJobScript(step: "prepare", jobName: "glassbox-prepare", logPattern: "/l", command: ["/g", "_run-step"], ranks: 1,
                                    slurm: slurm, store: "/store", storeID: "abc", workingDirectory: "/r", summary: "s")
        #expect(single.text.contains("#SBATCH --ntasks=1\n") && single.text.contains("\nexec '/g' '_run-step'\n"))
        #expect(!single.text.contains("srun"))
    }

    @Test func tmpfsStoresAreRecognisedAsNodeLocal() {
        if (try? String(contentsOfFile: "/proc/mounts", encoding: .utf8))?.contains(" /dev/shm tmpfs ") == true {
            #expect(SharedStore.fileSystemKind("/dev/shm/glassbox-store") == "tmpfs")
        }
        #expect(SharedStore.fileSystemKind("/proc/self") == nil, "procfs is not a RAM file system glassbox refuses")
    }
}
