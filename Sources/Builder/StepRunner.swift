import ContentStorage
import Digests
import Foundation
import RecipeFormat

/// Runs the step graph of one recipe: computes each key from its inputs' output digests, reuses cached
/// outputs, runs the rest in work directories keyed by step key, and returns the lock.
public struct StepRunner: Sendable {
    /// How to run.
    public let options: BuildOptions
    /// The store cache.
    public let cache: StepCache

    /// A runner over the store at `options.storeRoot`.
    public init(options: BuildOptions) {
        self.options = options
        cache = StepCache(store: ContentStore(root: options.storeRoot))
    }

    /// The outcome of a run: the lock and, for built steps, their records.
    public struct Outcome: Sendable {
        /// The lock for the recipe.
        public let lock: RecipeLock
        /// Step id → record, for built steps.
        public let records: [String: StepRecord]
    }

    /// Runs every step of `recipe` whose executor exists and whose inputs were built.
    public func run(_ recipe: Recipe, recipeDirectory: URL) throws(BuildError) -> Outcome {
        let graph = try StepGraph(recipe: recipe, recipeDirectory: recipeDirectory, dataDirectory: options.dataDirectory)
        var records: [String: StepRecord] = [:]
        var locked: [LockedStep] = []
        for spec in graph.steps {
            if let missing = spec.upstream.first(where: { records[$0] == nil }) {
                options.events(.skipped(step: spec.id, status: .blocked, reason: "input \(missing) was not built"))
                locked.append(LockedStep(id: spec.id, kind: spec.kind, status: .blocked))
                continue
            }
            let material = spec.keyMaterial(upstreamOutputs: records.mapValues(\.manifest), coreVersion: CoreVersion.string)
            let key = try material.key()
            let available = options.registry.executor(for: spec.kind, recipe: recipe)
            guard let executor = available.executor else {
                options.events(.skipped(step: spec.id, status: .notAvailable, reason: available.reason))
                locked.append(LockedStep(id: spec.id, kind: spec.kind, status: .notAvailable, key: key, inputs: material.inputs))
                continue
            }
            let record = try runOrReuse(spec, key: key, executor: executor, recipe: recipe, recipeDirectory: recipeDirectory, records: records)
            records[spec.id] = record
            locked.append(LockedStep(id: spec.id, kind: spec.kind, status: .built, key: key, inputs: material.inputs,
                                     manifest: record.manifest, files: record.files))
        }
        let digest: Digest
        do { digest = try recipe.digest() } catch { throw BuildError.recipe(error.description) }
        let lock = RecipeLock(coreVersion: CoreVersion.string, recipeDigest: digest, steps: locked,
                              reproducibility: recipe.training.isExternal ? .importedDeclared : nil)
        return Outcome(lock: lock, records: records)
    }

    func runOrReuse(
        _ spec: StepSpec, key: Digest, executor: any StepExecutor, recipe: Recipe, recipeDirectory: URL, records: [String: StepRecord]
    ) throws(BuildError) -> StepRecord {
        let lock = try StepLock(at: cache.workURL(key).appendingPathExtension("lock"))
        defer { withExtendedLifetime(lock) {} }
        if options.useCache {
            switch cache.lookup(key) {
            case let .hit(record):
                options.events(.finished(step: spec.id, cached: true, seconds: 0))
                return record
            case let .damaged(reason, corrupt):
                options.events(.warning("step \(spec.id): \(reason); rebuilding it"))
                cache.discard(corrupt)
            case .miss:
                break
            }
        }
        let started = Date()
        options.events(.started(step: spec.id, key: key))
        var inputs: [String: URL] = [:]
        for id in spec.upstream {
            if let record = records[id] { inputs[id] = try cache.materialise(record) }
        }
        let work = cache.workURL(key)
        try BuilderFiles.remove(work)
        let output = work.appendingPathComponent("out")
        try BuilderFiles.makeDirectory(output)
        try BuilderFiles.makeDirectory(cache.scratchURL(key))
        let events = options.events
        var context = StepContext(
            step: spec, key: key, recipe: recipe, recipeDirectory: recipeDirectory, dataDirectory: options.dataDirectory,
            inputs: inputs, outputDirectory: output, scratchDirectory: cache.scratchURL(key), threads: options.threads,
            progress: { events(.progress(step: spec.id, $0)) })
        context.inputDigests = spec.keyMaterial(upstreamOutputs: records.mapValues(\.manifest), coreVersion: CoreVersion.string).inputs
        do {
            try executor.run(context)
        } catch let error as BuildError {
            throw error
        } catch {
            throw BuildError.stepFailed(step: spec.id, reason: String(describing: error))
        }
        let record = try cache.commit(key: key, kind: spec.kind, outputDirectory: output, threads: options.threads)
        try BuilderFiles.remove(work)
        try BuilderFiles.remove(cache.scratchURL(key))
        options.events(.finished(step: spec.id, cached: false, seconds: Date().timeIntervalSince(started)))
        return record
    }
}
