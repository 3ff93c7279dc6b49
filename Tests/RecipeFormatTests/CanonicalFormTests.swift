import Foundation
import RecipeFormat
import Testing

@Suite struct CanonicalFormTests {
    @Test func validRecipeLoadsWithDefaultsFilledIn() throws {
        let recipe = try Recipe.parse(bytes: try FixtureFiles.bytes("valid.toml"), file: "valid.toml")
        #expect(recipe.model.numKeyValueHeads == 4)
        #expect(recipe.evaluation.contextLength == 128)
        #expect(recipe.evaluation.stride == 128)
        #expect(recipe.tokenizer.specialTokens == TokenizerSection.defaultSpecialTokens)
        #expect(recipe.data.sources.map(\.id) == ["corpus-cs", "wiki-sk"])
        #expect(recipe.data.languages == ["cs", "sk", "slk"])
    }

    @Test func reorderingCommentsAndNumberSpellingKeepTheDigest() throws {
        let original = try Recipe.parse(bytes: try FixtureFiles.bytes("valid.toml"), file: "valid.toml")
        let reordered = try Recipe.parse(bytes: try FixtureFiles.bytes("reordered.toml"), file: "reordered.toml")
        #expect(try original.canonicalJSON() == reordered.canonicalJSON())
        #expect(try original.digest() == reordered.digest())
    }

    @Test func anyValueChangeChangesTheDigest() throws {
        let text = String(decoding: try FixtureFiles.bytes("valid.toml"), as: UTF8.self)
        let base = try Recipe.parse(text: text, file: "a").digest()
        let edits = [("steps = 10", "steps = 11"), ("learning_rate = 1e-3", "learning_rate = 1.1e-3"),
                     ("seed = 7", "seed = 8"), ("cs = 1.0", "cs = 0.9")]
        for (old, new) in edits {
            let changed = try Recipe.parse(text: text.replacingOccurrences(of: old, with: new), file: "b").digest()
            #expect(changed != base, "editing \(old) → \(new) must change the digest")
        }
    }

    @Test func canonicalFormIsSortedCompactJSONWithTrailingNewline() throws {
        let recipe = try Recipe.parse(bytes: try FixtureFiles.bytes("valid.toml"), file: "valid.toml")
        let text = String(decoding: try recipe.canonicalJSON(), as: UTF8.self)
        #expect(text.hasPrefix("{\"compliance\":{"))
        #expect(text.hasSuffix("}\n"))
        #expect(text.contains("\"learning_rate\":0.001"))
        let decoded = try JSONDecoder().decode(Recipe.self, from: try recipe.canonicalJSON())
        #expect(decoded == recipe)
    }

    @Test func starterRecipePassesCheck() throws {
        let recipe = try Recipe.parse(text: RecipeTemplate.starter, file: "recipe.toml")
        #expect(recipe.release.name == "tiny-cs")
        #expect(recipe.model.numKeyValueHeads == 2)
    }

    @Test func missingLocalFilesAreNamed() throws {
        let recipe = try Recipe.parse(text: RecipeTemplate.starter, file: "recipe.toml")
        let problems = recipe.missingLocalFiles(relativeTo: URL(fileURLWithPath: "/nonexistent"))
        #expect(problems.map(\.keyPath) == ["data.sources[0].uri"])
    }

    @Test func languageTableHasBothStandards() {
        #expect(LanguageCodes.isValid("cs"))
        #expect(LanguageCodes.isValid("ces"))
        #expect(LanguageCodes.isValid("hsb"))
        #expect(!LanguageCodes.isValid("cz"))
        #expect(!LanguageCodes.isValid("CS"))
        #expect(!LanguageCodes.isValid("english"))
    }
}
