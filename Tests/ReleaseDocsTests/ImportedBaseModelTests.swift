import Foundation
import Testing
import TestSupport
@testable import ReleaseDocs

/// `training.declared.base_model` in the documents of imported weights: the card's `base_model`
/// metadata (for a Hub id only), the declared-facts table and summary, Annex XI 1.2(b), the summary's
/// model dependencies, compliance.json and the ⅓ rule; without it, the documents say it is not known.
struct ImportedBaseModelTests {
    static let hubID = "meta-llama/Llama-3.2-1B"

    /// The imported fixture with `base_model = name` declared in the recipe and in `training/import.json`,
    /// which gets the bytes the import step writes (canonical JSON: `base_model` after `accelerator_count`).
    /// With `baseCompute`, also `base_model_compute_flop` (written as the canonical JSON of the import step
    /// writes it, in ECMAScript's shortest form: `3e+24`).
    static func documents(baseModel name: String, baseCompute: (toml: String, json: String)? = nil) throws -> ReleaseDocuments {
        let temporary = try TemporaryDirectory()
        let release = URL(fileURLWithPath: temporary.path).appendingPathComponent("release")
        try FileManager.default.copyItem(at: ImportedDocumentsTests.directory, to: release)
        let computeLine = baseCompute.map { "base_model_compute_flop = \($0.toml)\n" } ?? ""
        let computeMember = baseCompute.map { "\"base_model_compute_flop\":\($0.json)," } ?? ""
        try edit(release.appendingPathComponent("recipe.toml"), "tokens_seen = 50_000_000\n", "tokens_seen = 50_000_000\nbase_model = \"\(name)\"\n\(computeLine)")
        try edit(release.appendingPathComponent("training/import.json"), "\"accelerator_count\":8,", "\"accelerator_count\":8,\"base_model\":\"\(name)\",\(computeMember)")
        return try ReleaseDocuments(try RecordedInputs.load(releaseDirectory: release))
    }

