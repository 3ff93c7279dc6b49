import Builder
import Foundation
import TestSupport

/// A recipe with `[training] backend = "external"` whose weights are a transformers-made Llama
/// directory (the sharded one of InferenceTests/Fixtures, written by Tools/make_inference_goldens.py),
/// a small Czech text source and a declared config file, in a temporary directory.
struct ImportFixture {
    let root: URL
    var recipeDirectory: URL { root.appendingPathComponent("recipe") }
    var recipeURL: URL { recipeDirectory.appendingPathComponent("recipe.toml") }
    var weights: URL { recipeDirectory.appendingPathComponent("weights/tiny") }
    var store: String { root.appendingPathComponent("store").path }
    var release: URL { root.appendingPathComponent("out/release") }

    /// The transformers-made model directory this fixture imports.
    static let model = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("InferenceTests/Fixtures/models/sharded")

    static let recipeText = """
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
        [data]
        eval_fraction = 0.2
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
        config_file = "file:train.toml"
        command = "python3 Tools/make_inference_goldens.py"

        """

    init(recipe: String = ImportFixture.recipeText) throws {
        root = try TemporaryDirectory.create(prefix: "import-test-")
        let data = recipeDirectory.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: weights.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.model, to: weights)
        try Data(recipe.utf8).write(to: recipeURL)
        try Data("steps = 100\nlr = 0.001\n".utf8).write(to: recipeDirectory.appendingPathComponent("train.toml"))
        let lines = (0..<200).map { "Dobrý den, věta číslo \($0) o počasí a o řece \($0 % 7)." }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: data.appendingPathComponent("sample.txt"))
    }

    func options(store: String? = nil, useCache: Bool = true) -> BuildOptions {
        BuildOptions(storeRoot: store ?? self.store, threads: 2, useCache: useCache, registry: .standard)
    }

    func build(store: String? = nil, useCache: Bool = true) throws -> ReleaseBuild.Result {
        try ReleaseBuild(options: options(store: store, useCache: useCache)).build(recipeAt: recipeURL, releaseDirectory: release)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}
