/// `config.json` reading and writing — every Hugging Face key name of Glassbox lives here.
///
/// Written: a superset that transformers 4.x and 5.x both read (`rope_theta` and `rope_parameters`,
/// `torch_dtype` and `dtype`; `bos_token_id`/`eos_token_id` always present, `null` when the model
/// has none, because transformers would otherwise assume 1 and 2).
/// Read: either form, with the defaults of transformers' `LlamaConfig` for absent keys (every key is
/// optional there). Unknown keys are ignored. What Glassbox does not run — another architecture or
/// model type, a rope type other than "default", an activation other than silu, biases, sliding-window
/// attention — is refused with `LlamaConfig.UnsupportedFeature` naming the key.
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
        case slidingWindow = "sliding_window", useSlidingWindow = "use_sliding_window"
    }

    /// A `config.json` feature Glassbox does not implement; `feature` names the key and value.
    public struct UnsupportedFeature: Error, Sendable, Equatable {
        /// E.g. `rope_parameters.rope_type "llama3"`.
        public let feature: String
    }

    struct RopeParameters: Codable {
        var ropeType: String?
        var type: String?
        var ropeTheta: Double?
        enum CodingKeys: String, CodingKey { case ropeType = "rope_type", type, ropeTheta = "rope_theta" }
    }

    /// transformers' `LlamaConfig` defaults (4.x and 5.x agree on these).
    enum Default {
        static let vocabSize = 32_000, hiddenSize = 4_096, intermediateSize = 11_008, numHiddenLayers = 32
        static let numAttentionHeads = 32, maxPositionEmbeddings = 2_048, rmsNormEps = 1e-6, ropeTheta = 10_000.0
        static let bosTokenId = 1, eosTokenId = 2, initializerRange = 0.02
    }

    /// Reads a Hugging Face Llama config (4.x or 5.x shape).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try Self.refuseUnsupported(c)
        let rope = try c.decodeIfPresent(RopeParameters.self, forKey: .ropeParameters)
        let heads = try c.decodeIfPresent(Int.self, forKey: .numAttentionHeads) ?? Default.numAttentionHeads
        self.init(
            vocabSize: try c.decodeIfPresent(Int.self, forKey: .vocabSize) ?? Default.vocabSize,
            hiddenSize: try c.decodeIfPresent(Int.self, forKey: .hiddenSize) ?? Default.hiddenSize,
            intermediateSize: try c.decodeIfPresent(Int.self, forKey: .intermediateSize) ?? Default.intermediateSize,
            numHiddenLayers: try c.decodeIfPresent(Int.self, forKey: .numHiddenLayers) ?? Default.numHiddenLayers,
            numAttentionHeads: heads,
            numKeyValueHeads: try c.decodeIfPresent(Int.self, forKey: .numKeyValueHeads) ?? heads,
            headDim: try c.decodeIfPresent(Int.self, forKey: .headDim),
            maxPositionEmbeddings: try c.decodeIfPresent(Int.self, forKey: .maxPositionEmbeddings) ?? Default.maxPositionEmbeddings,
            rmsNormEps: try c.decodeIfPresent(Double.self, forKey: .rmsNormEps) ?? Default.rmsNormEps,
            ropeTheta: try rope?.ropeTheta ?? c.decodeIfPresent(Double.self, forKey: .ropeTheta) ?? Default.ropeTheta,
            tieWordEmbeddings: try c.decodeIfPresent(Bool.self, forKey: .tieWordEmbeddings) ?? false,
            bosTokenId: try Self.tokenIds(c, .bosTokenId, default: Default.bosTokenId).first,
            eosTokenIds: try Self.tokenIds(c, .eosTokenId, default: Default.eosTokenId),
            initializerRange: try c.decodeIfPresent(Double.self, forKey: .initializerRange) ?? Default.initializerRange)
    }

    /// An id, a list of ids, `null` (none) or absent (transformers' default).
    static func tokenIds(_ c: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys, default fallback: Int) throws -> [Int] {
        guard c.contains(key) else { return [fallback] }
        if try c.decodeNil(forKey: key) { return [] }
        if let one = try? c.decode(Int.self, forKey: key) { return [one] }
        return try c.decode([Int].self, forKey: key)
    }

    static func refuseUnsupported(_ c: KeyedDecodingContainer<CodingKeys>) throws {
        if let names = try c.decodeIfPresent([String].self, forKey: .architectures), !names.isEmpty,
           !names.contains("LlamaForCausalLM") {
            throw UnsupportedFeature(feature: "architecture \(names.joined(separator: ", "))")
        }
        if let type = try c.decodeIfPresent(String.self, forKey: .modelType), type != "llama" {
            throw UnsupportedFeature(feature: "model_type \"\(type)\"")
        }
        for key in [CodingKeys.attentionBias, .mlpBias] where try c.decodeIfPresent(Bool.self, forKey: key) == true {
            throw UnsupportedFeature(feature: "\(key.rawValue) = true")
        }
        for key in [CodingKeys.slidingWindow, .useSlidingWindow] where c.contains(key) {
            if try c.decodeNil(forKey: key) || (try? c.decode(Bool.self, forKey: key)) == false { continue }
            throw UnsupportedFeature(feature: "\(key.rawValue) (sliding-window attention)")
        }
        if let act = try c.decodeIfPresent(String.self, forKey: .hiddenAct), act != "silu" {
            throw UnsupportedFeature(feature: "hidden_act \"\(act)\"")
        }
        for key in [CodingKeys.ropeScaling, .ropeParameters] {
            guard let rope = try c.decodeIfPresent(RopeParameters.self, forKey: key) else { continue }
            let type = rope.ropeType ?? rope.type ?? "default"
            if type != "default" { throw UnsupportedFeature(feature: "\(key.rawValue).rope_type \"\(type)\"") }
        }
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
        try c.encode(bosTokenId, forKey: .bosTokenId)
        try encodeEos(into: &c)
        try c.encode(initializerRange, forKey: .initializerRange)
        try c.encode("float32", forKey: .torchDtype)
        try c.encode("float32", forKey: .dtype)
        try c.encode("silu", forKey: .hiddenAct)
        try c.encode(false, forKey: .attentionBias)
        try c.encode(false, forKey: .mlpBias)
    }

    /// `eos_token_id`: null, one id, or the list.
    func encodeEos(into c: inout KeyedEncodingContainer<CodingKeys>) throws {
        switch eosTokenIds.count {
        case 0: try c.encodeNil(forKey: .eosTokenId)
        case 1: try c.encode(eosTokenIds[0], forKey: .eosTokenId)
        default: try c.encode(eosTokenIds, forKey: .eosTokenId)
        }
    }
}
