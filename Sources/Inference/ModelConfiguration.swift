/// The shape and constants of a Llama model, as read from a Hugging Face `config.json`.
public struct ModelConfiguration: Sendable, Equatable, Codable {
    /// Number of tokens in the vocabulary (rows of the embedding).
    public var vocabularySize: Int
    /// Width of the residual stream.
    public var hiddenSize: Int
    /// Width of the SwiGLU feed-forward layer.
    public var intermediateSize: Int
    /// Number of decoder layers.
    public var layerCount: Int
    /// Number of query heads.
    public var attentionHeads: Int
    /// Number of key/value heads (grouped-query attention when fewer than `attentionHeads`).
    public var keyValueHeads: Int
    /// Width of one attention head.
    public var headDimension: Int
    /// The longest sequence the model was trained for (`max_position_embeddings`).
    public var contextLength: Int
    /// RoPE base frequency.
    public var ropeTheta: Double
    /// Epsilon of every RMSNorm.
    public var rmsNormEpsilon: Float
    /// Whether the output head reuses the token embedding.
    public var tieWordEmbeddings: Bool
    /// Beginning-of-sequence token, when the model has one.
    public var bosTokenID: Int?
    /// End-of-sequence tokens (generation stops on any of them).
    public var eosTokenIDs: [Int]

    /// A configuration from explicit values.
    public init(
        vocabularySize: Int, hiddenSize: Int, intermediateSize: Int, layerCount: Int,
        attentionHeads: Int, keyValueHeads: Int, headDimension: Int? = nil, contextLength: Int,
        ropeTheta: Double = 10000, rmsNormEpsilon: Float = 1e-6, tieWordEmbeddings: Bool = false,
        bosTokenID: Int? = nil, eosTokenIDs: [Int] = []
    ) {
        self.vocabularySize = vocabularySize
        self.hiddenSize = hiddenSize
        self.intermediateSize = intermediateSize
        self.layerCount = layerCount
        self.attentionHeads = attentionHeads
        self.keyValueHeads = keyValueHeads
        self.headDimension = headDimension ?? hiddenSize / max(attentionHeads, 1)
        self.contextLength = contextLength
        self.ropeTheta = ropeTheta
        self.rmsNormEpsilon = rmsNormEpsilon
        self.tieWordEmbeddings = tieWordEmbeddings
        self.bosTokenID = bosTokenID
        self.eosTokenIDs = eosTokenIDs
    }

    /// Width of all query heads together.
    public var queryWidth: Int { attentionHeads * headDimension }
    /// Width of all key (or value) heads together.
    public var keyValueWidth: Int { keyValueHeads * headDimension }

    /// Weights read by one forward pass through the matrix products: every projection of every layer
    /// plus the output head (the embedding rows are looked up, not multiplied).
    public var matrixWeightCount: Int {
        let attention = hiddenSize * (2 * queryWidth + 2 * keyValueWidth)
        return layerCount * (attention + 3 * hiddenSize * intermediateSize) + vocabularySize * hiddenSize
    }

    /// Every structural problem of the configuration (empty when it is usable).
    public func problems() -> [String] {
        var found: [String] = []
        let positive: [(String, Int)] = [
            ("vocab_size", vocabularySize), ("hidden_size", hiddenSize),
            ("intermediate_size", intermediateSize), ("num_hidden_layers", layerCount),
            ("num_attention_heads", attentionHeads), ("num_key_value_heads", keyValueHeads),
            ("head_dim", headDimension), ("max_position_embeddings", contextLength),
        ]
        for (key, value) in positive where value <= 0 || value > 1 << 24 {
            found.append("\(key) must be between 1 and 16777216, found \(value)")
        }
        if keyValueHeads > 0, attentionHeads % keyValueHeads != 0 {
            found.append("num_attention_heads (\(attentionHeads)) must be a multiple of num_key_value_heads (\(keyValueHeads))")
        }
        if headDimension % 2 != 0 { found.append("head_dim must be even for RoPE, found \(headDimension)") }
        if !(ropeTheta > 0) || !ropeTheta.isFinite { found.append("rope_theta must be positive, found \(ropeTheta)") }
        if !(rmsNormEpsilon > 0) || !rmsNormEpsilon.isFinite {
            found.append("rms_norm_eps must be positive, found \(rmsNormEpsilon)")
        }
        return found
    }
}
