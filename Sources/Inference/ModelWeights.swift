/// The weights of one decoder layer, each tensor row-major in Hugging Face layout (`[out, in]`).
struct LayerWeights: Sendable {
    /// `input_layernorm.weight` `[hidden]`.
    var attentionNorm: [Float]
    /// `self_attn.q_proj.weight` `[heads·headDim, hidden]`.
    var query: [Float]
    /// `self_attn.k_proj.weight` `[kvHeads·headDim, hidden]`.
    var key: [Float]
    /// `self_attn.v_proj.weight` `[kvHeads·headDim, hidden]`.
    var value: [Float]
    /// `self_attn.o_proj.weight` `[hidden, heads·headDim]`.
    var output: [Float]
    /// `post_attention_layernorm.weight` `[hidden]`.
    var mlpNorm: [Float]
    /// `mlp.gate_proj.weight` `[intermediate, hidden]`.
    var gate: [Float]
    /// `mlp.up_proj.weight` `[intermediate, hidden]`.
    var up: [Float]
    /// `mlp.down_proj.weight` `[hidden, intermediate]`.
    var down: [Float]
}

/// All weights of a Llama model in float32.
struct ModelWeights: Sendable {
    /// `model.embed_tokens.weight` `[vocab, hidden]`.
    var embedding: [Float]
    /// The decoder layers in order.
    var layers: [LayerWeights]
    /// `model.norm.weight` `[hidden]`.
    var finalNorm: [Float]
    /// `lm_head.weight` `[vocab, hidden]`; nil when tied to the embedding.
    var outputHead: [Float]?
}