    /// Replaces the one occurrence of `old` in the file at `url` (names in these tests need no escaping).
    static func edit(_ url: URL, _ old: String, _ new: String) throws {
        let text = try String(contentsOf: url, encoding: .utf8)
        try #require(text.components(separatedBy: old).count == 2, "\(url.lastPathComponent) no longer holds \(old)")
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: url)
    }

    @Test func documentsWithAHubBaseModelMatchTheirGoldens() throws {
        try ImportedDocumentsTests.expectGoldens(try Self.documents(baseModel: Self.hubID), folder: "golden-imported-base-model")
    }

    @Test func hubBaseModelIsMetadataAndDeclaredWithItsKey() throws {
        let documents = try Self.documents(baseModel: Self.hubID)
        let card = ImportedDocumentsTests.text(documents, "README.md")
        let link = "[meta-llama/Llama-3.2-1B](https://huggingface.co/meta-llama/Llama-3.2-1B)"
        #expect(CardStructure(card).frontMatter.contains("base_model: \"meta-llama/Llama-3.2-1B\""))
        #expect(card.contains("| **Base model** | \(link) (declared, `training.declared.base_model`) |"))
        #expect(card.contains("| Base model | \(link) | `training.declared.base_model` |"))
        let annexXI = ImportedDocumentsTests.text(documents, "compliance/technical-documentation.md")
        #expect(annexXI.contains("from the base model \(link) (`training.declared.base_model`), trainer torchtitan 0.1.0"))
        let summary = ImportedDocumentsTests.text(documents, "compliance/training-content-summary.md")
        #expect(summary.contains("\(link), **declared** by the provider (`training.declared.base_model`)"))
        #expect(!summary.contains("Not known to Glassbox: the weights were trained elsewhere"))
        let record = ImportedDocumentsTests.text(documents, "compliance/compliance.json")
        #expect(record.contains("\"name\":\"training.declared.base_model\",\"origin\":{\"kind\":\"declared\",\"source\":\"training.declared.base_model\"}"))
        let modification = try #require(documents.facts.classification.modification)
        #expect(modification.baseModel == Self.hubID && modification.modificationFLOP == documents.facts.compute.reported.flop)
        #expect(modification.threshold == 1e23 / 3 && !modification.makesNewProvider)
        let modifier = try #require(documents.obligations.first { $0.id == "scope.modifier" })
        #expect(modifier.reason.contains("follows meta-llama/Llama-3.2-1B's status") && modifier.reason.contains("fallback"), "\(modifier.reason)")
        #expect(modifier.reason.contains("This release is a modification of meta-llama/Llama-3.2-1B") && modifier.reason.contains("README.md declares it as base_model"), "\(modifier.reason)")
    }

    /// Without the base model's compute, nothing says the modification is "presumed not to be" a
    /// general-purpose AI model: its status follows the base model's, and the ⅓ rule uses the fallback.
    @Test func aModificationIsNotClassifiedOnItsOwnCompute() throws {
        let documents = try Self.documents(baseModel: Self.hubID)
        #expect(documents.facts.classification.tier == .followsBaseModel && !documents.facts.classification.obligationsBind)
        for path in documents.paths where path.hasSuffix(".md") || path.hasSuffix(".json") {
            let text = ImportedDocumentsTests.text(documents, path)
            #expect(!text.contains("presumed not to be a general-purpose AI model") && !text.contains("below_gpai_indicative"), "\(path)")
        }
        let card = ImportedDocumentsTests.text(documents, "README.md")
        #expect(card.contains("| **EU AI Act** | modification of meta-llama/Llama-3.2-1B: GPAI status follows the base model's;"))
        let annexXI = ImportedDocumentsTests.text(documents, "compliance/technical-documentation.md")
        #expect(annexXI.contains("This release is a modification of meta-llama/Llama-3.2-1B (declared, `training.declared.base_model`)"))
        #expect(annexXI.contains("the guidelines' fallback threshold (one third of 10²³ FLOP, point 61"))
        let record = ImportedDocumentsTests.text(documents, "compliance/compliance.json")
        #expect(record.contains("\"tier\":\"follows_base_model\"") && record.contains("\"base_model_flop\":null"))
        let systemic = try #require(documents.obligations.first { $0.id == "art52.notify" })
        #expect(systemic.status == .notApplicable && systemic.reason.contains("whether meta-llama/Llama-3.2-1B is one is not declared"), "\(systemic.reason)")
        #expect(documents.obligations.allSatisfy { $0.applicability != "binding" })
        let systemicCondition = try #require(documents.facts.classification.openSource.conditions.first { $0.name == "no systemic risk" })
        #expect(systemicCondition.reason.contains("the base model's is not declared"), "\(systemicCondition.reason)")
    }

    /// With `base_model_compute_flop`, the tier is decided on the cumulative compute and the ⅓ rule on
    /// the base model's own compute.
    @Test func declaredBaseComputeDecidesTheTierAndTheThreshold() throws {
        let documents = try Self.documents(baseModel: Self.hubID, baseCompute: ("3e24", "3e+24"))
        try ImportedDocumentsTests.expectGoldens(documents, folder: "golden-imported-base-model-compute")
        let c = documents.facts.classification
        let run = documents.facts.compute.reported.flop
        #expect(c.tier == .generalPurpose && c.flop == 3e24 + run && !c.obligationsBind)
        #expect(c.modification?.threshold == 1e24 && c.modification?.baseFLOP == 3e24)
        let card = ImportedDocumentsTests.text(documents, "README.md")
        #expect(card.contains("| Base model's compute | 3.000e+24 FLOP | `training.declared.base_model_compute_flop` |"))
        #expect(!card.contains("fallback"))
        let annexXI = ImportedDocumentsTests.text(documents, "compliance/technical-documentation.md")
        #expect(annexXI.contains("the cumulative 3.00 × 10²⁴ FLOP is above the 10²³ FLOP indicative criterion (point 17), so it is a general-purpose AI model."))
        #expect(annexXI.contains("one third of the base model's declared training compute (point 60), so the obligations stay with meta-llama/Llama-3.2-1B's provider"))
        let record = ImportedDocumentsTests.text(documents, "compliance/compliance.json")
        #expect(record.contains("\"base_model_flop\":3e+24") && record.contains("\"modifier_is_provider\":false") && record.contains("\"tier\":\"gpai\""))
        #expect(documents.obligations.allSatisfy { $0.applicability != "binding" }, "the obligations stay with the base model's provider")
    }

    @Test func aNameThatIsNotAHubIDIsTextOnly() throws {
        let name = "in-house 1.5B | *base* <v2>"
        let documents = try Self.documents(baseModel: name)
        let card = ImportedDocumentsTests.text(documents, "README.md")
        #expect(!CardStructure(card).frontMatter.contains { $0.hasPrefix("base_model") }, "the Hub reads base_model as a model repository")
        #expect(card.contains("| Base model | in-house 1.5B \\| \\*base\\* &lt;v2&gt; | `training.declared.base_model` |"))
        for problem in CardStructure(card).tableProblems { Issue.record("README.md: \(problem)") }
        let modifier = try #require(documents.obligations.first { $0.id == "scope.modifier" })
        #expect(modifier.reason.contains("not a Hub id, so no base_model metadata"), "\(modifier.reason)")
        for id in ["org/name", "Org-1/Name_2.5-x", "a/b"] { #expect(HubIDs.model(id) == id) }
        for text in ["gpt2", "org/name/extra", "org/-name", "org/name.", "org--x/name", "org/na..me", "org/ná", " org/name", "org/\(String(repeating: "x", count: 97))"] {
            #expect(HubIDs.model(text) == nil, "\(text)")
        }
    }

    @Test func withoutABaseModelTheDocumentsSayItIsNotKnown() throws {
        let documents = try ImportedDocumentsTests.documents()
        let card = ImportedDocumentsTests.text(documents, "README.md")
        #expect(!card.contains("base_model") && !card.contains("Base model"))
        #expect(documents.facts.classification.modification == nil)
        let summary = ImportedDocumentsTests.text(documents, "compliance/training-content-summary.md")
        #expect(summary.contains("Not known to Glassbox: the weights were trained elsewhere (torchtitan 0.1.0, declared) and the recipe does not declare a base model (`training.declared.base_model`)"))
        let modifier = try #require(documents.obligations.first { $0.id == "scope.modifier" })
        #expect(modifier.status == .notApplicable && modifier.reason.contains("the recipe declares no base model (training.declared.base_model)"), "\(modifier.reason)")
    }

    @Test func hubParserReadsTheBaseModel() throws {
        guard let python = ModelCardChecker.available() else {
            print("skipped: python3 with huggingface_hub is not available (pip install huggingface_hub) — the Swift checks above still ran")
            return
        }
        let temporary = try TemporaryDirectory()
        for (name, expected) in [(Self.hubID, Self.hubID), ("in-house 1.5B", "")] {
            let card = try temporary.write("README.md", [UInt8](try #require(try Self.documents(baseModel: name).files["README.md"])))
            let result = try ModelCardChecker.run(python, arguments: ["python3", ModelCardChecker.script.path, card, "--languages", "cs", "--base-model", expected])
            #expect(result.status == 0, "\(result.output)")
        }
    }
}
