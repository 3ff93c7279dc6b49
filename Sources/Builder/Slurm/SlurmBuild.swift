import Foundation
import RecipeFormat

/// `glassbox build RECIPE --executor slurm`: every step that has to run becomes one `sbatch` job
/// that runs `glassbox _run-step` against the shared store after its upstream jobs succeeded
/// (`--dependency=afterok:…`, `--kill-on-invalid-dep=yes`); a last job runs `glassbox build` with
/// everything cached, which writes (and signs) the release. Cached steps are not submitted; jobs of
/// an earlier submission still pending or running are depended on, not submitted again. A failed or
/// cancelled train job is simply submitted again by the next `glassbox build` and resumes from its
/// last checkpoint in the store.
public struct SlurmBuild: Sendable {
    /// Store, threads, cache, signing key: as for a local build.
    public let options: BuildOptions
    /// Resources and the glassbox binary of the jobs.
    public let slurm: SlurmOptions

    /// A Slurm build.
    public init(options: BuildOptions, slurm: SlurmOptions) {
        self.options = options
        self.slurm = slurm
    }

    /// Submits the jobs for the recipe at `recipeURL` and records them beside the release.
    public func submit(recipeAt recipeURL: URL, releaseDirectory: URL? = nil) throws(BuildError) -> SlurmSubmission {
        let recipePath = recipeURL.standardizedFileURL
        let recipe: Recipe
        do { recipe = try Recipe.load(contentsOf: recipePath) } catch { throw BuildError.recipe(error.description) }
        let store = URL(fileURLWithPath: options.storeRoot).standardizedFileURL.path
        let storeID = try SharedStore.prepare(store: store)
        let release = (releaseDirectory ?? ReleaseBuild.defaultReleaseDirectory(for: recipe)).standardizedFileURL
        try ReleaseTarget.check(release, force: options.replaceAnyOutput)
        let plan = try BuildPlan(recipe: recipe, recipeDirectory: recipePath.deletingLastPathComponent(), options: options)
        let previous = (try? SlurmSubmission.read(release: release)).flatMap { $0.recipeDigest == plan.recipeDigest ? $0 : nil }
        let directory = URL(fileURLWithPath: store)
            .appendingPathComponent("builder/slurm/\(recipe.release.name)-\(recipe.release.version)-\(plan.recipeDigest.hex.prefix(12))")
        var jobs: [SlurmSubmission.Job] = []
        var ids: [String: String] = [:]
        let steps = plan.steps.filter { $0.kind != .sign }
        for entry in steps where entry.state == "to-run" {
            let after = entry.upstream.compactMap { ids[$0] }
            if let old = previous?.jobs.first(where: { $0.step == entry.id }),
               [.pending, .running].contains(SlurmCommands.state(of: old.jobID).phase) {
                jobs.append(old)
                ids[entry.id] = old.jobID
                continue
            }
            let ranks = entry.kind == .train ? slurm.trainRanks : 1
            let command = stepCommand(step: entry.id, recipe: recipePath, store: store, ranks: ranks)
            let job = try submitJob(step: entry.id, command: command, ranks: ranks, after: after, directory: directory,
                                    store: store, storeID: storeID, summary: "glassbox step \(entry.id) of \(recipePath.path)")
            jobs.append(job)
            ids[entry.id] = job.jobID
        }
        let command = releaseCommand(recipe: recipePath, store: store, release: release)
        jobs.append(try submitJob(step: "release", command: command, ranks: 1, after: jobs.map(\.jobID), directory: directory,
                                  store: store, storeID: storeID, summary: "glassbox release \(release.path) of \(recipePath.path)"))
        let submission = SlurmSubmission(
            recipe: recipePath.path, recipeDigest: plan.recipeDigest, release: release.path, store: store,
            cached: steps.filter { $0.state == "cached" }.map(\.id),
            notAvailable: steps.filter { $0.state == "not-available" || $0.state == "blocked" }.map(\.id), jobs: jobs)
        try submission.write(release: release)
        return submission
    }

    /// The command one step's job runs: `glassbox _run-step` with the store, threads, the data folder of
    /// `--data-dir` (absolute: jobs start elsewhere) and, for a train step over several ranks, MPI.
    func stepCommand(step: String, recipe: URL, store: String, ranks: Int) -> [String] {
        var command = [slurm.glassbox, "_run-step", recipe.path, "--step", step, "--store", store,
                       "--threads", String(slurm.cpusPerTask)]
        command += dataDirectoryArguments
        if ranks > 1 { command += ["--distributed", "mpi"] }
        return command
    }

    /// The command of the last job: `glassbox build` with every step cached, which writes and signs the release.
    func releaseCommand(recipe: URL, store: String, release: URL) -> [String] {
        var command = [slurm.glassbox, "build", recipe.path, "--store", store, "--out", release.path,
                       "--threads", String(slurm.cpusPerTask)]
        command += dataDirectoryArguments
        if let key = options.signingKey { command += ["--key", key.absoluteURL.standardizedFileURL.path] }
        if let file = options.passphraseFile { command += ["--passphrase-file", file.absoluteURL.standardizedFileURL.path] }
        if !options.useCache { command.append("--no-cache") }
        if options.replaceAnyOutput { command.append("--force") }
        return command
    }

    private var dataDirectoryArguments: [String] {
        options.dataDirectory.map { ["--data-dir", $0.absoluteURL.standardizedFileURL.path] } ?? []
    }

    /// Writes one job's script into `<directory>/<step>/job.sh` and submits it.
    private func submitJob(
        step: String, command: [String], ranks: Int, after: [String], directory: URL, store: String, storeID: String, summary: String
    ) throws(BuildError) -> SlurmSubmission.Job {
        let folder = directory.appendingPathComponent(step)
        try BuilderFiles.makeDirectory(folder)
        let log = folder.appendingPathComponent("slurm-%j.out").path
        let script = SlurmJobScript(
            step: step, jobName: "glassbox-\(step)", logPattern: log, command: command, ranks: ranks, slurm: slurm,
            store: store, storeID: storeID, workingDirectory: FileManager.default.currentDirectoryPath, summary: summary)
        let url = folder.appendingPathComponent("job.sh")
        try BuilderFiles.writeAtomically(Data(script.text.utf8), to: url)
        chmod(url.path, 0o755)
        let id = try SlurmCommands.submit(url, after: after)
        return SlurmSubmission.Job(step: step, jobID: id, script: url.path, log: log.replacingOccurrences(of: "%j", with: id))
    }
}
