import Foundation
import RecipeFormat
import Testing

/// `[[quantize]]` variants: read, validated (types, duplicates, block widths) and absent from the
/// canonical form of recipes that do not use them.
@Suite struct QuantizeRecipeTests {
    static func text(intermediate: Int = 192, variants: [String]) throws -> String {
        let base = String(decoding: try FixtureFiles.bytes("valid.toml"), as: UTF8.self)
            .replacingOccurrences(of: "intermediate_size = 176", with: "intermediate_size = \(intermediate)")
        return base + variants.map { "\n[[quantize]]\ntype = \"\($0)\"\n" }.joined()
    }

    static func problems(_ text: String) -> [String] {
        do {
            _ = try Recipe.parse(text: text, file: "r.toml")
            return []
        } catch let RecipeError.invalid(_, problems) {
            return problems.map { "\($0.keyPath): \($0.message)" }
        } catch {
            return ["\(error)"]
        }
    }

    @Test func variantsAreReadInOrder() throws {
        let recipe = try Recipe.parse(text: try Self.text(variants: ["q8_0", "q4_0", "f16"]), file: "r.toml")
        #expect(recipe.quantizeVariants.map(\.type) == ["q8_0", "q4_0", "f16"])
        let json = String(decoding: try recipe.canonicalJSON(), as: UTF8.self)
        #expect(json.contains("\"quantize\":[{\"type\":\"q8_0\"}"))
    }

    @Test func recipesWithoutVariantsKeepTheirCanonicalForm() throws {
        let recipe = try Recipe.parse(text: try Self.text(variants: []), file: "r.toml")
        #expect(recipe.quantize == nil)
        #expect(!String(decoding: try recipe.canonicalJSON(), as: UTF8.self).contains("quantize"))
    }

    @Test func badVariantsAreReportedWithTheirKeyPaths() throws {
        let unknown = Self.problems(try Self.text(variants: ["q4_k"]))
        #expect(unknown.count == 1 && unknown[0].hasPrefix("quantize[0].type: must be one of"))
        let duplicate = Self.problems(try Self.text(variants: ["q8_0", "q8_0"]))
        #expect(duplicate == ["quantize[1].type: duplicate variant \"q8_0\"; list each type once"])
        let extra = Self.problems(try Self.text(variants: ["q8_0"]) + "bits = 8\n")
        #expect(extra.count == 1 && extra[0].hasPrefix("quantize[0].bits: unknown key"))
    }

    @Test func blockTypesNeedWidthsThatAreWholeBlocks() throws {
        let problems = Self.problems(try Self.text(intermediate: 176, variants: ["f16", "q4_0"]))
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("quantize[1].type: q4_0 needs model.intermediate_size to be a multiple of 32") == true)
        #expect(Self.problems(try Self.text(intermediate: 176, variants: ["f16"])).isEmpty)
    }
}
