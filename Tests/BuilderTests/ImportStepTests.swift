import Builder
import Digests
import Foundation
import Testing

/// `[training] backend = "external"`: a transformers-made Llama directory imported in place of
/// `tokenizer` and `train`, verified strictly, evaluated, locked as "imported, declared" and reproduced.
@Suite struct ImportStepTests {
    @Test func importedWeightsBecomeAReleaseAndReproduce() throws {
        let fixture = try ImportFixture()
        defer { fixture.remove() }
        let result = try fixture.build()
        #expect(result.lock.steps.map(\.id) == ["fetch.sample", "prepare", "import", "evaluate", "package"])
        #expect(result.lock.steps.map(\.status) == [.built, .built, .built, .built, .built])
        #expect(result.lock.reproducibility == .importedDeclared)
        let lockText = String(decoding: try Data(contentsOf: fixture.release.appendingPathComponent("recipe.lock.json")), as: UTF8.self)
        #expect(lockText.contains("\"reproducibility\":\"imported, declared\""))
        for name in ["model-00001-of-00004.safetensors", "model-00004-of-00004.safetensors", "model.safetensors.index.json",
                     "config.json", "tokenizer.json", "generation_config.json"] {
            let original = try Data(contentsOf: ImportFixture.model.appendingPathComponent(name))
            #expect(try Data(contentsOf: fixture.release.appendingPathComponent(name)) == original, "\(name) is copied byte for byte")
        }
        for name in ["training/import.json", "training/train.toml", "eval/results.json", "data/stats.json", "README.md",
                     "compliance/compliance.json", "compliance/technical-documentation.md", "eval/languages.svg"] {
            #expect(FileManager.default.fileExists(atPath: fixture.release.appendingPathComponent(name).path), "\(name)")
        }
        #expect(!FileManager.default.fileExists(atPath: fixture.release.appendingPathComponent("goldens.json").path))
        let record = try JSONDecoder().decode(ImportRecord.self, from: try Data(contentsOf: fixture.release.appendingPathComponent(ImportRecord.path)))
        #expect(record.ignoredFiles == ["goldens.json", "logits.f32"])
        #expect(record.declared.trainer == "transformers")
        #expect(record.configFile == "training/train.toml")
        #expect(record.verified.vocabSize == 384 && record.verified.tokenizerTokens == 384)
        #expect(record.compute.estimatedFLOPs == 6 * Double(record.verified.parameters) * 1_000_000)
        #expect(record.compute.method.contains("not measured"))

        var options = fixture.options(store: fixture.root.appendingPathComponent("fresh").path)
        options.dataDirectory = fixture.recipeDirectory
        let report = try Reproducer(options: options).reproduce(release: fixture.release)
        #expect(report.matched)
        #expect(report.reproducibility == .importedDeclared && !report.trainingRerun)
        #expect(report.steps.first { $0.step == "import" }?.note?.contains("training was not re-run") == true)
        let json = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
        #expect(json.contains("\"training_rerun\":false"))
    }

    @Test func secondBuildReusesTheImportAndEditedDeclaredFactsRebuildIt() throws {
        let fixture = try ImportFixture()
        defer { fixture.remove() }
        let first = try fixture.build()
        #expect(try fixture.build().lock == first.lock)
        let edited = ImportFixture.recipeText.replacingOccurrences(of: "tokens_seen = 1000000", with: "tokens_seen = 2000000")
        try Data(edited.utf8).write(to: fixture.recipeURL)
        let second = try fixture.build()
        #expect(second.lock.step("import")?.key != first.lock.step("import")?.key)
        #expect(second.lock.step("prepare")?.key == first.lock.step("prepare")?.key)
    }

    @Test func configThatDisagreesWithTheRecipeIsRefusedWithEveryMismatch() throws {
        let recipe = ImportFixture.recipeText
            .replacingOccurrences(of: "hidden_size = 32", with: "hidden_size = 64")
            .replacingOccurrences(of: "vocab_size = 384", with: "vocab_size = 512")
        let fixture = try ImportFixture(recipe: recipe)
        defer { fixture.remove() }
        let message = failure { _ = try fixture.build() }
        #expect(message.contains("hidden_size is 32 but the recipe's model.hidden_size is 64"))
        #expect(message.contains("vocab_size is 384 but the recipe's tokenizer.vocab_size is 512"))
    }

    @Test func damagedWeightsAndTokenizerAreRefused() throws {
        let fixture = try ImportFixture()
        defer { fixture.remove() }
        let shard = fixture.weights.appendingPathComponent("model-00002-of-00004.safetensors")
        let bytes = try Data(contentsOf: shard)
        try bytes.prefix(bytes.count - 100).write(to: shard)
        var tokenizer = try String(contentsOf: fixture.weights.appendingPathComponent("tokenizer.json"), encoding: .utf8)
        tokenizer = tokenizer.replacingOccurrences(of: "<|end_of_text|>", with: "<|eot|>")
        try Data(tokenizer.utf8).write(to: fixture.weights.appendingPathComponent("tokenizer.json"))
        let message = failure { _ = try fixture.build() }
        #expect(message.contains("tokenizer.json has no token \"<|end_of_text|>\""))
        let tokenizerFixed = try Data(contentsOf: ImportFixture.model.appendingPathComponent("tokenizer.json"))
        try tokenizerFixed.write(to: fixture.weights.appendingPathComponent("tokenizer.json"))
        let weightsMessage = failure { _ = try fixture.build() }
        #expect(weightsMessage.contains("weights:") && weightsMessage.contains("model-00002-of-00004.safetensors"))
    }

    @Test func pinnedDigestIsChecked() throws {
        let wrong = "sha256:" + String(repeating: "0", count: 64)
        let recipe = ImportFixture.recipeText.replacingOccurrences(of: "uri = \"file:weights/tiny\"", with: "uri = \"file:weights/tiny\"\nsha256 = \"\(wrong)\"")
        let fixture = try ImportFixture(recipe: recipe)
        defer { fixture.remove() }
        let message = failure { _ = try fixture.build() }
        #expect(message.contains("fetching the weights"))
        let manifest = try Manifest.scan(directory: fixture.weights.path).digest
        try Data(recipe.replacingOccurrences(of: wrong, with: manifest.description).utf8).write(to: fixture.recipeURL)
        #expect(try fixture.build().lock.step("import")?.status == .built)
    }

    private func failure(_ body: () throws -> Void) -> String {
        do {
            try body()
            return ""
        } catch {
            return "\(error)"
        }
    }
}
