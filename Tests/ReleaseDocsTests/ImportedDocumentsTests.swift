import Foundation
import Testing
import TestSupport
@testable import ReleaseDocs

/// The documents of a release whose weights were trained elsewhere (`[training] backend = "external"`).
/// `Fixtures/imported` holds the recorded files of a real `glassbox build` of Docs/tutorial.md's
/// "Releasing a model you trained elsewhere" recipe (the transformers-made Llama fixture of
/// InferenceTests, `Fixtures/imported/recipe.toml`); its documents are compared with
/// `Fixtures/golden-imported` (RELEASEDOCS_UPDATE_GOLDENS=1 rewrites them).
struct ImportedDocumentsTests {
    static var directory: URL { FixtureRelease.fixtures.appendingPathComponent("imported") }

    /// A copy of the imported fixture with `edit` applied to its recipe text and to the `declared`
    /// object of `training/import.json` (the import step records the recipe's declarations there).
    static func documents(recipe edit: (String) -> String = { $0 }, declared: ([String: Any]) -> [String: Any] = { $0 }) throws -> ReleaseDocuments {
        let temporary = try TemporaryDirectory()
        let release = URL(fileURLWithPath: temporary.path).appendingPathComponent("release")
        try FileManager.default.copyItem(at: directory, to: release)
        let recipeURL = release.appendingPathComponent("recipe.toml")
        try Data(edit(try String(contentsOf: recipeURL, encoding: .utf8)).utf8).write(to: recipeURL)
        let recordURL = release.appendingPathComponent("training/import.json")
        var record = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: recordURL)) as? [String: Any])
        record["declared"] = declared(try #require(record["declared"] as? [String: Any]))
        try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys]).write(to: recordURL)
        return try ReleaseDocuments(try RecordedInputs.load(releaseDirectory: release))
    }

    static func text(_ documents: ReleaseDocuments, _ path: String) -> String {
        String(decoding: documents.files[path] ?? Data(), as: UTF8.self)
    }

    /// Compares every document with `Fixtures/<folder>` (RELEASEDOCS_UPDATE_GOLDENS=1 rewrites them
    /// in the source tree; the test bundle's copy changes with the next build).
    static func expectGoldens(_ documents: ReleaseDocuments, folder: String) throws {
        #expect(documents.paths == ReleaseDocuments.paths.filter { $0 != "training/loss.svg" })
        #expect(documents.files.keys.sorted() == documents.paths)
        let update = ProcessInfo.processInfo.environment["RELEASEDOCS_UPDATE_GOLDENS"] == "1"
        for path in documents.paths {
            let generated = try #require(documents.files[path])
            if update {
                let target = FixtureRelease.sourceFixtures.appendingPathComponent(folder).appendingPathComponent(path)
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try generated.write(to: target)
                continue
            }
            let golden = try Data(contentsOf: FixtureRelease.fixtures.appendingPathComponent(folder).appendingPathComponent(path))
            #expect(generated == golden, "\(path) differs from Fixtures/\(folder)/\(path); review, then rerun with RELEASEDOCS_UPDATE_GOLDENS=1")
        }
    }

    @Test func importedDocumentsMatchTheirGoldens() throws {
        try Self.expectGoldens(try ReleaseDocuments(try RecordedInputs.load(releaseDirectory: Self.directory)), folder: "golden-imported")
    }

    /// The recipe's canonical form (and so its digest) is the one the fixture was built with: a recipe
    /// without the newer optional declared keys (`compute_flop`, `base_model`) keeps its digest.
    @Test func recipeDigestIsTheOneTheFixtureWasBuiltWith() throws {
        let lock = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: Self.directory.appendingPathComponent("recipe.lock.json"))) as? [String: Any])
        let facts = try ReleaseDocuments(try RecordedInputs.load(releaseDirectory: Self.directory)).facts
        #expect(facts.inputs.recipeDigest == lock["recipe_digest"] as? String)
    }

    @Test func stepLayoutAndReleaseLayoutGiveTheSameBytes() throws {
        let fromRelease = try ReleaseDocuments(try RecordedInputs.load(releaseDirectory: Self.directory))
        #expect(fromRelease.facts.inputs.stepOutputs.keys.sorted() == ["evaluate", "import", "prepare"])
        let temporary = try TemporaryDirectory()
        for file in RecordedFile.files(imported: true) {
            let data = try Data(contentsOf: Self.directory.appendingPathComponent(file.releasePath))
            try temporary.write("\(file.step(imported: true))/\(file.stepPath)", [UInt8](data))
        }
        let steps = URL(fileURLWithPath: temporary.path)
        let recorded = try RecordedInputs(recipe: fromRelease.facts.recipe, coreVersion: fromRelease.facts.inputs.coreVersion,
                                          stepOutputs: fromRelease.facts.inputs.stepOutputs) { file in
            steps.appendingPathComponent(file.step(imported: true)).appendingPathComponent(file.stepPath)
        }
        #expect(try ReleaseDocuments(recorded).files == fromRelease.files)
    }

    @Test func trainingFactsAreDeclaredAndComputeIsAnEstimate() throws {
        let documents = try Self.documents()
        let facts = documents.facts
        let imported = try #require(facts.imported)
        #expect(facts.reproducibility == "imported, declared")
        #expect(facts.training.tokens == imported.declared.tokensSeen && facts.training.steps == 0)
        #expect(facts.compute.figures.map(\.key) == ["6ND"] && !facts.compute.reportedIsDeclared)
        #expect(facts.compute.reported.flop == 6 * Double(facts.model.parameters) * Double(imported.declared.tokensSeen))
        #expect(facts.classification.reasoning.first?.contains("estimated as 6·N·D from the declared tokens; not measured") == true)
        #expect(facts.declared.hardware.value == "8 × NVIDIA H100 80GB" && facts.declared.hardware.key == "training.declared.accelerator")
        #expect(facts.openness.components.first { $0.name == "Training code" }?.present == false)
        for (path, data) in documents.files where path.hasSuffix(".md") {
            let text = String(decoding: data, as: UTF8.self)
            for claim in ["Trained by Glassbox's deterministic", "training/log.jsonl", "trained from random initialisation", "loss.svg", "Glassbox's deterministic cores"] {
                #expect(!text.contains(claim), "\(path) says \(claim)")
            }
        }
        let record = Self.text(documents, "compliance/compliance.json")
        #expect(record.contains("\"name\":\"training.declared.wall_clock_hours\",\"origin\":{\"kind\":\"declared\",\"source\":\"training.declared.wall_clock_hours\"}"))
        #expect(!record.contains("training/loss.svg") && !record.contains("\"training_steps\""))
    }

    @Test func declaredComputeIsReportedAsDeclared() throws {
        let documents = try Self.documents(
            recipe: { $0.replacingOccurrences(of: "tokens_seen = 50_000_000\n", with: "tokens_seen = 50_000_000\ncompute_flop = 2.5e13\n") },
            declared: { var d = $0; d["compute_flop"] = 2.5e13; return d })
        let compute = documents.facts.compute
        #expect(compute.reportedIsDeclared && compute.reported.flop == 2.5e13)
        #expect(compute.figures.map(\.key) == ["declared", "6ND"])
        #expect(Self.text(documents, "README.md").contains("| **Training compute** | 2.50 × 10¹³ FLOP (declared by the provider; not measured) |"))
        #expect(Self.text(documents, "compliance/compliance.json").contains("\"name\":\"training_compute\",\"origin\":{\"kind\":\"declared\",\"source\":\"training.declared.compute_flop\"}"))
    }

    @Test func energyWithoutDeclarationIsEstimatedFromDeclaredWallClockOrNamedMissing() throws {
        let noEnergy: (String) -> String = { $0.replacingOccurrences(of: "energy_kwh = 14.2\n", with: "") }
        let dropEnergy: ([String: Any]) -> [String: Any] = { var d = $0; d["energy_kwh"] = nil; return d }
        let estimated = try Self.documents(recipe: { noEnergy($0) + "hardware_power_watts = 6000\n" }, declared: dropEnergy)
        #expect(estimated.facts.energy.kilowattHours == 2.5 * 6000 / 1000)
        #expect(estimated.facts.energy.method.hasPrefix("estimated as the declared wall-clock (training.declared.wall_clock_hours = 2.5 h)"))
        let missing = try Self.documents(recipe: noEnergy, declared: dropEnergy)
        #expect(missing.facts.energy.kilowattHours == nil && missing.facts.energy.missingKeys == ["training.declared.energy_kwh"])
        let annexXI = missing.obligations.first { $0.id == "art53.1a.annexXI.s1" }
        // Annex XI is waived by the open-source exemption here; the voluntary document's gap is still named.
        #expect(annexXI?.reason.contains("incomplete fields: training.declared.energy_kwh") == true, "\(annexXI?.reason ?? "")")
        #expect(Self.text(missing, "README.md").contains("not available (missing: `training.declared.energy_kwh`)"))
    }
}
