import Foundation
import Testing
import TestSupport

/// `glassbox train --distributed mpi` under a real `mpirun` (Open MPI 4.1): the weights are bit for bit
/// those of a one-process run for 1, 2 and 4 ranks, and a run resumes from another world size's
/// checkpoint to the same bits; a damaged checkpoint is refused by every rank.
@Suite(.serialized, .enabled(if: HPCPackages.ready, "Open MPI / Slurm are not installed and cannot be (see stderr)"))
struct MPITrainingTests {
    /// `mpirun -np N glassbox train … --distributed mpi`.
    func mpirun(_ ranks: Int, _ arguments: [String]) throws -> GlassboxProcess.Output {
        let mpirun = try #require(HPCPackages.path(of: "mpirun"))
        return try GlassboxProcess.runTool(mpirun, ["--oversubscribe", "-np", String(ranks), try GlassboxProcess.executable()]
            + arguments + ["--distributed", "mpi"], env: HPCPackages.mpiEnvironment)
    }

    static func sha256(_ path: String) throws -> String {
        let output = try GlassboxProcess.run(["hash", path])
        return String(output.stdout.prefix(64))
    }

    @Test func oneTwoAndFourRanksTrainTheLocalWeights() throws {
        let temp = try TemporaryDirectory()
        let run = try TinyTrainingRun(directory: temp.path + "/in")
        let local = try GlassboxProcess.run(run.arguments(output: temp.path + "/local"))
        #expect(local.status == 0, "local train: \(local.stderr)")
        let expected = try Self.sha256(temp.path + "/local/model.safetensors")
        let log = try Data(contentsOf: URL(fileURLWithPath: temp.path + "/local/training/log.jsonl"))
        for ranks in [1, 2, 4] {
            let output = temp.path + "/np\(ranks)"
            let result = try mpirun(ranks, run.arguments(output: output))
            #expect(result.status == 0, "mpirun -np \(ranks): \(result.stderr)")
            #expect(try Self.sha256(output + "/model.safetensors") == expected, "\(ranks) ranks")
            #expect(try Data(contentsOf: URL(fileURLWithPath: output + "/training/log.jsonl")) == log, "\(ranks) ranks: log.jsonl")
        }
        print("MPI weights digest (local, 1, 2, 4 ranks): sha256:\(expected)")
    }

    @Test func resumesFromAnotherWorldSizesCheckpointAndRefusesADamagedOne() throws {
        let temp = try TemporaryDirectory()
        let run = try TinyTrainingRun(directory: temp.path + "/in")
        #expect(try GlassboxProcess.run(run.arguments(output: temp.path + "/local")).status == 0)
        let expected = try Self.sha256(temp.path + "/local/model.safetensors")
        let checkpoints = temp.path + "/checkpoints"
        let first = try mpirun(2, run.arguments(output: temp.path + "/first", checkpoints: checkpoints))
        #expect(first.status == 0, "\(first.stderr)")
        // Two ranks left step-2 and step-4; four ranks resume from step-4 (written by rank 0 of the two).
        #expect(FileManager.default.fileExists(atPath: checkpoints + "/step-00000004/state.json"))
        let resumed = try mpirun(4, run.arguments(output: temp.path + "/resumed", checkpoints: checkpoints) + ["--json"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("\"resumed_from_step\":4") || resumed.stdout.contains("\"resumed_from_step\" : 4"),
                "\(resumed.stdout)")
        #expect(try Self.sha256(temp.path + "/resumed/model.safetensors") == expected)
        // Flip one byte of the step-4 weights: every rank checks the digest recorded in state.json.
        let weights = URL(fileURLWithPath: checkpoints + "/step-00000004/model.safetensors")
        var bytes = try Data(contentsOf: weights)
        bytes[bytes.count - 1] ^= 0x01
        try bytes.write(to: weights)
        let damaged = try mpirun(2, run.arguments(output: temp.path + "/damaged", checkpoints: checkpoints))
        #expect(damaged.status != 0)
        #expect(damaged.stderr.contains("model.safetensors has SHA-256"), "\(damaged.stderr)")
        #expect(damaged.stderr.contains("delete this checkpoint directory"))
        #expect(!FileManager.default.fileExists(atPath: temp.path + "/damaged/model.safetensors"))
    }
}
