import Foundation
import RecipeFormat

/// Loads a recipe, turning `RecipeError` into a plain test error.
enum RecipeLoading {
    static func load(_ url: URL) throws -> Recipe {
        try Recipe.load(contentsOf: url)
    }
}
