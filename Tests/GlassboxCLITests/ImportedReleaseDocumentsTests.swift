import Foundation
import Testing
import TestSupport

/// Issue #26's "done when", through the real binary: a transformers-made Llama directory becomes a
/// signed release with a model card and a compliance folder from a recipe with `backend = "external"`;
/// `verify`, `comply --check`, `card --check`, `eval` and `publish` (file://) work on it, and
/// `reproduce` reports every step and the class "imported, declared".
@Suite struct ImportedReleaseDocumentsTests {
    /// The CLI import recipe with its run's config file, a declared energy and a complete `[compliance]`.
    static let recipe = ImportedReleaseCommandTests.recipe
        .replacingOccurrences(of: "version = \"1.0\"\n", with: "version = \"1.0\"\ndate = \"2026-12-05\"\n")
        .replacingOccurrences(of: "tokens_seen = 1000000\n", with: "tokens_seen = 1000000\nenergy_kwh = 0.05\nconfig_file = \"file:train.yaml\"\n")
        + """
        [compliance]
        provider = "Glassbox test provider"
        contact = "provider@example.org"
        provider_country = "DE"
        union_market_date = "2026-12-05"
        intended_uses = ["testing imported releases"]
        out_of_scope_uses = ["anything else"]
        known_limitations = ["a tiny random model"]
        acceptable_use_policy = "Tests only."
        distribution = ["a folder"]
        public_url = "https://example.org/imported-1.0"
        data_collected_until = "2026-11"
        code_of_practice_signatory = false
        illegal_content_measures = "Generated test sentences; nothing to remove."
        user_data = false
        synthetic_data = true
        monetised = false
        grid_carbon_intensity = 380
        grid_region = "test value"

        """

    /// The workspace of `ImportedReleaseCommandTests` with this suite's recipe and `r/train.yaml`.
    static func workspace() throws -> URL {
        let root = try ImportedReleaseCommandTests.workspace()
        try Data(recipe.utf8).write(to: root.appendingPathComponent("r/recipe.toml"))
        try Data("model: tiny\nlr: 0.001\n".utf8).write(to: root.appendingPathComponent("r/train.yaml"))
        return root
    }

