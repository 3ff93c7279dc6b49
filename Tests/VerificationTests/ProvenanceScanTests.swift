import Digests
import Foundation
import RecipeFormat
import Testing
import TestSupport

@testable import Verification

/// Provenance's resolved dependencies come from the recipe as `RecipeFormat` reads it.
struct ProvenanceScanTests {
    @Test func readsPinnedSourcesThroughTheRecipeParser() throws {
        let digest = "sha256:" + String(repeating: "cd", count: 32)
        let recipe = RecipeTemplate.starter.replacingOccurrences(
            of: "# sha256 = \"sha256:…\"", with: "sha256 = \"\(digest)\"")
        let directory = try TemporaryDirectory()
        try directory.write("recipe.toml", text: recipe)
        let inputs = try ProvenanceInputs(releaseDirectory: URL(fileURLWithPath: directory.path), builderVersion: "test")
        #expect(inputs.recipeLoadFailure == nil)
        #expect(inputs.dependencies == [.init(name: "corpus-cs", uri: "file:data/corpus-cs.txt", digest: try Digest(parsing: digest))])
    }

    @Test func aRecipeThatDoesNotLoadGivesNoSourcesAndSaysWhy() throws {
        let directory = try TemporaryDirectory()
        try directory.write("recipe.toml", text: "format = 1\n[[data.sources]]\nid = \"a\"\n")
        let inputs = try ProvenanceInputs(releaseDirectory: URL(fileURLWithPath: directory.path), builderVersion: "test")
        #expect(inputs.dependencies.isEmpty)
        #expect(inputs.recipeLoadFailure != nil)
        #expect(inputs.recipeDigest != nil)
    }
}
