import Foundation
import Testing
import TestSupport

/// A transformers-made Llama directory released through the CLI with `[training] backend = "external"`:
/// build (signed), verify, eval and reproduce, which reports the class "imported, declared".
@Suite struct ImportedReleaseCommandTests {
    static let model = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("InferenceTests/Fixtures/models/sharded")

    static let recipe = """
        format = 1
        [release]
        name = "imported"
        version = "1.0"
        license = "Apache-2.0"
        [[data.sources]]
        id = "sample"
        uri = "file:data/sample.txt"
        languages = ["cs"]
        license = "CC0-1.0"
        redistributable = true
        tdm_opt_out_respected = true
        [tokenizer]
        vocab_size = 384
        [model]
        hidden_size = 32
        num_layers = 2
        num_attention_heads = 2
        num_key_value_heads = 1
        intermediate_size = 64
        context_length = 64
        tie_word_embeddings = false
        [training]
        backend = "external"
        [training.weights]
        uri = "file:weights/tiny"
        [training.declared]
        trainer = "transformers"
        trainer_version = "5.23.0"
        code_revision = "Tools/make_inference_goldens.py"
        accelerator = "CPU"
        accelerator_count = 1
        wall_clock_hours = 0.01
        tokens_seen = 1000000
        command = "python3 Tools/make_inference_goldens.py"

        """

    /// A folder with the recipe, its data and the model directory as `weights/tiny`.
    static func workspace() throws -> URL {
        let root = try TemporaryDirectory.create(prefix: "imported-cli-")
        let recipe = root.appendingPathComponent("r")
        try FileManager.default.createDirectory(at: recipe.appendingPathComponent("data"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: recipe.appendingPathComponent("weights"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: model, to: recipe.appendingPathComponent("weights/tiny"))
        try Data(Self.recipe.utf8).write(to: recipe.appendingPathComponent("recipe.toml"))
        let lines = (0..<100).map { "Dobrý den, věta číslo \($0) o počasí." }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: recipe.appendingPathComponent("data/sample.txt"))
        return root
    }

    @Test func importedReleaseBuildsVerifiesEvaluatesAndReproducesHonestly() throws {
        let root = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let env = ["GLASSBOX_HOME": root.appendingPathComponent("store").path]
        let dir = root.path
        #expect(try GlassboxProcess.run(["keygen", "--name", "\(dir)/key"], env: env).status == 0)
        let build = try GlassboxProcess.run(["build", "\(dir)/r/recipe.toml", "--out", "\(dir)/rel", "--key", "\(dir)/key.pem", "--threads", "2"], env: env)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(build.stdout.contains("import") || build.stderr.contains("import"))
        let verify = try GlassboxProcess.run(["verify", "\(dir)/rel", "--key", "\(dir)/key.pub"], env: env)
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        let eval = try GlassboxProcess.run(["eval", "\(dir)/rel"], env: env)
        #expect(eval.status == 0 && eval.stdout.contains("cs"), "\(eval.stdout)\(eval.stderr)")
        let reproduce = try GlassboxProcess.run(["reproduce", "\(dir)/rel", "--data-dir", "\(dir)/r", "--key", "\(dir)/key.pub"], env: env)
        #expect(reproduce.status == 0, "\(reproduce.stdout)\(reproduce.stderr)")
        #expect(reproduce.stdout.contains("training was not re-run"))
        #expect(reproduce.stdout.contains("reproducibility: imported, declared"))
        let json = try GlassboxProcess.run(["reproduce", "\(dir)/rel", "--data-dir", "\(dir)/r", "--json"], env: env)
        let object = try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any]
        #expect(object?["reproducibility"] as? String == "imported, declared")
        #expect(object?["training_rerun"] as? Bool == false)
        #expect(object?["matched"] as? Bool == true)
        let without = try GlassboxProcess.run(["reproduce", "\(dir)/rel"], env: env)
        #expect(without.status == 1 && without.stderr.contains("does not exist"), "\(without.stderr)")
    }

    @Test func recipeInitFromHuggingFaceWritesAStarterThatNamesWhatToFill() throws {
        let root = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let dir = root.path
        let initRun = try GlassboxProcess.run(["recipe", "init", "--from-hf", "\(dir)/r/weights/tiny", "--out-file", "\(dir)/r/starter.toml"])
        #expect(initRun.status == 0, "\(initRun.stderr)")
        #expect(initRun.stdout.contains("fill in the 17 lines marked"), "\(initRun.stdout)")
        let text = try String(contentsOf: root.appendingPathComponent("r/starter.toml"), encoding: .utf8)
        #expect(text.contains("backend = \"external\"") && text.contains("uri = \"file:weights/tiny\""))
        let check = try GlassboxProcess.run(["recipe", "check", "\(dir)/r/starter.toml"])
        #expect(check.status != 0)
        #expect((check.stdout + check.stderr).contains("training.declared.trainer"), "\(check.stdout)\(check.stderr)")
        let again = try GlassboxProcess.run(["recipe", "init", "--from-hf", "\(dir)/r/weights/tiny", "--out-file", "\(dir)/r/starter.toml"])
        #expect(again.status == 1 && again.stderr.contains("already exists"))
        let missing = try GlassboxProcess.run(["recipe", "init", "--from-hf", "\(dir)/nowhere", "--out-file", "\(dir)/r/other.toml"])
        #expect(missing.status == 1 && missing.stderr.contains("config.json"), "\(missing.stderr)")
    }
}
