import Foundation

/// Input files for `glassbox train`: a tiny model, options with six micro-batches per update (so 4
/// ranks split them unevenly, 2/2/1/1) and checkpoints every 2 updates, and a patterned corpus.
struct TinyTrainingRun {
    let directory: String

    static let config = """
        {"architectures": ["LlamaForCausalLM"], "model_type": "llama", "vocab_size": 64, "hidden_size": 32,
         "intermediate_size": 48, "num_hidden_layers": 2, "num_attention_heads": 4, "num_key_value_heads": 2,
         "max_position_embeddings": 16, "rms_norm_eps": 1e-5, "rope_theta": 10000.0, "tie_word_embeddings": true,
         "bos_token_id": 0, "eos_token_id": 1, "initializer_range": 0.05, "torch_dtype": "float32"}
        """

    static let options = """
        {"seed": 7, "sequence_length": 12, "batch_size": 2, "steps": 6, "learning_rate": 0.003,
         "gradient_accumulation_steps": 6, "warmup_steps": 2, "min_learning_rate": 0.0003, "checkpoint_every_steps": 2,
         "keep_checkpoints": 3, "language_weights": {"cs": 2, "en": 1}, "document_separator": 1}
        """

    /// Writes config.json, options.json and tokens.jsonl into `directory`.
    init(directory: String) throws {
        self.directory = directory
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try Data(Self.config.utf8).write(to: URL(fileURLWithPath: directory + "/config.json"))
        try Data(Self.options.utf8).write(to: URL(fileURLWithPath: directory + "/options.json"))
        var lines: [String] = []
        for d in 0..<40 {
            let language = d % 3 == 0 ? "en" : "cs"
            let tokens = (0..<(19 + d % 7)).map { 2 + (d * 5 + $0 * (language == "cs" ? 3 : 7)) % 60 }
            lines.append("{\"language\": \"\(language)\", \"tokens\": [\(tokens.map(String.init).joined(separator: ", "))]}")
        }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: directory + "/tokens.jsonl"))
    }

    /// `glassbox train` arguments writing to `output` (checkpoints in `checkpoints` when given).
    func arguments(output: String, checkpoints: String? = nil) -> [String] {
        ["train", "--config", directory + "/config.json", "--options", directory + "/options.json",
         "--tokens", directory + "/tokens.jsonl", "--output", output] + (checkpoints.map { ["--checkpoints", $0] } ?? [])
    }
}
