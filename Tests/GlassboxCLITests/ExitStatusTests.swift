import Foundation
import Testing
import TestSupport

/// Every subcommand's exit statuses through the real binary: 0 success, 1 failure, 3 verification
/// failed (where a command verifies something), 64 usage. Inputs are the repository's own fixtures
/// and files the tests write; the store is a temporary `GLASSBOX_HOME`.
@Suite struct ExitStatusTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let tokenizer = root.appendingPathComponent("Tests/TokenizationTests/Fixtures/hf_gpt2").path
    static let corpus = root.appendingPathComponent("Tests/TokenizationTests/Fixtures/train_corpus.jsonl").path
    static let model = root.appendingPathComponent("Tests/InferenceTests/Fixtures/models/tied").path
    static let trainInputs = root.appendingPathComponent("Tests/TrainingTests/Fixtures/cpu-targets")
    static let wrongDigest = "sha256:" + String(repeating: "0", count: 64)

    /// A scratch directory, a store inside it, and `glassbox` run there.
    final class Scratch {
        let directory: TemporaryDirectory
        var path: String { directory.path }

        init() throws { directory = try TemporaryDirectory(prefix: "glassbox-exit-") }

        /// The exit status of `glassbox args…` (cwd: the scratch directory).
        func status(_ args: [String]) throws -> Int32 {
            try GlassboxProcess.run(args, env: ["GLASSBOX_HOME": path + "/home"], cwd: path).status
        }

        @discardableResult
        func write(_ name: String, _ text: String) throws -> String { try directory.write(name, text: text) }
    }

    @Test func recipeInitCheckPlan() throws {
        let scratch = try Scratch()
        #expect(try scratch.status(["recipe", "init", "--out-file", "r/recipe.toml"]) == 0)
        #expect(try scratch.status(["recipe", "init", "--out-file", "r/recipe.toml"]) == 1)
        #expect(try scratch.status(["recipe", "init", "--out", "r/old-spelling.toml"]) == 0)
        #expect(try scratch.status(["recipe", "init", "--out", "a.toml", "--out-file", "b.toml"]) == 64)
        #expect(try scratch.status(["recipe", "init", "--bogus"]) == 64)
        #expect(try scratch.status(["recipe", "check", "r/recipe.toml"]) == 0)
        #expect(try scratch.status(["recipe", "check", "missing.toml"]) == 1)
        #expect(try scratch.status(["recipe", "check"]) == 64)
        try scratch.write("p/recipe.toml", Self.tinyRecipe)
        try scratch.write("p/data/a.txt", Self.text)
        #expect(try scratch.status(["recipe", "plan", "p/recipe.toml"]) == 0)
        #expect(try scratch.status(["recipe", "plan", "missing.toml"]) == 1)
        #expect(try scratch.status(["recipe", "plan"]) == 64)
    }

    @Test func buildAndReproduce() throws {
        let scratch = try Scratch()
        try scratch.write("p/recipe.toml", Self.tinyRecipe)
        try scratch.write("p/data/a.txt", Self.text)
        #expect(try scratch.status(["build", "p/recipe.toml", "--out", "rel", "--threads", "2"]) == 0)
        #expect(try scratch.status(["build", "missing.toml"]) == 1)
        #expect(try scratch.status(["build"]) == 64)
        #expect(try scratch.status(["reproduce", "rel", "--data-dir", "p", "--threads", "2"]) == 0)
        try scratch.write("rel/recipe.lock.json", try String(contentsOfFile: scratch.path + "/rel/recipe.lock.json", encoding: .utf8)
            .replacingOccurrences(of: "\"manifest\":\"sha256:", with: "\"manifest\":\"sha256:0"))
        #expect([1, 3].contains(try scratch.status(["reproduce", "rel", "--data-dir", "p", "--threads", "2"])))
        #expect(try scratch.status(["reproduce", "missing"]) == 1)
        #expect(try scratch.status(["reproduce"]) == 64)
        #expect(try scratch.status(["_run-step", "p/recipe.toml", "--step", "prepare", "--threads", "1"]) == 0)  // cached
        #expect(try scratch.status(["_run-step", "p/recipe.toml", "--step", "no-such-step"]) == 1)
        #expect(try scratch.status(["_run-step", "p/recipe.toml"]) == 64)
        // status exits 0 for a recorded Slurm submission (SlurmExecutorTests); a local build has none.
        #expect(try scratch.status(["status", "rel"]) == 1)
        #expect(try scratch.status(["status"]) == 64)
    }

    @Test func cardAndComply() throws {
        let scratch = try Scratch()
        // The ReleaseDocs fixture: a release's recorded files without its documents (so --check finds
        // them missing) and with applicable obligations left open.
        let release = Self.root.appendingPathComponent("Tests/ReleaseDocsTests/Fixtures/release").path
        #expect(try scratch.status(["card", release, "--out", "review"]) == 0)
        #expect(try scratch.status(["card", release, "--out", "review2", "--check"]) == 3)
        #expect(try scratch.status(["card", "missing", "--out", "review3"]) == 1)
        #expect(try scratch.status(["card", release, "--bogus"]) == 64)
        #expect(try scratch.status(["comply", release]) == 0)
        #expect(try scratch.status(["comply", release, "--check"]) == 3)
        #expect(try scratch.status(["comply", "missing"]) == 1)
        #expect(try scratch.status(["comply"]) == 64)
    }

    @Test func exportGGUF() throws {
        let scratch = try Scratch()
        #expect(try scratch.status(["export", "gguf", Self.model, "--type", "f32", "--out-file", "m.gguf"]) == 0)
        #expect(try scratch.status(["export", "gguf", Self.model, "--type", "f32", "--out-file", "m.gguf"]) == 1)  // exists
        #expect(try scratch.status(["export", "gguf", Self.model, "--type", "f32", "--out", "old-spelling.gguf"]) == 0)
        #expect(try scratch.status(["export", "gguf", "missing", "--out-file", "n.gguf"]) == 1)
        #expect(try scratch.status(["export", "gguf", Self.model, "--out", "a.gguf", "--out-file", "b.gguf"]) == 64)
        #expect(try scratch.status(["export", "gguf", Self.model, "--type", "q9", "--out-file", "q.gguf"]) == 64)
        #expect(try scratch.status(["export", "gguf", Self.model]) == 64)
    }

    @Test func keygenSignVerify() throws {
        let scratch = try Scratch()
        try scratch.write("release/weights.bin", "weights")
        #expect(try scratch.status(["keygen", "--name", "k"]) == 0)
        #expect(try scratch.status(["keygen", "--name", "k"]) == 1)
        #expect(try scratch.status(["keygen", "--out", "old-spelling"]) == 0)
        #expect(try scratch.status(["keygen"]) == 64)
        #expect(try scratch.status(["sign", "release", "--key", "k.pem"]) == 0)
        #expect(try scratch.status(["sign", "release", "--key", "missing.pem"]) == 1)
        #expect(try scratch.status(["sign", "release"]) == 64)
        #expect(try scratch.status(["verify", "release", "--key", "k.pub"]) == 0)
        #expect(try scratch.status(["publish", "release", "--to", "file://\(scratch.path)/published", "--key", "k.pub"]) == 0)
        #expect(try scratch.status(["publish", "missing", "--to", "file://\(scratch.path)/published2"]) == 1)
        #expect(try scratch.status(["publish", "release"]) == 64)
        try scratch.write("release/weights.bin", "tampered")
        #expect(try scratch.status(["verify", "release", "--key", "k.pub"]) == 3)
        #expect(try scratch.status(["publish", "release", "--to", "file://\(scratch.path)/published3", "--key", "k.pub"]) == 3)
        #expect(try scratch.status(["verify", "missing"]) == 1)
        #expect(try scratch.status(["verify", "release", "--bogus"]) == 64)
    }

    @Test func modelCommands() throws {
        let scratch = try Scratch()
        try scratch.write("eval.txt", "Ahoj světe, jak se máš?\n")
        for (command, extra) in [("generate", ["--prompt", "Hello", "--max-tokens", "2"]), ("logits", ["--text", "Hello"]),
                                 ("eval", ["--data", "eval.txt", "--context", "8", "--stride", "4"])] {
            #expect(try scratch.status([command, Self.model] + extra + ["--threads", "1"]) == 0, "\(command)")
            #expect(try scratch.status([command, "missing-model"] + extra) == 1, "\(command)")
            #expect(try scratch.status([command, Self.model, "--bogus"]) == 64, "\(command)")
        }
    }

    @Test func tokenizerCommands() throws {
        let scratch = try Scratch()
        let train = ["tokenizer", "train", "--data", Self.corpus, "--vocab-size", "300", "--threads", "1"]
        #expect(try scratch.status(train + ["--out", "tok"]) == 0)
        #expect(try scratch.status(["tokenizer", "train", "--data", "missing.jsonl", "--vocab-size", "300", "--out", "tok2"]) == 1)
        #expect(try scratch.status(["tokenizer", "train", "--data", Self.corpus, "--out", "tok3"]) == 64)
        #expect(try scratch.status(train + ["--out", "tok4", "--pre-tokenizer", "none"]) == 64)
        #expect(try scratch.status(["tokenizer", "fertility", Self.tokenizer, "--data", Self.corpus]) == 0)
        #expect(try scratch.status(["tokenizer", "fertility", "missing", "--data", Self.corpus]) == 1)
        #expect(try scratch.status(["tokenizer", "fertility", Self.tokenizer, "--bogus"]) == 64)
        #expect(try scratch.status(["tokenize", Self.tokenizer, "--text", "Hello"]) == 0)
        #expect(try scratch.status(["tokenize", "missing", "--text", "Hello"]) == 1)
        #expect(try scratch.status(["tokenize", Self.tokenizer, "--bogus"]) == 64)
        #expect(try scratch.status(["detokenize", Self.tokenizer, "--ids", "40"]) == 0)
        #expect(try scratch.status(["detokenize", Self.tokenizer, "--ids", "999999"]) == 1)
        #expect(try scratch.status(["detokenize", Self.tokenizer]) == 64)
    }

    @Test func trainAndTrainBench() throws {
        let scratch = try Scratch()
        let inputs = ["--config", Self.trainInputs.appendingPathComponent("config.json").path,
                      "--options", Self.trainInputs.appendingPathComponent("options.json").path,
                      "--tokens", Self.trainInputs.appendingPathComponent("train.jsonl").path]
        #expect(try scratch.status(["train"] + inputs + ["--out", "model", "--threads", "2"]) == 0)
        #expect(try scratch.status(["train", "--config", "missing.json", "--options", "missing.json", "--tokens", "missing.jsonl",
                                    "--output", "model2"]) == 1)  // the old spelling of --out still works
        #expect(try scratch.status(["train"] + inputs) == 64)
        #expect(try scratch.status(["train-bench", "--matmul", "--matmul-size", "8"]) == 0)
        #expect(try scratch.status(["train-bench", "--size", "XXL"]) == 64)
        // train-bench has no failure path short of a crash: its inputs are synthetic.
    }

    @Test func dataCommands() throws {
        let scratch = try Scratch()
        try scratch.write("f.txt", Self.text)
        #expect(try scratch.status(["data", "fetch", "file:f.txt", "--out", "o1"]) == 0)
        #expect(try scratch.status(["data", "fetch", "file:f.txt", "--sha256", Self.wrongDigest, "--out", "o2"]) == 3)
        #expect(try scratch.status(["data", "fetch", "file:missing.txt", "--out", "o3"]) == 1)
        #expect(try scratch.status(["data", "fetch", "file:f.txt", "--archive", "rar", "--out", "o4"]) == 64)
        #expect(try scratch.status(["data", "prepare", "f.txt", "--out", "p1"]) == 0)
        #expect(try scratch.status(["data", "prepare", "f.txt", "--out", "f.txt"]) == 1)  // --out is a file
        #expect(try scratch.status(["data", "prepare", "f.txt"]) == 64)
    }

    @Test func hashAndStore() throws {
        let scratch = try Scratch()
        try scratch.write("f.txt", Self.text)
        try scratch.write("d/g.txt", "g")
        try scratch.write("bad.sums", String(repeating: "0", count: 64) + "  f.txt\n")
        #expect(try scratch.status(["hash", "f.txt"]) == 0)
        #expect(try scratch.status(["hash", "missing.txt"]) == 1)
        #expect(try scratch.status(["hash", "--check", "bad.sums"]) == 1)  // as sha256sum -c, on purpose (Docs/cli.md)
        #expect(try scratch.status(["hash", "--bogus"]) == 64)
        #expect(try scratch.status(["store", "put", "f.txt"]) == 0)
        #expect(try scratch.status(["store", "put", "f.txt", "--expect", Self.wrongDigest]) == 3)
        #expect(try scratch.status(["store", "put", "missing.txt"]) == 1)
        #expect(try scratch.status(["store", "put"]) == 64)
        #expect(try scratch.status(["store", "import", "d"]) == 0)
        #expect(try scratch.status(["store", "import", "missing"]) == 1)
        #expect(try scratch.status(["store", "import"]) == 64)
        #expect(try scratch.status(["store", "export", Self.wrongDigest, "x"]) == 1)
        #expect(try scratch.status(["store", "export"]) == 64)
        #expect(try scratch.status(["store", "ls"]) == 0)
        #expect(try scratch.status(["store", "ls", "--bogus"]) == 64)
        #expect(try scratch.status(["store", "fsck"]) == 0)
        #expect(try scratch.status(["store", "fsck", "--bogus"]) == 64)
        try scratch.write("keep.json", #"{"steps":[]}"#)
        #expect(try scratch.status(["store", "gc", "--keep", "keep.json", "--dry-run"]) == 0)
        #expect(try scratch.status(["store", "gc", "--keep", "missing.json"]) == 1)
        #expect(try scratch.status(["store", "gc"]) == 64)
    }

    static let text = (0..<40).map { "Dokument číslo \($0) má dost slov, aby prošel filtrem délky.\n" }.joined()

    static let tinyRecipe = """
        format = 1
        [release]
        name = "exit"
        version = "1.0"
        license = "MIT"
        [[data.sources]]
        id = "a"
        uri = "file:data/a.txt"
        languages = ["cs"]
        license = "CC0-1.0"
        redistributable = true
        tdm_opt_out_respected = true
        [data]
        seed = 3
        [tokenizer]
        vocab_size = 300
        [model]
        hidden_size = 16
        num_layers = 1
        num_attention_heads = 2
        intermediate_size = 32
        context_length = 32
        [training]
        sequence_length = 16
        batch_size = 2
        steps = 3
        learning_rate = 0.01
        [evaluation]
        stride = 8
        """
}
