import Foundation

/// Loads a Hugging Face Llama model directory: `config.json` and `model.safetensors` (or the shards of
/// `model.safetensors.index.json`), F32/F16/BF16 weights widened to float32. Strict: every missing,
/// unexpected or mis-shaped tensor is listed in one error; NaN or infinite weights are refused.
public enum ModelLoader {
    /// Reads and checks `config.json` of `directory` without loading weights.
    public static func configuration(of directory: URL) throws -> ModelConfiguration {
        let url = directory.appendingPathComponent("config.json")
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw InferenceError.missingFile(
                path: url.path, hint: "a model directory needs the config.json written with its weights")
        }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw InferenceError.unreadableFile(path: url.path, reason: error.localizedDescription)
        }
        return try HuggingFaceConfigReader(data: data, path: url.path).configuration()
    }

    /// Loads the model of `directory`, running forward passes on `threads` threads.
    public static func load(_ directory: URL, threads: Int = ProcessInfo.processInfo.activeProcessorCount) throws -> LanguageModel {
        let configuration = try configuration(of: directory)
        let reader = try CheckpointReader(directory: directory)
        try reader.validate(against: TensorName.expected(for: configuration))
        let weights = try readWeights(reader, configuration)
        return LanguageModel(configuration: configuration, weights: weights, threads: threads, storedDTypes: reader.dtypes)
    }

    /// The `tokenizer.json` of `directory`, or an error saying it is missing.
    public static func tokenizerFile(of directory: URL) throws -> URL {
        let url = directory.appendingPathComponent("tokenizer.json")
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw InferenceError.missingFile(
                path: url.path,
                hint: "this model directory has no tokenizer; copy the tokenizer.json the model was trained with next to config.json")
        }
        return url
    }

    private static func readWeights(_ reader: CheckpointReader, _ c: ModelConfiguration) throws -> ModelWeights {
        var layers: [LayerWeights] = []
        for i in 0..<c.layerCount {
            let p = "model.layers.\(i)."
            layers.append(LayerWeights(
                attentionNorm: try reader.floats(p + "input_layernorm.weight"),
                query: try reader.floats(p + "self_attn.q_proj.weight"),
                key: try reader.floats(p + "self_attn.k_proj.weight"),
                value: try reader.floats(p + "self_attn.v_proj.weight"),
                output: try reader.floats(p + "self_attn.o_proj.weight"),
                mlpNorm: try reader.floats(p + "post_attention_layernorm.weight"),
                gate: try reader.floats(p + "mlp.gate_proj.weight"),
                up: try reader.floats(p + "mlp.up_proj.weight"),
                down: try reader.floats(p + "mlp.down_proj.weight")))
        }
        return ModelWeights(
            embedding: try reader.floats("model.embed_tokens.weight"),
            layers: layers,
            finalNorm: try reader.floats("model.norm.weight"),
            outputHead: c.tieWordEmbeddings ? nil : try reader.floats("lm_head.weight"))
    }
}
