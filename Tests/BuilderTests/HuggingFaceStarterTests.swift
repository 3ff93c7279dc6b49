import Builder
import Foundation
import RecipeFormat
import Testing
import TestSupport

/// `HuggingFaceStarter` (behind `glassbox card --from-hf`): a starter recipe from a transformers-made
/// model directory whose human-only fields are marked and named by `recipe check`, and which imports once filled.
@Suite struct HuggingFaceStarterTests {
    static let readme = """
        ---
        license: apache-2.0
        language:
        - cs
        - en
        tags: [llama]
        ---
        # Tiny model

        """

    func problems(_ text: String) -> [String] {
        do {
            _ = try Recipe.parse(text: text, file: "starter.toml")
            return []
        } catch {
            return error.problems.map(\.keyPath)
        }
    }

    @Test func starterMarksWhatAHumanMustFillAndImportsOnceFilled() throws {
        let fixture = try ImportFixture()
        defer { fixture.remove() }
        for junk in ["goldens.json", "logits.f32"] { try FileManager.default.removeItem(at: fixture.weights.appendingPathComponent(junk)) }
        try Data(Self.readme.utf8).write(to: fixture.weights.appendingPathComponent("README.md"))
        let text = try HuggingFaceStarter(modelDirectory: fixture.weights, recipeURL: fixture.recipeURL).recipeText()
        #expect(text.contains("uri = \"file:weights/tiny\""))
        #expect(text.contains("license = \"Apache-2.0\""))
        #expect(text.contains("languages = [\"cs\", \"en\"]"))
        #expect(text.contains("bos_token = \"<|begin_of_text|>\""))
        #expect(Set(problems(text)) == [
            "data.sources[0].uri", "data.sources[0].license", "training.declared.trainer", "training.declared.trainer_version",
            "training.declared.code_revision", "training.declared.accelerator", "training.declared.accelerator_count",
            "training.declared.wall_clock_hours", "training.declared.tokens_seen", "training.declared.config_file",
        ])
        let filled = text
            .replacingOccurrences(of: "uri = \"\"", with: "uri = \"file:data/sample.txt\"")
            .replacingOccurrences(of: "license = \"\"  # FILL IN: SPDX licence of the data", with: "license = \"CC0-1.0\"")
            .replacingOccurrences(of: "trainer = \"\"", with: "trainer = \"transformers\"")
            .replacingOccurrences(of: "trainer_version = \"\"", with: "trainer_version = \"5.23.0\"")
            .replacingOccurrences(of: "code_revision = \"\"", with: "code_revision = \"abc\"")
            .replacingOccurrences(of: "accelerator = \"\"", with: "accelerator = \"CPU\"")
            .replacingOccurrences(of: "accelerator_count = 0", with: "accelerator_count = 1")
            .replacingOccurrences(of: "wall_clock_hours = 0", with: "wall_clock_hours = 0.1")
            .replacingOccurrences(of: "tokens_seen = 0", with: "tokens_seen = 1000")
            .replacingOccurrences(of: "config_file = \"\"", with: "config_file = \"file:train.toml\"")
        #expect(problems(filled).isEmpty)
        try Data(filled.utf8).write(to: fixture.recipeURL)
        let result = try fixture.build()
        #expect(result.lock.step("import")?.status == .built)
        #expect(result.lock.step("evaluate")?.status == .built)
    }

    /// `base_model` from the card's front matter: one Hub id fills `training.declared.base_model` (and
    /// passes `recipe check`); several, or none, leave a commented-out line for a human.
    @Test func baseModelComesFromTheFrontMatter() throws {
        let fixture = try ImportFixture()
        defer { fixture.remove() }
        func starter(_ frontMatter: String) throws -> String {
            let readme = Self.readme.replacingOccurrences(of: "tags: [llama]\n", with: "tags: [llama]\n" + frontMatter)
            try Data(readme.utf8).write(to: fixture.weights.appendingPathComponent("README.md"))
            return try HuggingFaceStarter(modelDirectory: fixture.weights, recipeURL: fixture.recipeURL).recipeText()
        }
        let scalar = try starter("base_model: meta-llama/Llama-3.2-1B\n")
        #expect(scalar.contains("base_model = \"meta-llama/Llama-3.2-1B\"  # from README.md front matter"))
        #expect(!problems(scalar).contains("training.declared.base_model"))
        #expect(scalar.contains("\n# base_model_compute_flop = 0  # that model's own training compute in FLOP"))
        let item = try starter("base_model:\n- \"org/base\"\n")
        #expect(item.contains("base_model = \"org/base\"  # from README.md front matter"))
        let merge = try starter("base_model: [org/a, org/b]\n")
        #expect(merge.contains("# base_model = \"\"  # README.md names 2 base models (org/a, org/b)"))
        let none = try starter("")
        #expect(none.contains("# base_model = \"owner/name\"  # only if the weights were trained from another model"))
        #expect(!problems(none).contains("training.declared.base_model"))
    }

    @Test func missingConfigIsNamed() throws {
        let folder = try TemporaryDirectory.create(prefix: "starter-")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: BuildError.self) {
            _ = try HuggingFaceStarter(modelDirectory: folder, recipeURL: folder.appendingPathComponent("r.toml")).recipeText()
        }
    }
}
