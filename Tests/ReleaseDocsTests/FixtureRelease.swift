import Foundation
import RecipeFormat
import TestSupport
@testable import ReleaseDocs

/// The committed fixture release (the recorded files of a `glassbox build Recipes/demo.toml`) and
/// helpers to derive variants of it.
enum FixtureRelease {
    /// The Fixtures folder inside the test bundle.
    static var fixtures: URL {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil) ?? URL(fileURLWithPath: "Fixtures")
    }

    /// The Fixtures folder in the source tree (for RELEASEDOCS_UPDATE_GOLDENS=1).
    static let sourceFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The fixture release directory.
    static var directory: URL { fixtures.appendingPathComponent("release") }

    /// The fixture recipe's text.
    static func recipeText() throws -> String {
        try String(contentsOf: directory.appendingPathComponent("recipe.toml"), encoding: .utf8)
    }

    /// A copy of the fixture release in `temporary` with `recipe.toml` replaced by `recipe`.
    static func copy(into temporary: TemporaryDirectory, recipe: String? = nil) throws -> URL {
        let target = URL(fileURLWithPath: temporary.path).appendingPathComponent("release")
        try FileManager.default.copyItem(at: directory, to: target)
        if let recipe {
            try Data(recipe.utf8).write(to: target.appendingPathComponent("recipe.toml"))
        }
        return target
    }

    /// The documents of the fixture release (or of a variant of its recipe text).
    static func documents(recipe: String? = nil) throws -> ReleaseDocuments {
        guard let recipe else { return try ReleaseDocuments(try RecordedInputs.load(releaseDirectory: directory)) }
        let temporary = try TemporaryDirectory()
        return try ReleaseDocuments(try RecordedInputs.load(releaseDirectory: try copy(into: temporary, recipe: recipe)))
    }

    /// The fixture recipe with `[compliance]` cut down to its first four keys (an incomplete recipe).
    static func incompleteRecipe() throws -> String {
        let text = try recipeText()
        guard let range = text.range(of: "[compliance]") else { return text }
        return String(text[..<range.lowerBound]) + """
            [compliance]
            provider = "Glassbox developers"
            intended_uses = ["demonstrating reproducible, verifiable model releases"]

            """
    }
}
