import Foundation
import RecipeFormat

extension RecordedInputs {
    /// Reads a finished release directory: `recipe.toml`, `recipe.lock.json` (for the core version and
    /// the upstream steps' output digests) and the recorded files at their release paths.
    public static func load(releaseDirectory directory: URL) throws(ReleaseDocsError) -> RecordedInputs {
        let recipeURL = directory.appendingPathComponent("recipe.toml")
        let recipe: Recipe
        guard FileManager.default.fileExists(atPath: recipeURL.path) else {
            throw .missingRecord(path: recipeURL.path, reason: "no such file; give a release directory written by `glassbox build`")
        }
        do { recipe = try Recipe.load(contentsOf: recipeURL) } catch {
            throw .malformedRecord(path: recipeURL.path, reason: error.description)
        }
        let lockURL = directory.appendingPathComponent("recipe.lock.json")
        guard let lockData = FileManager.default.contents(atPath: lockURL.path) else {
            throw .missingRecord(path: lockURL.path, reason: "no such file; give a release directory written by `glassbox build`")
        }
        let lock: Records.Lock
        do { lock = try JSONDecoder().decode(Records.Lock.self, from: lockData) } catch {
            throw .malformedRecord(path: lockURL.path, reason: describe(error))
        }
        var outputs: [String: String] = [:]
        for id in Self.upstreamSteps(for: recipe) {
            guard let step = lock.steps.first(where: { $0.id == id }), step.status == "built", let manifest = step.manifest else {
                throw .missingRecord(path: lockURL.path, reason: "step \(id) was not built, so the release has no recorded \(id) outputs")
            }
            outputs[id] = manifest
        }
        return try RecordedInputs(recipe: recipe, coreVersion: lock.coreVersion, stepOutputs: outputs) { file in
            directory.appendingPathComponent(file.releasePath)
        }
    }

    /// The steps whose outputs the documents read, in graph order, for a Glassbox-trained release.
    public static let upstreamSteps = ["prepare", "tokenizer", "train", "evaluate"]

    /// The steps whose outputs the documents of `recipe` read: `import` in place of `tokenizer` and
    /// `train` when its weights were trained elsewhere.
    public static func upstreamSteps(for recipe: Recipe) -> [String] {
        recipe.training.isExternal ? ["prepare", "import", "evaluate"] : upstreamSteps
    }
}
