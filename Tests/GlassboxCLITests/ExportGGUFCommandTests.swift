import Foundation
import Testing
import TestSupport

/// `glassbox export gguf` through the real binary: exit statuses, the same bytes for any `--threads`,
/// `--json`, output safety (`--force`, never a directory), and refused input (a model whose rows are
/// not whole Q8_0 blocks, a directory without a model). Then `generate --variant` runs the file.
@Suite struct ExportGGUFCommandTests {
    static let model = ExitStatusTests.model

    func run(_ args: [String], in scratch: TemporaryDirectory) throws -> GlassboxProcess.Output {
        try GlassboxProcess.run(args, env: ["GLASSBOX_HOME": scratch.path + "/home"], cwd: scratch.path)
    }

    @Test func writesTheSameBytesForAnyThreadCountAndReportsThem() throws {
        let scratch = try TemporaryDirectory(prefix: "glassbox-gguf-")
        let one = try run(["export", "gguf", Self.model, "--type", "q8_0", "--out-file", "a.gguf", "--threads", "1", "--json"], in: scratch)
        #expect(one.status == 0, "\(one.stderr)")
        let three = try run(["export", "gguf", Self.model, "--type", "q8_0", "--out-file", "b.gguf", "--threads", "3"], in: scratch)
        #expect(three.status == 0 && three.stdout.hasPrefix("wrote b.gguf (q8_0, "))
        let a = try Data(contentsOf: URL(fileURLWithPath: scratch.path + "/a.gguf"))
        #expect(a == (try Data(contentsOf: URL(fileURLWithPath: scratch.path + "/b.gguf"))))
        let report = try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [String: Any]
        #expect(report?["bytes"] as? Int == a.count && report?["type"] as? String == "q8_0")
        let digest = try GlassboxProcess.runTool("/usr/bin/sha256sum", [scratch.path + "/a.gguf"]).stdout.prefix(64)
        #expect(report?["digest"] as? String == "sha256:" + digest)
    }

    @Test func neverReplacesAFileUnlessForcedAndNeverADirectory() throws {
        let scratch = try TemporaryDirectory(prefix: "glassbox-gguf-")
        try scratch.write("out.gguf", text: "keep me")
        let refused = try run(["export", "gguf", Self.model, "--out-file", "out.gguf"], in: scratch)
        #expect(refused.status == 1 && refused.stderr.contains("--force"))
        #expect(try String(contentsOfFile: scratch.path + "/out.gguf", encoding: .utf8) == "keep me")
        #expect(try run(["export", "gguf", Self.model, "--out-file", "out.gguf", "--force"], in: scratch).status == 0)
        try FileManager.default.createDirectory(atPath: scratch.path + "/dir", withIntermediateDirectories: true)
        #expect(try run(["export", "gguf", Self.model, "--out-file", "dir", "--force"], in: scratch).status == 1)
        #expect(FileManager.default.fileExists(atPath: scratch.path + "/dir"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { $0.contains("tmp") }
        #expect(leftovers.isEmpty, "temporary files left: \(leftovers)")
    }

    @Test func usageErrorsExit64() throws {
        let scratch = try TemporaryDirectory(prefix: "glassbox-gguf-")
        #expect(try run(["export", "gguf", Self.model], in: scratch).status == 64)
        #expect(try run(["export", "gguf", Self.model, "--out-file", "x.gguf", "--type", "q5_1"], in: scratch).status == 64)
        #expect(try run(["export", "gguf", Self.model, "--out-file", "x.gguf", "--threads", "0"], in: scratch).status == 64)
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/x.gguf"))
    }

    @Test func refusesWhatItCannotExportNamingIt() throws {
        let scratch = try TemporaryDirectory(prefix: "glassbox-gguf-")
        let missing = try run(["export", "gguf", "no-such-model", "--out-file", "x.gguf"], in: scratch)
        #expect(missing.status == 1 && missing.stderr.hasPrefix("error: ") && missing.stderr.contains("no-such-model"))
        // A model whose MLP is 48 wide: ffn_down's rows are not whole 32-weight blocks.
        let model = try Self.trainNarrowModel(in: scratch)
        let refused = try run(["export", "gguf", model, "--type", "q8_0", "--out-file", "x.gguf"], in: scratch)
        #expect(refused.status == 1 && refused.stderr.contains("blk.0.ffn_down.weight") && refused.stderr.contains("--type f16"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/x.gguf"))
        #expect(try run(["export", "gguf", model, "--type", "f16", "--out-file", "x.gguf"], in: scratch).status == 0)
    }

    @Test func generateRunsTheExportedVariant() throws {
        let scratch = try TemporaryDirectory(prefix: "glassbox-gguf-")
        let model = scratch.path + "/model"
        try FileManager.default.copyItem(atPath: Self.model, toPath: model)
        #expect(try run(["export", "gguf", model, "--type", "q4_0", "--out-file", model + "/model-q4_0.gguf"], in: scratch).status == 0)
        let generated = try run(["generate", model, "--variant", "q4_0", "--prompt", "Hello", "--max-tokens", "3", "--json", "--threads", "2"], in: scratch)
        #expect(generated.status == 0, "\(generated.stderr)")
        let missing = try run(["generate", model, "--variant", "q8_0", "--prompt", "Hello"], in: scratch)
        #expect(missing.status == 1 && missing.stderr.contains("it has: q4_0"), "\(missing.stderr)")
        #expect(try run(["logits", model, "--variant", "q3", "--text", "Hello"], in: scratch).status == 64)
    }

    /// `glassbox train` of a tied model with hidden size 32 and MLP width 48 (vocabulary of the fixture
    /// tokenizer, which is copied beside it); returns its directory.
    static func trainNarrowModel(in scratch: TemporaryDirectory) throws -> String {
        let config = """
            {"architectures": ["LlamaForCausalLM"], "model_type": "llama", "vocab_size": 384, "hidden_size": 32,
             "intermediate_size": 48, "num_hidden_layers": 1, "num_attention_heads": 4, "num_key_value_heads": 2,
             "max_position_embeddings": 16, "rms_norm_eps": 1e-5, "rope_theta": 10000.0, "tie_word_embeddings": true,
             "bos_token_id": 0, "eos_token_id": 1, "torch_dtype": "float32"}
            """
        let options = """
            {"seed": 1, "sequence_length": 8, "batch_size": 2, "steps": 1, "learning_rate": 0.001, "warmup_steps": 0,
             "min_learning_rate": 0.0001, "checkpoint_every_steps": 1}
            """
        let tokens = (0..<8).map { d in "{\"language\": \"en\", \"tokens\": [\((0..<12).map { String((d * 7 + $0 * 5) % 384) }.joined(separator: ", "))]}" }
        try scratch.write("narrow/config.json", text: config)
        try scratch.write("narrow/options.json", text: options)
        try scratch.write("narrow/tokens.jsonl", text: tokens.joined(separator: "\n") + "\n")
        let dir = scratch.path + "/narrow"
        let trained = try GlassboxProcess.run(
            ["train", "--config", dir + "/config.json", "--options", dir + "/options.json", "--tokens", dir + "/tokens.jsonl",
             "--out", dir + "/model", "--threads", "1"], env: ["GLASSBOX_HOME": scratch.path + "/home"], cwd: scratch.path)
        guard trained.status == 0 else { throw GlassboxProcess.HarnessError(description: "train failed: \(trained.stderr)") }
        try FileManager.default.copyItem(atPath: Self.model + "/tokenizer.json", toPath: dir + "/model/tokenizer.json")
        return dir + "/model"
    }
}
