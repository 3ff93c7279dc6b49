/// `[model]`: the Llama-architecture transformer to train.
public struct ModelSection: Codable, Equatable, Sendable {
    /// Architecture; only `llama` in format 1.
    public var architecture: String
    /// Width of the residual stream.
    public var hiddenSize: Int
    /// Number of transformer blocks.
    public var numLayers: Int
    /// Query heads per block; must divide `hidden_size`.
    public var numAttentionHeads: Int
    /// Key/value heads (grouped-query attention); must divide `num_attention_heads`. Default: all heads.
    public var numKeyValueHeads: Int
    /// Width of the SwiGLU feed-forward layer.
    public var intermediateSize: Int
    /// Longest sequence the model is trained and evaluated on, in tokens.
    public var contextLength: Int
    /// RoPE base frequency.
    public var ropeTheta: Double
    /// Epsilon of RMSNorm.
    public var rmsNormEps: Double
    /// Whether the output projection shares the token-embedding matrix.
    public var tieWordEmbeddings: Bool
    /// Standard deviation of the normal initialisation of weight matrices.
    public var initStd: Double

    enum CodingKeys: String, CodingKey {
        case architecture
        case hiddenSize = "hidden_size"
        case numLayers = "num_layers"
        case numAttentionHeads = "num_attention_heads"
        case numKeyValueHeads = "num_key_value_heads"
        case intermediateSize = "intermediate_size"
        case contextLength = "context_length"
        case ropeTheta = "rope_theta"
        case rmsNormEps = "rms_norm_eps"
        case tieWordEmbeddings = "tie_word_embeddings"
        case initStd = "init_std"
    }

    static func read(_ reader: TableReader) -> ModelSection {
        let heads = reader.int("num_attention_heads", required: true, in: 1...4_096) ?? 0
        let section = ModelSection(
            architecture: reader.choice("architecture", ["llama"], default: "llama"),
            hiddenSize: reader.int("hidden_size", required: true, in: 1...65_536) ?? 0,
            numLayers: reader.int("num_layers", required: true, in: 1...1_024) ?? 0,
            numAttentionHeads: heads,
            numKeyValueHeads: reader.int("num_key_value_heads", in: 1...4_096) ?? heads,
            intermediateSize: reader.int("intermediate_size", required: true, in: 1...1_048_576) ?? 0,
            contextLength: reader.int("context_length", required: true, in: 1...1_048_576) ?? 0,
            ropeTheta: reader.double("rope_theta", [.greaterThan(0)]) ?? 10_000,
            rmsNormEps: reader.double("rms_norm_eps", [.greaterThan(0), .lessThan(1)]) ?? 1e-5,
            tieWordEmbeddings: reader.bool("tie_word_embeddings") ?? true,
            initStd: reader.double("init_std", [.greaterThan(0), .atMost(1)]) ?? 0.02)
        reader.rejectUnknownKeys()
        section.check(reader)
        return section
    }

    /// Width of one attention head (`hidden_size / num_attention_heads`).
    public var headDimension: Int { numAttentionHeads > 0 ? hiddenSize / numAttentionHeads : 0 }

    private func check(_ reader: TableReader) {
        guard hiddenSize > 0, numAttentionHeads > 0 else { return }
        if hiddenSize % numAttentionHeads != 0 {
            reader.report("num_attention_heads", "must divide hidden_size (\(hiddenSize)), got \(numAttentionHeads)")
        } else if headDimension % 2 != 0 {
            reader.report("num_attention_heads", "gives an odd head dimension \(headDimension) (hidden_size / heads); RoPE needs an even one")
        }
        if numKeyValueHeads > 0, numAttentionHeads % numKeyValueHeads != 0 {
            reader.report("num_key_value_heads", "must divide num_attention_heads (\(numAttentionHeads)), got \(numKeyValueHeads)")
        }
    }
}
