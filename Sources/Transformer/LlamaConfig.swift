/// The shape of a Llama-style decoder, read from and written to Hugging Face `config.json`
/// (snake_case keys; a superset of what `transformers` expects for `LlamaForCausalLM`). The one model
/// config of Glassbox: training writes it, `Inference` and `Evaluation` read it (`LlamaConfig+Coding.swift`
/// holds every key name and the defaults `transformers`' `LlamaConfig` uses for absent keys).
public struct LlamaConfig: Sendable, Equatable {
    /// Vocabulary size V (`vocab_size`).
    public var vocabSize: Int
    /// Model width C (`hidden_size`).
    public var hiddenSize: Int
    /// MLP width I (`intermediate_size`).
    public var intermediateSize: Int
    /// Decoder layers L (`num_hidden_layers`).
    public var numHiddenLayers: Int
    /// Query heads H (`num_attention_heads`).
    public var numAttentionHeads: Int
    /// Key/value heads KV, dividing H (`num_key_value_heads`).
    public var numKeyValueHeads: Int
    /// Head dimension hd (`head_dim`; hidden_size / heads when absent).
    public var headDim: Int
    /// Longest sequence (`max_position_embeddings`).
    public var maxPositionEmbeddings: Int
    /// RMSNorm epsilon (`rms_norm_eps`).
    public var rmsNormEps: Double
    /// RoPE base θ (`rope_theta` / `rope_parameters.rope_theta`).
    public var ropeTheta: Double
    /// Whether lm_head shares the embedding matrix (`tie_word_embeddings`).
    public var tieWordEmbeddings: Bool
    /// Beginning-of-sequence id (`bos_token_id`).
    public var bosTokenId: Int?
    /// End-of-sequence ids (`eos_token_id`: one id or a list; generation stops on any of them).
    public var eosTokenIds: [Int]
    /// Standard deviation of the normal initialisation (`initializer_range`).
    public var initializerRange: Double

    /// A config; `headDim` defaults to hiddenSize / numAttentionHeads, `rmsNormEps` to transformers'
    /// 1e-6; `eosTokenIds` (a list) wins over `eosTokenId` when both are given.
    public init(
        vocabSize: Int, hiddenSize: Int, intermediateSize: Int, numHiddenLayers: Int,
        numAttentionHeads: Int, numKeyValueHeads: Int, headDim: Int? = nil, maxPositionEmbeddings: Int,
        rmsNormEps: Double = 1e-6, ropeTheta: Double = 10_000, tieWordEmbeddings: Bool = true,
        bosTokenId: Int? = nil, eosTokenId: Int? = nil, eosTokenIds: [Int]? = nil, initializerRange: Double = 0.02
    ) {
        self.vocabSize = vocabSize
        self.hiddenSize = hiddenSize
        self.intermediateSize = intermediateSize
        self.numHiddenLayers = numHiddenLayers
        self.numAttentionHeads = numAttentionHeads
        self.numKeyValueHeads = numKeyValueHeads
        self.headDim = headDim ?? (numAttentionHeads > 0 ? hiddenSize / numAttentionHeads : 0)
        self.maxPositionEmbeddings = maxPositionEmbeddings
        self.rmsNormEps = rmsNormEps
        self.ropeTheta = ropeTheta
        self.tieWordEmbeddings = tieWordEmbeddings
        self.bosTokenId = bosTokenId
        self.eosTokenIds = eosTokenIds ?? eosTokenId.map { [$0] } ?? []
        self.initializerRange = initializerRange
    }

    /// Width of the concatenated query heads, H·hd.
    public var queryWidth: Int { numAttentionHeads * headDim }
    /// Width of the concatenated key (or value) heads, KV·hd.
    public var keyValueWidth: Int { numKeyValueHeads * headDim }
    /// The first end-of-sequence id (what `generation_config.json` and training's separator use).
    public var eosTokenId: Int? { eosTokenIds.first }
    /// Weights one forward pass multiplies by per token: every projection of every layer plus the
    /// output head (embedding rows are looked up, not multiplied).
    public var matrixWeightCount: Int {
        let attention = hiddenSize * (2 * queryWidth + 2 * keyValueWidth)
        return numHiddenLayers * (attention + 3 * hiddenSize * intermediateSize) + vocabSize * hiddenSize
    }

    /// Every problem with the shape, each naming its `config.json` key; empty when valid.
    public func problems() -> [String] {
        var p: [String] = []
        let positive: [(String, Int)] = [
            ("vocab_size", vocabSize), ("hidden_size", hiddenSize), ("intermediate_size", intermediateSize),
            ("num_hidden_layers", numHiddenLayers), ("num_attention_heads", numAttentionHeads),
            ("num_key_value_heads", numKeyValueHeads), ("head_dim", headDim),
            ("max_position_embeddings", maxPositionEmbeddings),
        ]
        for (key, value) in positive where value <= 0 || value > 1 << 24 {
            p.append("\(key) must be between 1 and 16777216 (got \(value))")
        }
        if numKeyValueHeads > 0, numAttentionHeads % numKeyValueHeads != 0 {
            p.append("num_attention_heads (\(numAttentionHeads)) must be a multiple of num_key_value_heads (\(numKeyValueHeads))")
        }
        if headDim % 2 != 0 { p.append("head_dim (\(headDim)) must be even for rotary embeddings") }
        if vocabSize > Int(Int32.max) { p.append("vocab_size (\(vocabSize)) exceeds the Int32 token id range") }
        if !(rmsNormEps > 0) || !rmsNormEps.isFinite { p.append("rms_norm_eps must be positive (got \(rmsNormEps))") }
        if !(ropeTheta > 0) || !ropeTheta.isFinite { p.append("rope_theta must be positive (got \(ropeTheta))") }
        if !(initializerRange >= 0) { p.append("initializer_range must be non-negative (got \(initializerRange))") }
        for (key, id) in [("bos_token_id", bosTokenId)] + eosTokenIds.map({ ("eos_token_id", $0) }) {
            if let id, id < 0 || id >= vocabSize { p.append("\(key) (\(id)) is outside 0..<vocab_size (\(vocabSize))") }
        }
        return p
    }

    /// Throws `TransformerError.invalidConfig` listing every problem.
    public func validate() throws(TransformerError) {
        let p = problems()
        if !p.isEmpty { throw .invalidConfig(p) }
    }
}
