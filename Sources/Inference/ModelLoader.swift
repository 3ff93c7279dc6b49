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
        let h = c.hiddenSize
        func linear(_ name: String, out: Int, in inFeatures: Int) throws -> [Float] {
            transpose(try reader.floats(name), rows: out, columns: inFeatures)
        }
        var layers: [LayerWeights] = []
        for i in 0..<c.layerCount {
            let p = "model.layers.\(i)."
            layers.append(LayerWeights(
                attentionNorm: try reader.floats(p + "input_layernorm.weight"),
                query: try linear(p + "self_attn.q_proj.weight", out: c.queryWidth, in: h),
                key: try linear(p + "self_attn.k_proj.weight", out: c.keyValueWidth, in: h),
                value: try linear(p + "self_attn.v_proj.weight", out: c.keyValueWidth, in: h),
                output: try linear(p + "self_attn.o_proj.weight", out: h, in: c.queryWidth),
                mlpNorm: try reader.floats(p + "post_attention_layernorm.weight"),
                gate: try linear(p + "mlp.gate_proj.weight", out: c.intermediateSize, in: h),
                up: try linear(p + "mlp.up_proj.weight", out: c.intermediateSize, in: h),
                down: try linear(p + "mlp.down_proj.weight", out: h, in: c.intermediateSize)))
        }
        let embedding = try reader.floats("model.embed_tokens.weight")
        let head = c.tieWordEmbeddings ? embedding : try reader.floats("lm_head.weight")
        return ModelWeights(
            embedding: embedding, layers: layers, finalNorm: try reader.floats("model.norm.weight"),
            outputHead: transpose(head, rows: c.vocabularySize, columns: h))
    }

    /// `[rows, columns]` → `[columns, rows]`.
    private static func transpose(_ m: [Float], rows: Int, columns: Int) -> [Float] {
        var t = [Float](repeating: 0, count: m.count)
        for r in 0..<rows {
            for c in 0..<columns { t[c * rows + r] = m[r * columns + c] }
        }
        return t
    }
}