    @Test func importedReleaseGetsCardAndComplianceFolderAndEveryCommandWorks() throws {
        let root = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let env = ["GLASSBOX_HOME": root.appendingPathComponent("store").path]
        let dir = root.path
        #expect(try GlassboxProcess.run(["keygen", "--name", "\(dir)/key"], env: env).status == 0)
        let build = try GlassboxProcess.run(["build", "\(dir)/r/recipe.toml", "--out", "\(dir)/rel", "--key", "\(dir)/key.pem", "--threads", "2"], env: env)
        #expect(build.status == 0, "\(build.stdout)\(build.stderr)")
        #expect(!(build.stdout + build.stderr).contains("not-available"), "\(build.stdout)\(build.stderr)")
        let files = ["README.md", "compliance/compliance.json", "compliance/copyright-policy.md", "compliance/downstream-information.md",
                     "compliance/technical-documentation.md", "compliance/training-content-summary.md", "eval/languages.svg",
                     "training/import.json", "training/train.yaml", "model.sig", "SHA256SUMS"]
        for file in files { #expect(FileManager.default.fileExists(atPath: "\(dir)/rel/\(file)"), "the release lacks \(file)") }
        #expect(!FileManager.default.fileExists(atPath: "\(dir)/rel/training/loss.svg"), "no training log, so no loss chart")
        try checkDocuments(URL(fileURLWithPath: "\(dir)/rel"))
        try checkCommands(dir: dir, env: env)
    }

    @Test func cardFromHuggingFaceWritesTheStarterRecipeOnceAndSaysWhatToFill() throws {
        let root = try ImportedReleaseCommandTests.workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let dir = root.path
        let card = try GlassboxProcess.run(["card", "--from-hf", "\(dir)/r/weights/tiny", "--recipe", "\(dir)/r/starter.toml"])
        #expect(card.status == 0, "\(card.stderr)")
        #expect(card.stdout.contains("fill in the 17 lines marked \"# FILL IN\"") && card.stdout.contains("glassbox build"), "\(card.stdout)")
        let initRun = try GlassboxProcess.run(["recipe", "init", "--from-hf", "\(dir)/r/weights/tiny", "--out-file", "\(dir)/r/init.toml"])
        #expect(initRun.status == 0, "\(initRun.stderr)")
        let written = try Data(contentsOf: root.appendingPathComponent("r/starter.toml"))
        #expect(written == (try Data(contentsOf: root.appendingPathComponent("r/init.toml"))), "card --from-hf and recipe init --from-hf differ")
        #expect(String(decoding: written, as: UTF8.self).contains("license = \"Apache-2.0\"") || String(decoding: written, as: UTF8.self).contains("license = \"\"  # FILL IN"))
        try Data("mine\n".utf8).write(to: root.appendingPathComponent("r/starter.toml"))
        let again = try GlassboxProcess.run(["card", "--from-hf", "\(dir)/r/weights/tiny", "--recipe", "\(dir)/r/starter.toml"])
        #expect(again.status == 1 && again.stderr.contains("already exists") && again.stderr.contains("--force"), "\(again.stderr)")
        #expect(try String(contentsOf: root.appendingPathComponent("r/starter.toml"), encoding: .utf8) == "mine\n")
        let forced = try GlassboxProcess.run(["card", "--from-hf", "\(dir)/r/weights/tiny", "--recipe", "\(dir)/r/starter.toml", "--force", "--json"])
        #expect(forced.status == 0, "\(forced.stderr)")
        let object = try JSONSerialization.jsonObject(with: forced.stdoutData) as? [String: Any]
        #expect(object?["fill_in"] as? Int == 17 && object?["recipe"] as? String == "\(dir)/r/starter.toml")
        #expect(try Data(contentsOf: root.appendingPathComponent("r/starter.toml")) == written)
        for usage in [["card", "--from-hf", "\(dir)/r/weights/tiny"], ["card", "\(dir)/r", "--recipe", "\(dir)/x.toml"], ["card"],
                      ["card", "--from-hf", "\(dir)/r/weights/tiny", "--recipe", "\(dir)/x.toml", "--check"]] {
            let run = try GlassboxProcess.run(usage)
            #expect(run.status == 64, "\(usage): \(run.stderr)")
        }
        let missing = try GlassboxProcess.run(["card", "--from-hf", "\(dir)/nowhere", "--recipe", "\(dir)/r/other.toml"])
        #expect(missing.status == 1 && missing.stderr.contains("config.json"), "\(missing.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "\(dir)/r/other.toml"))
    }

    /// The card and the EU documents say what is declared, what is measured, and the class.
    private func checkDocuments(_ release: URL) throws {
        let card = try String(contentsOf: release.appendingPathComponent("README.md"), encoding: .utf8)
        for expected in ["**Reproducibility**", "imported, declared", "**Trained by**", "transformers 5.23.0 on 1 × CPU (declared)",
                         "(estimated as 6·N·D from the declared tokens; not measured)", "`training.declared.tokens_seen`",
                         "`training/train.yaml`", "measured by Glassbox", "declared by the provider (training.declared.energy\\_kwh = 0.05 kWh)",
                         "\"imported-weights\"", "training is not re-run", "| Trainer version | 5.23.0 | `training.declared.trainer_version` |"] {
            #expect(card.contains(expected), "README.md lacks \(expected)")
        }
        for absent in ["Trained by Glassbox's deterministic", "training/log.jsonl", "loss.svg", "\"reproducible\"", "random initialisation"] {
            #expect(!card.contains(absent), "README.md says \(absent)")
        }
        let technical = try String(contentsOf: release.appendingPathComponent("compliance/technical-documentation.md"), encoding: .utf8)
        #expect(technical.contains("Reproducibility class: **imported, declared**") && technical.contains("Glassbox measured neither"))
        let summary = try String(contentsOf: release.appendingPathComponent("compliance/training-content-summary.md"), encoding: .utf8)
        #expect(summary.contains("declared, `training.declared.tokens_seen`; not measured") && !summary.contains("random initialisation"))
        let data = try Data(contentsOf: release.appendingPathComponent("compliance/compliance.json"))
        let record = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let facts = try #require(record["facts"] as? [[String: Any]])
        func origin(_ name: String) -> String? {
            (facts.first { $0["name"] as? String == name }?["origin"] as? [String: Any])?["kind"] as? String
        }
        #expect(origin("training_tokens") == "declared" && origin("training.declared.trainer") == "declared")
        #expect(origin("training_compute") == "computed" && origin("bits_per_byte.cs") == "recorded")
        #expect(facts.first { $0["name"] as? String == "reproducibility" }?["value"] as? String == "imported, declared")
        let estimates = (record["compute"] as? [String: Any])?["estimates"] as? [[String: Any]]
        #expect(estimates?.map { $0["name"] as? String } == ["6ND"])
        #expect((record["recorded_files"] as? [String: Any])?["training/import.json"] != nil)
    }

    /// verify, comply --check, card --check, eval, publish to file:// (and verify there), reproduce.
    private func checkCommands(dir: String, env: [String: String]) throws {
        let verify = try GlassboxProcess.run(["verify", "\(dir)/rel", "--key", "\(dir)/key.pub"], env: env)
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        let comply = try GlassboxProcess.run(["comply", "\(dir)/rel", "--check"], env: env)
        #expect(comply.status == 0 && comply.stdout.contains("nothing applicable is missing"), "\(comply.stdout)\(comply.stderr)")
        let card = try GlassboxProcess.run(["card", "\(dir)/rel", "--out", "\(dir)/review", "--check"], env: env)
        #expect(card.status == 0 && card.stdout.contains("all match the release") && !card.stdout.contains("loss.svg"), "\(card.stdout)\(card.stderr)")
        let eval = try GlassboxProcess.run(["eval", "\(dir)/rel"], env: env)
        #expect(eval.status == 0 && eval.stdout.contains("cs"), "\(eval.stdout)\(eval.stderr)")
        let publish = try GlassboxProcess.run(["publish", "\(dir)/rel", "--to", "file://\(dir)/published/imported-1.0", "--key", "\(dir)/key.pub"], env: env)
        #expect(publish.status == 0, "\(publish.stdout)\(publish.stderr)")
        let downloaded = try GlassboxProcess.run(["verify", "\(dir)/published/imported-1.0", "--key", "\(dir)/key.pub"], env: env)
        #expect(downloaded.status == 0, "\(downloaded.stdout)\(downloaded.stderr)")
        let reproduce = try GlassboxProcess.run(["reproduce", "\(dir)/rel", "--data-dir", "\(dir)/r", "--key", "\(dir)/key.pub"], env: env)
        #expect(reproduce.status == 0, "\(reproduce.stdout)\(reproduce.stderr)")
        for step in ["fetch.sample", "prepare", "import", "evaluate", "package"] {
            #expect(reproduce.stdout.contains(step), "reproduce does not report \(step): \(reproduce.stdout)")
        }
        #expect(reproduce.stdout.contains("reproducibility: imported, declared") && reproduce.stdout.contains("training was not re-run"))
        #expect(!reproduce.stdout.contains("not-available"), "\(reproduce.stdout)")
    }
}
