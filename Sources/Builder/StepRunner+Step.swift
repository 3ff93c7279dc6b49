import ContentStorage
import Digests
import Foundation
import RecipeFormat
import Training

extension StepRunner {
    /// Runs the one step `id` of `recipe` (what each Slurm job does: `glassbox _run-step`). Its inputs
    /// must already be in the store (the jobs of its upstream steps finished); a cached step is reused.
    /// With `options.processGroup`, every rank calls this: rank 0 locks, looks up and commits, all
    /// ranks run the executor together, the others writing nothing. Returns the record (nil on ranks
    /// other than 0).
    public func runStep(_ id: String, recipe: Recipe, recipeDirectory: URL) throws(BuildError) -> StepRecord? {
        let graph = try StepGraph(recipe: recipe, recipeDirectory: recipeDirectory, dataDirectory: options.dataDirectory)
        guard let spec = graph.step(id) else {
            throw BuildError.recipe("the recipe has no step \(id); its steps are \(graph.steps.map(\.id).joined(separator: ", "))")
        }
        let available = options.registry.executor(for: spec.kind, recipe: recipe)
        guard let executor = available.executor else { throw BuildError.stepFailed(step: id, reason: available.reason) }
        var records: [String: StepRecord] = [:]
        for upstream in spec.upstream { records[upstream] = try cachedRecord(upstream, graph: graph) }
        let key = try spec.keyMaterial(upstreamOutputs: records.mapValues(\.manifest), coreVersion: CoreVersion.string).key()
        guard let group = options.processGroup, group.size > 1 else {
            return try runOrReuse(spec, key: key, executor: executor, recipe: recipe, recipeDirectory: recipeDirectory, records: records)
        }
        guard spec.kind == .train else {
            throw BuildError.stepFailed(step: id, reason: "only the train step runs on several ranks; run \(id) as one task (srun -n 1)")
        }
        return try runRanked(spec, key: key, executor: executor, group: group, recipe: recipe, recipeDirectory: recipeDirectory, records: records)
    }

    /// The record of step `id`, which must be in the cache (its inputs' records found recursively).
    func cachedRecord(_ id: String, graph: StepGraph) throws(BuildError) -> StepRecord {
        guard let spec = graph.step(id) else { throw BuildError.recipe("the step graph has no step \(id)") }
        var outputs: [String: Digest] = [:]
        for upstream in spec.upstream { outputs[upstream] = try cachedRecord(upstream, graph: graph).manifest }
        let key = try spec.keyMaterial(upstreamOutputs: outputs, coreVersion: CoreVersion.string).key()
        guard case let .hit(record) = cache.lookup(key) else {
            throw BuildError.stepFailed(step: id, reason: "its outputs (key \(key)) are not in the store at \(options.storeRoot); "
                + "run its job first (`glassbox status RECIPE` shows the jobs), or build the recipe once more")
        }
        return record
    }

    /// A step run by every rank of `group`: rank 0 decides (cached or not) and owns the work and
    /// output directories; the others wait for its decision and run the executor into a private folder.
    func runRanked(
        _ spec: StepSpec, key: Digest, executor: any StepExecutor, group: any ProcessGroup, recipe: Recipe, recipeDirectory: URL,
        records: [String: StepRecord]
    ) throws(BuildError) -> StepRecord? {
        let leader = group.rank == 0
        let lock = leader ? try StepLock(at: cache.workURL(key).appendingPathExtension("lock")) : nil
        defer { withExtendedLifetime(lock) {} }
        var hit: StepRecord?
        if leader, options.useCache, case let .hit(record) = cache.lookup(key) { hit = record }
        let work = cache.workURL(key), output = work.appendingPathComponent("out")
        var inputs: [String: URL] = [:]
        if leader, hit == nil {
            try BuilderFiles.remove(work)
            try BuilderFiles.makeDirectory(output)
            try BuilderFiles.makeDirectory(cache.scratchURL(key))
            inputs = try materialise(spec, records: records)
        }
        let run = try collective { () throws(TrainingError) in try group.broadcast(hit == nil ? 1 : 0, from: 0) }
        if run == 0 {
            if leader { options.events(.finished(step: spec.id, cached: true, seconds: 0)) }
            return hit
        }
        if !leader { inputs = try materialise(spec, records: records) }
        let own = leader ? output : work.deletingLastPathComponent().appendingPathComponent("\(key.hex).rank-\(group.rank)")
        if !leader {
            try BuilderFiles.remove(own)
            try BuilderFiles.makeDirectory(own)
        }
        let started = Date()
        if leader { options.events(.started(step: spec.id, key: key)) }
        let events = options.events
        var context = StepContext(
            step: spec, key: key, recipe: recipe, recipeDirectory: recipeDirectory, dataDirectory: options.dataDirectory,
            inputs: inputs, outputDirectory: own, scratchDirectory: cache.scratchURL(key), threads: options.threads,
            progress: { progress in if leader { events(.progress(step: spec.id, progress)) } })
        context.processGroup = group
        context.inputDigests = spec.keyMaterial(upstreamOutputs: records.mapValues(\.manifest), coreVersion: CoreVersion.string).inputs
        do { try executor.run(context) } catch let error as BuildError { throw error } catch {
            throw BuildError.stepFailed(step: spec.id, reason: String(describing: error))
        }
        guard leader else {
            try BuilderFiles.remove(own)
            return nil
        }
        let record = try cache.commit(key: key, kind: spec.kind, outputDirectory: output, threads: options.threads)
        try BuilderFiles.remove(work)
        try BuilderFiles.remove(cache.scratchURL(key))
        options.events(.finished(step: spec.id, cached: false, seconds: Date().timeIntervalSince(started)))
        return record
    }

    /// The inputs of `spec` as read-only directories (exported once; rank 0 does it before the others look).
    private func materialise(_ spec: StepSpec, records: [String: StepRecord]) throws(BuildError) -> [String: URL] {
        var inputs: [String: URL] = [:]
        for id in spec.upstream {
            if let record = records[id] { inputs[id] = try cache.materialise(record) }
        }
        return inputs
    }

    private func collective<T>(_ body: () throws(TrainingError) -> T) throws(BuildError) -> T {
        do { return try body() } catch { throw BuildError.stepFailed(step: "train", reason: error.description) }
    }
}
