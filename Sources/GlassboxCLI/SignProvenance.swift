import Foundation
import RecipeFormat
import Verification

/// Provenance inputs for `glassbox sign DIR`: recipe and lock digests from the directory, and the
/// fetched sources from `DIR/recipe.toml` read by the recipe parser (with a warning when it does not load).
enum SignProvenance {
    static func inputs(for directory: URL) throws -> ProvenanceInputs {
        let inputs = try ProvenanceInputs(releaseDirectory: directory, builderVersion: GlassboxVersion.string)
        if let failure = inputs.recipeLoadFailure {
            FileHandle.standardError.write(Data(
                "warning: \(directory.appendingPathComponent("recipe.toml").path) does not load (\(failure)); provenance.json lists no sources\n".utf8))
        }
        return inputs
    }
}
