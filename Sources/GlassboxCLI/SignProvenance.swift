import Foundation
import RecipeFormat
import Verification

/// Provenance inputs for `glassbox sign DIR`: recipe and lock digests from the directory, and the
/// fetched sources from `DIR/recipe.toml` read by the recipe parser (a line scan when it does not load).
enum SignProvenance {
    static func inputs(for directory: URL) throws -> ProvenanceInputs {
        var inputs = try ProvenanceInputs(releaseDirectory: directory, builderVersion: GlassboxVersion.string)
        let recipeURL = directory.appendingPathComponent("recipe.toml")
        guard inputs.recipeDigest != nil else { return inputs }
        do {
            let recipe = try Recipe.load(contentsOf: recipeURL)
            inputs.dependencies = recipe.data.sources.compactMap { source in
                source.sha256.map { ProvenanceInputs.Dependency(name: source.id, uri: source.uri, digest: $0) }
            }
        } catch {
            FileHandle.standardError.write(Data(
                "warning: \(recipeURL.path) does not load (\(error)); provenance.json lists the sources found by a line scan\n".utf8))
        }
        return inputs
    }
}
