import ContentStore
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
        /// `cached`, `to-run`, `not-available` or `blocked`.
        public let state: String
        /// Ids of the steps it reads.
        public let upstream: [String]
        /// Canonical JSON of the recipe fields it reads.
        public let config: String
    }

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
        let graph = try StepGraph(recipe: recipe, recipeDirectory: recipeDirectory, dataDirectory: options.dataDirectory)
        let cache = StepCache(store: ContentStore(root: options.storeRoot))
        var outputs: [String: Digest] = [:]
        var unavailable: Set<String> = []
        var entries: [Entry] = []
        for spec in graph.steps {
            var key: Digest?
            if spec.upstream.allSatisfy({ outputs[$0] != nil }) {
                key = try spec.keyMaterial(upstreamOutputs: outputs, coreVersion: CoreVersion.string).key()
            }
            let state: String
            if spec.upstream.contains(where: unavailable.contains) {
                state = StepStatus.blocked.rawValue
                unavailable.insert(spec.id)
            } else if options.registry.executor(for: spec.kind) == nil {
                state = StepStatus.notAvailable.rawValue
                unavailable.insert(spec.id)
            } else if let key, options.useCache, case let .hit(record) = cache.lookup(key) {
                state = "cached"
                outputs[spec.id] = record.manifest
            } else {
                state = "to-run"
            }
            entries.append(Entry(id: spec.id, kind: spec.kind, key: key, state: state, upstream: spec.upstream, config: spec.config))
        }
        do { recipeDigest = try recipe.digest() } catch { throw BuildError.recipe(error.description) }
        steps = entries
    }
}
