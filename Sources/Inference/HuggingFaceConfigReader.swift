import Foundation

/// Reads a Hugging Face `config.json` of a Llama model, in both the transformers 4.x form (top-level
/// `rope_theta`, `torch_dtype`) and the 5.x form (`rope_parameters`, `dtype`). Missing keys take
/// `LlamaConfig`'s defaults (transformers 5.23); features Glassbox does not run are refused by name.
struct HuggingFaceConfigReader {
    /// The path shown in messages.
    let path: String
    /// The top-level object.
    let root: [String: JSONValue]

    /// Parses `data` (the bytes of `path`).
    init(data: Data, path: String) throws {
        self.path = path
        do {
            guard let object = try JSONDecoder().decode(JSONValue.self, from: data).object else {
                throw InferenceError.unreadableFile(path: path, reason: "the top level is not a JSON object")
            }
            root = object
        } catch let error as InferenceError {
            throw error
        } catch {
            throw InferenceError.unreadableFile(path: path, reason: "not valid JSON (\(error))")
        }
    }

    /// The model configuration, after refusing what is unsupported.
    func configuration() throws -> ModelConfiguration {
        try checkArchitecture()
        try checkUnsupportedFeatures()
        let heads = try integer("num_attention_heads", default: 32)
        let hidden = try integer("hidden_size", default: 4096)
        let config = ModelConfiguration(
            vocabularySize: try integer("vocab_size", default: 32000),
            hiddenSize: hidden,
            intermediateSize: try integer("intermediate_size", default: 11008),
            layerCount: try integer("num_hidden_layers", default: 32),
            attentionHeads: heads,
            keyValueHeads: try integer("num_key_value_heads", default: heads),
            headDimension: try integer("head_dim", default: heads > 0 ? hidden / heads : 0),
            contextLength: try integer("max_position_embeddings", default: 2048),
            ropeTheta: try ropeTheta(),
            rmsNormEpsilon: Float(try number("rms_norm_eps", default: 1e-6)),
            tieWordEmbeddings: try boolean("tie_word_embeddings", default: false),
            bosTokenID: try optionalInteger("bos_token_id"),
            eosTokenIDs: try tokenList("eos_token_id")
        )
        if let problem = config.problems().first {
            throw InferenceError.invalidConfig(path: path, key: "config", reason: problem)
        }
        return config
    }

    /// The weights' declared storage type (`dtype` or `torch_dtype`), for messages only.
    var declaredDType: String? { root["dtype"]?.string ?? root["torch_dtype"]?.string }

    private func checkArchitecture() throws {
        let architectures = root["architectures"]?.array?.compactMap(\.string) ?? []
        let modelType = root["model_type"]?.string
        if !architectures.isEmpty, !architectures.contains("LlamaForCausalLM") {
            throw InferenceError.unsupportedFeature(
                path: path, feature: "architecture \(architectures.joined(separator: ", "))")
        }
        if let modelType, modelType != "llama" {
            throw InferenceError.unsupportedFeature(path: path, feature: "model_type \"\(modelType)\"")
        }
        if architectures.isEmpty, modelType == nil {
            throw InferenceError.invalidConfig(
                path: path, key: "architectures",
                reason: "is missing (and so is model_type); expected [\"LlamaForCausalLM\"]")
        }
    }

    private func checkUnsupportedFeatures() throws {
        for key in ["attention_bias", "mlp_bias"] where root[key]?.bool == true {
            throw InferenceError.unsupportedFeature(path: path, feature: "\(key) = true")
        }
        for key in ["sliding_window", "use_sliding_window"] {
            if let value = root[key], !value.isNull, value.bool != false {
                throw InferenceError.unsupportedFeature(path: path, feature: "\(key) (sliding-window attention)")
            }
        }
        if let act = root["hidden_act"]?.string, act != "silu" {
            throw InferenceError.unsupportedFeature(path: path, feature: "hidden_act \"\(act)\"")
        }
        for key in ["rope_scaling", "rope_parameters"] {
            guard let value = root[key], !value.isNull else { continue }
            guard let object = value.object else {
                throw InferenceError.invalidConfig(path: path, key: key, reason: "must be an object or null")
            }
            let type = object["rope_type"]?.string ?? object["type"]?.string ?? "default"
            if type != "default" {
                throw InferenceError.unsupportedFeature(path: path, feature: "\(key).rope_type \"\(type)\"")
            }
        }
    }

    private func ropeTheta() throws -> Double {
        if let parameters = root["rope_parameters"]?.object, let theta = parameters["rope_theta"] {
            guard let value = theta.number else {
                throw InferenceError.invalidConfig(path: path, key: "rope_parameters.rope_theta", reason: "must be a number")
            }
            return value
        }
        return try number("rope_theta", default: 10000)
    }

    private func integer(_ key: String, default fallback: Int) throws -> Int {
        try optionalInteger(key) ?? fallback
    }

    private func optionalInteger(_ key: String) throws -> Int? {
        guard let value = root[key], !value.isNull else { return nil }
        guard let int = value.integer else {
            throw InferenceError.invalidConfig(path: path, key: key, reason: "must be an integer")
        }
        return int
    }

    private func number(_ key: String, default fallback: Double) throws -> Double {
        guard let value = root[key], !value.isNull else { return fallback }
        guard let number = value.number else {
            throw InferenceError.invalidConfig(path: path, key: key, reason: "must be a number")
        }
        return number
    }

    private func boolean(_ key: String, default fallback: Bool) throws -> Bool {
        guard let value = root[key], !value.isNull else { return fallback }
        guard let bool = value.bool else {
            throw InferenceError.invalidConfig(path: path, key: key, reason: "must be true or false")
        }
        return bool
    }

    private func tokenList(_ key: String) throws -> [Int] {
        guard let value = root[key], !value.isNull else { return [] }
        if let single = value.integer { return [single] }
        guard let list = value.array?.map(\.integer), list.allSatisfy({ $0 != nil }) else {
            throw InferenceError.invalidConfig(path: path, key: key, reason: "must be a token id or a list of token ids")
        }
        return list.compactMap { $0 }
    }
}
