/// `config.json` reading and writing. Written: a superset that transformers 4.x and 5.x both read
/// (`rope_theta` and `rope_parameters`, `torch_dtype` and `dtype`). Read: either form; unknown keys
/// are ignored; a rope type other than "default", an activation other than silu, or biases are
/// rejected with a message naming the key.
extension LlamaConfig: Codable {
    enum CodingKeys: String, CodingKey {
        case vocabSize = "vocab_size", hiddenSize = "hidden_size", intermediateSize = "intermediate_size"
        case numHiddenLayers = "num_hidden_layers", numAttentionHeads = "num_attention_heads"
        case numKeyValueHeads = "num_key_value_heads", headDim = "head_dim"
        case maxPositionEmbeddings = "max_position_embeddings", rmsNormEps = "rms_norm_eps"
        case ropeTheta = "rope_theta", tieWordEmbeddings = "tie_word_embeddings"
        case bosTokenId = "bos_token_id", eosTokenId = "eos_token_id", initializerRange = "initializer_range"
        case architectures, modelType = "model_type", ropeParameters = "rope_parameters"
        case torchDtype = "torch_dtype", dtype, hiddenAct = "hidden_act"
        case attentionBias = "attention_bias", mlpBias = "mlp_bias", ropeScaling = "rope_scaling"
    }

    struct RopeParameters: Codable {
        var ropeType: String?
        var ropeTheta: Double?
        enum CodingKeys: String, CodingKey { case ropeType = "rope_type", ropeTheta = "rope_theta" }
    }

    /// Reads a Hugging Face Llama config.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let heads = try c.decode(Int.self, forKey: .numAttentionHeads)
        let hidden = try c.decode(Int.self, forKey: .hiddenSize)
        let rope = try c.decodeIfPresent(RopeParameters.self, forKey: .ropeParameters)
            ?? c.decodeIfPresent(RopeParameters.self, forKey: .ropeScaling)
        if let type = rope?.ropeType, type != "default" {
            throw DecodingError.dataCorruptedError(
                forKey: .ropeParameters, in: c,
                debugDescription: "rope_type '\(type)' is not supported (only 'default' rotary embeddings are implemented)")
        }
        if let act = try c.decodeIfPresent(String.self, forKey: .hiddenAct), act != "silu" {
            throw DecodingError.dataCorruptedError(forKey: .hiddenAct, in: c, debugDescription: "hidden_act '\(act)' is not supported (only 'silu')")
        }
        for key in [CodingKeys.attentionBias, .mlpBias] where try c.decodeIfPresent(Bool.self, forKey: key) == true {
            throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "\(key.rawValue) = true is not supported (Llama layers here have no biases)")
        }
        let eos: Int? = try (try? c.decodeIfPresent(Int.self, forKey: .eosTokenId))
            ?? c.decodeIfPresent([Int].self, forKey: .eosTokenId)?.first
        self.init(
            vocabSize: try c.decode(Int.self, forKey: .vocabSize), hiddenSize: hidden,
            intermediateSize: try c.decode(Int.self, forKey: .intermediateSize),
            numHiddenLayers: try c.decode(Int.self, forKey: .numHiddenLayers), numAttentionHeads: heads,
            numKeyValueHeads: try c.decodeIfPresent(Int.self, forKey: .numKeyValueHeads) ?? heads,
            headDim: try c.decodeIfPresent(Int.self, forKey: .headDim),
            maxPositionEmbeddings: try c.decode(Int.self, forKey: .maxPositionEmbeddings),
            rmsNormEps: try c.decodeIfPresent(Double.self, forKey: .rmsNormEps) ?? 1e-6,
            ropeTheta: try c.decodeIfPresent(Double.self, forKey: .ropeTheta) ?? rope?.ropeTheta ?? 10_000,
            tieWordEmbeddings: try c.decodeIfPresent(Bool.self, forKey: .tieWordEmbeddings) ?? false,
            bosTokenId: try? c.decodeIfPresent(Int.self, forKey: .bosTokenId), eosTokenId: eos,
            initializerRange: try c.decodeIfPresent(Double.self, forKey: .initializerRange) ?? 0.02)
    }

    /// Writes the superset config (encode with sorted keys for a canonical file).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(["LlamaForCausalLM"], forKey: .architectures)
        try c.encode("llama", forKey: .modelType)
        try c.encode(vocabSize, forKey: .vocabSize)
        try c.encode(hiddenSize, forKey: .hiddenSize)
        try c.encode(intermediateSize, forKey: .intermediateSize)
        try c.encode(numHiddenLayers, forKey: .numHiddenLayers)
        try c.encode(numAttentionHeads, forKey: .numAttentionHeads)
        try c.encode(numKeyValueHeads, forKey: .numKeyValueHeads)
        try c.encode(headDim, forKey: .headDim)
        try c.encode(maxPositionEmbeddings, forKey: .maxPositionEmbeddings)
        try c.encode(rmsNormEps, forKey: .rmsNormEps)
        try c.encode(ropeTheta, forKey: .ropeTheta)
        try c.encode(RopeParameters(ropeType: "default", ropeTheta: ropeTheta), forKey: .ropeParameters)
        try c.encode(tieWordEmbeddings, forKey: .tieWordEmbeddings)
        try c.encodeIfPresent(bosTokenId, forKey: .bosTokenId)
        try c.encodeIfPresent(eosTokenId, forKey: .eosTokenId)
        try c.encode(initializerRange, forKey: .initializerRange)
        try c.encode("float32", forKey: .torchDtype)
        try c.encode("float32", forKey: .dtype)
        try c.encode("silu", forKey: .hiddenAct)
        try c.encode(false, forKey: .attentionBias)
        try c.encode(false, forKey: .mlpBias)
    }
}
