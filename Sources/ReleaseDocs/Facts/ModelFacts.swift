/// The model's shape, read from the recorded `config.json`.
public struct ModelFacts: Sendable, Equatable {
    /// `LlamaForCausalLM`.
    public let architecture: String
    /// Vocabulary size.
    public let vocabularySize: Int
    /// Width of the residual stream.
    public let hiddenSize: Int
    /// MLP width.
    public let intermediateSize: Int
    /// Decoder layers.
    public let layers: Int
    /// Query heads.
    public let attentionHeads: Int
    /// Key/value heads (grouped-query attention when fewer than the query heads).
    public let keyValueHeads: Int
    /// Dimension of each head.
    public let headDimension: Int
    /// Longest input in tokens.
    public let contextLength: Int
    /// Whether the output head shares the embedding matrix.
    public let tiedEmbeddings: Bool
    /// Weight type of `model.safetensors`.
    public let weightType: String

    init(_ config: Records.ModelConfig) {
        architecture = config.architectures?.first ?? "LlamaForCausalLM"
        vocabularySize = config.vocabSize
        hiddenSize = config.hiddenSize
        intermediateSize = config.intermediateSize
        layers = config.numHiddenLayers
        attentionHeads = config.numAttentionHeads
        keyValueHeads = config.numKeyValueHeads
        headDimension = config.headDim ?? (config.numAttentionHeads > 0 ? config.hiddenSize / config.numAttentionHeads : 0)
        contextLength = config.maxPositionEmbeddings
        tiedEmbeddings = config.tieWordEmbeddings ?? false
        weightType = config.torchDtype ?? "float32"
    }

    /// Parameters of one decoder layer's matrices (query, key, value, output, gate, up, down).
    public var layerMatrixParameters: Int {
        let attention = 2 * hiddenSize * attentionHeads * headDimension + 2 * hiddenSize * keyValueHeads * headDimension
        return attention + 3 * hiddenSize * intermediateSize
    }

    /// Parameters in the weight matrices every token is multiplied by (every layer's, plus the output
    /// head, which is the embedding matrix when tied); the embedding lookup itself is not a product.
    public var matrixParameters: Int { layers * layerMatrixParameters + vocabularySize * hiddenSize }

    /// Every parameter: embeddings, every layer's matrices and two norms, the final norm, an untied head.
    public var parameters: Int {
        let head = tiedEmbeddings ? 0 : vocabularySize * hiddenSize
        return vocabularySize * hiddenSize + layers * (layerMatrixParameters + 2 * hiddenSize) + hiddenSize + head
    }
}
