import Foundation
import Testing
import TestSupport

/// `glassbox build --executor slurm` against a real one-node Slurm cluster the tests start: the
/// release's lock equals a local build's (with the train step on 4 MPI ranks under srun --mpi=pmix),
/// a cancelled training job resumes from its checkpoint to the same bits, and a node-local store is
/// refused.
@Suite(.serialized, .enabled(if: HPCPackages.ready, "Open MPI / Slurm are not installed and cannot be (see stderr)"))
struct SlurmExecutorTests {
    /// A recipe directory with two small sources; `training` replaces the [training] section.
    static func recipe(in directory: String, training: String) throws -> String {
        var lines: [String] = []
        for index in 0..<300 {
            lines.append("Věta číslo \(index) o počasí, o městě a o řece \(index % 17).")
            lines.append("Veta číslo \(index) o počasí v meste pri rieke \(index % 13).")
        }
        let text = lines.joined(separator: "\n") + "\n"
        try FileManager.default.createDirectory(atPath: directory + "/data", withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: directory + "/data/a.txt"))
        try Data(text.uppercased().utf8).write(to: URL(fileURLWithPath: directory + "/data/b.txt"))
        let recipe = """
            format = 1
            [release]
            name = "slurm-test"
            version = "1.0"
            license = "MIT"
            [[data.sources]]
            id = "a"
            uri = "file:data/a.txt"
            languages = ["cs"]
            license = "CC0-1.0"
            redistributable = true
            tdm_opt_out_respected = true
            [[data.sources]]
            id = "b"
            uri = "file:data/b.txt"
            languages = ["sk"]
            license = "CC0-1.0"
            redistributable = true
            tdm_opt_out_respected = true
            [data]
            seed = 3
            [tokenizer]
            vocab_size = 300
            [model]
            hidden_size = 32
            num_layers = 1
            num_attention_heads = 2
            intermediate_size = 64
            context_length = 32
            \(training)
            [evaluation]
            stride = 16

            """
        try Data(recipe.utf8).write(to: URL(fileURLWithPath: directory + "/recipe.toml"))
        return directory + "/recipe.toml"
    }

    static let shortTraining = """
        [training]
        sequence_length = 16
        batch_size = 2
        gradient_accumulation_steps = 6
        steps = 6
        learning_rate = 0.01
        checkpoint_every_steps = 2
        """

    static func lock(_ release: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: release + "/recipe.lock.json"))
    }

    @Test func fourRankTrainingOnSlurmGivesTheLocalLock() throws {
        let temp = try TemporaryDirectory()
        let cluster = try SlurmTestCluster(directory: temp.path + "/cluster")
        let recipe = try Self.recipe(in: temp.path + "/recipe", training: Self.shortTraining)
        let local = try GlassboxProcess.run(["build", recipe, "--store", temp.path + "/s1", "--out", temp.path + "/r1", "--threads", "1"])
        #expect(local.status == 0, "\(local.stderr)")
        let slurm = try GlassboxProcess.run(["build", recipe, "--store", temp.path + "/s2", "--out", temp.path + "/r2", "--executor", "slurm",
                                             "--ntasks-per-node", "4", "--time", "00:10:00", "--wait"], env: cluster.environment)
        #expect(slurm.status == 0, "\(slurm.stdout)\(slurm.stderr)\(cluster.logs())")
        #expect(try Self.lock(temp.path + "/r2") == Self.lock(temp.path + "/r1"))
        #expect(slurm.stderr.contains("train") && slurm.stderr.contains("done"), "progress: \(slurm.stderr)")
        let scripts = try FileManager.default.subpathsOfDirectory(atPath: temp.path + "/s2/builder/slurm").filter { $0.hasSuffix("/train/job.sh") }
        let script = try String(contentsOfFile: temp.path + "/s2/builder/slurm/" + (try #require(scripts.first)), encoding: .utf8)
        #expect(script.contains("#SBATCH --ntasks-per-node=4") && script.contains("#SBATCH --time=00:10:00"))
        #expect(script.contains("exec srun --mpi=pmix '") && script.contains("' '_run-step' '\(recipe)' '--step' 'train'"))
        #expect(script.contains("'--distributed' 'mpi'"))
        let status = try GlassboxProcess.run(["status", temp.path + "/r2"], env: cluster.environment)
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.split(separator: "\n").filter { $0.contains(" done") }.count == 8, "\(status.stdout)")
        // Everything is cached now: only the job that writes the release is submitted.
        let again = try GlassboxProcess.run(["build", recipe, "--store", temp.path + "/s2", "--out", temp.path + "/r2", "--executor", "slurm",
                                             "--json"], env: cluster.environment)
        #expect(again.status == 0, "\(again.stderr)")
        let record = try JSONSerialization.jsonObject(with: again.stdoutData) as? [String: Any]
        #expect(record?["cached"] as? [String] == ["fetch.a", "fetch.b", "prepare", "tokenizer", "train", "evaluate", "package"], "\(again.stdout)")
        #expect((record?["jobs"] as? [[String: Any]])?.map { $0["step"] as? String } == ["release"], "\(again.stdout)")
    }

    @Test func cancelledTrainingJobResumesFromItsCheckpointToTheSameBits() throws {
        let temp = try TemporaryDirectory()
        let cluster = try SlurmTestCluster(directory: temp.path + "/cluster")
        let training = """
            [training]
            sequence_length = 32
            batch_size = 8
            gradient_accumulation_steps = 2
            steps = 3000
            learning_rate = 0.003
            checkpoint_every_steps = 50
            """
        let recipe = try Self.recipe(in: temp.path + "/recipe", training: training)
        let store = temp.path + "/s2"
        let submitted = try GlassboxProcess.run(["build", recipe, "--store", store, "--out", temp.path + "/r2", "--executor", "slurm",
                                                 "--ntasks-per-node", "2", "--json"], env: cluster.environment)
        #expect(submitted.status == 0, "\(submitted.stderr)")
        let record = try JSONSerialization.jsonObject(with: submitted.stdoutData) as? [String: Any]
        let jobs = try #require(record?["jobs"] as? [[String: Any]])
        let train = try #require(jobs.first { $0["step"] as? String == "train" }?["job_id"] as? String)
        let checkpoint = try #require(try Self.waitForCheckpoint(in: store), "no checkpoint appeared\(cluster.logs())")
        try cluster.tool("scancel", [train])
        for _ in 0..<100 where try cluster.jobState(train) != "CANCELLED" { usleep(200_000) }
        #expect(try cluster.jobState(train) == "CANCELLED")
        let status = try GlassboxProcess.run(["status", recipe, "--out", temp.path + "/r2"], env: cluster.environment)
        #expect(status.status == 1)
        #expect(status.stdout.contains("failed (CANCELLED") && status.stdout.contains("log: \(store)/builder/slurm/"), "\(status.stdout)")
        #expect(FileManager.default.fileExists(atPath: checkpoint), "the checkpoint survives the cancelled job")
        let local = try GlassboxProcess.run(["build", recipe, "--store", temp.path + "/s1", "--out", temp.path + "/r1", "--threads", "1"])
        #expect(local.status == 0, "\(local.stderr)")
        let resumed = try GlassboxProcess.run(["build", recipe, "--store", store, "--out", temp.path + "/r2", "--executor", "slurm",
                                               "--ntasks-per-node", "2", "--wait"], env: cluster.environment)
        #expect(resumed.status == 0, "\(resumed.stderr)\(cluster.logs())")
        #expect(resumed.stdout.contains("train: job"), "the train step is submitted again: \(resumed.stdout)")
        #expect(resumed.stderr.contains("train (job ") && resumed.stderr.contains("%"), "--wait shows training progress: \(resumed.stderr)")
        #expect(try Self.lock(temp.path + "/r2") == Self.lock(temp.path + "/r1"))
    }

    /// Waits (up to 3 minutes) for the first checkpoint of the train step; returns its path.
    static func waitForCheckpoint(in store: String) throws -> String? {
        let scratch = store + "/builder/scratch"
        for _ in 0..<900 {
            for key in (try? FileManager.default.contentsOfDirectory(atPath: scratch)) ?? [] {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: "\(scratch)/\(key)/checkpoints")) ?? []
                if let name = names.first(where: { $0.hasPrefix("step-") }) { return "\(scratch)/\(key)/checkpoints/\(name)" }
            }
            usleep(200_000)
        }
        return nil
    }

    @Test func aStoreOnTmpfsIsRefused() throws {
        let temp = try TemporaryDirectory()
        guard (try? GlassboxProcess.runTool("/usr/bin/stat", ["-f", "-c", "%T", "/dev/shm"]).stdout.hasPrefix("tmpfs")) == true else {
            print("skipped: /dev/shm is not tmpfs on this machine")
            return
        }
        let recipe = try Self.recipe(in: temp.path + "/recipe", training: Self.shortTraining)
        let store = "/dev/shm/glassbox-test-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: store) }
        let result = try GlassboxProcess.run(["build", recipe, "--store", store, "--executor", "slurm", "--out", temp.path + "/r"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: the store \(store) is on tmpfs"), "\(result.stderr)")
        #expect(result.stderr.contains("every node mounts"))
    }
}
