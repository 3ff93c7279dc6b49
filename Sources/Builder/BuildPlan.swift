import ContentStorage
import Digests
import Foundation
import RecipeFormat

/// `glassbox recipe plan`: the step graph with each step's key (where its inputs are known) and whether
/// it is cached, would run, is not available in this glassbox, or waits on a step that is not.
public struct BuildPlan: Codable, Sendable {
    /// One step of the plan.
    public struct Entry: Codable, Sendable {
        /// Step id.
        public let id: String
        /// Step kind.
        public let kind: StepKind
        /// The key; nil while an input's outputs are unknown (not built yet).
        public let key: Digest?
        /// `cached`, `to-run`, `missing-input` (a local file it names does not exist yet), `not-available`
        /// or `blocked`; for `sign`: `at-end` (runs last on the
        /// finished release, never cached or locked) or `skipped` (no signing key named).
        public let state: String
        /// Ids of the steps it reads.
        public let upstream: [String]
        /// Canonical JSON of the recipe fields it reads.
        public let config: String
        /// Why the step is in this state, where that is not obvious (nil otherwise).
        public var note: String?
    }

    /// Why `package` is not available although the release is complete for Hugging Face.
    public static let packageNote = "not available yet: the release directory already holds what Hugging Face loads "
        + "(config.json, generation_config.json, model.safetensors, tokenizer.json, tokenizer_config.json, "
        + "special_tokens_map.json) and the build record (recipe.toml, recipe.lock.json, data/stats.json, "
        + "training/log.jsonl, eval/results.json); the model card and EU AI Act documents are not written yet"


    /// Digest of the recipe's canonical form.
    public let recipeDigest: Digest
    /// The steps in execution order.
    public let steps: [Entry]

    enum CodingKeys: String, CodingKey {
        case steps
        case recipeDigest = "recipe_digest"
    }

    /// Plans `recipe` against the cache in `options.storeRoot`.
    public init(recipe: Recipe, recipeDirectory: URL, options: BuildOptions) throws(BuildError) {
        let graph = try StepGraph(recipe: recipe, recipeDirectory: recipeDirectory, dataDirectory: options.dataDirectory,
                                  allowMissingInputs: true)
        let cache = StepCache(store: ContentStore(root: options.storeRoot))
        var outputs: [String: Digest] = [:]
        var unavailable: Set<String> = []
        var entries: [Entry] = []
        for spec in graph.steps {
            var key: Digest?
            let missing = graph.missingInputs[spec.id] ?? []
            if missing.isEmpty, spec.upstream.allSatisfy({ outputs[$0] != nil }) {
                key = try spec.keyMaterial(upstreamOutputs: outputs, coreVersion: CoreVersion.string).key()
            }
            let state: String
            if spec.upstream.contains(where: unavailable.contains) {
                state = StepStatus.blocked.rawValue
                unavailable.insert(spec.id)
            } else if options.registry.executor(for: spec.kind, recipe: recipe).executor == nil {
                state = StepStatus.notAvailable.rawValue
                unavailable.insert(spec.id)
            } else if !missing.isEmpty {
                state = "missing-input"
            } else if let key, options.useCache, case let .hit(record) = cache.lookup(key) {
                state = "cached"
                outputs[spec.id] = record.manifest
            } else {
                state = "to-run"
            }
            let reason = options.registry.executor(for: spec.kind, recipe: recipe)
            var note = spec.kind == .package && reason.executor == nil
                ? (options.registry.executor(for: .package) == nil ? Self.packageNote : reason.reason) : nil
            if !missing.isEmpty {
                note = "\(missing.joined(separator: "; ")) does not exist yet; put the file there, "
                    + "then its key and the keys after it are known"
            }
            entries.append(Entry(id: spec.id, kind: spec.kind, key: key, state: state, upstream: spec.upstream, config: spec.config, note: note))
        }
        entries.append(Self.signEntry(recipe: recipe, recipeDirectory: recipeDirectory, options: options, upstream: graph.steps.map(\.id)))
        do { recipeDigest = try recipe.digest() } catch { throw BuildError.recipe(error.description) }
        steps = entries
    }

    /// The sign step: not a graph step (its signature is randomised and covers the lock), it runs
    /// after the release is written when a key is named, and is skipped otherwise.
    static func signEntry(recipe: Recipe, recipeDirectory: URL, options: BuildOptions, upstream: [String]) -> Entry {
        let keyPath = options.signingKey?.path
            ?? recipe.publish.signingKey.map { $0.hasPrefix("/") ? $0 : recipeDirectory.appendingPathComponent($0).path }
        let publish = (try? StepConfigs.text(recipe.publish)) ?? "{}"
        guard let keyPath else {
            return Entry(id: "sign", kind: .sign, key: nil, state: "skipped", upstream: upstream, config: publish,
                         note: ReleaseBuild.unsignedNote)
        }
        return Entry(id: "sign", kind: .sign, key: nil, state: "at-end", upstream: upstream, config: publish,
                     note: "runs last on the finished release with \(keyPath), never cached nor recorded in the lock "
                         + "(the ECDSA signature is randomised and covers recipe.lock.json)")
    }
}
