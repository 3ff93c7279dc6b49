/// The weights of one decoder layer. Norm weights as stored; projections TRANSPOSED from Hugging
/// Face's `[out, in]` to `[in, out]` at load, so both the one-token kernel and `Kernels.Gemm` read
/// weight rows contiguously with SIMD lanes across output features.
struct LayerWeights: Sendable {
    /// `input_layernorm.weight` `[hidden]`.
    var attentionNorm: [Float]
    /// `self_attn.q_proj.weight`ᵀ `[hidden, heads·headDim]`.
    var query: [Float]
    /// `self_attn.k_proj.weight`ᵀ `[hidden, kvHeads·headDim]`.
    var key: [Float]
    /// `self_attn.v_proj.weight`ᵀ `[hidden, kvHeads·headDim]`.
    var value: [Float]
    /// `self_attn.o_proj.weight`ᵀ `[heads·headDim, hidden]`.
    var output: [Float]
    /// `post_attention_layernorm.weight` `[hidden]`.
    var mlpNorm: [Float]
    /// `mlp.gate_proj.weight`ᵀ `[hidden, intermediate]`.
    var gate: [Float]
    /// `mlp.up_proj.weight`ᵀ `[hidden, intermediate]`.
    var up: [Float]
    /// `mlp.down_proj.weight`ᵀ `[intermediate, hidden]`.
    var down: [Float]
}

/// All weights of a Llama model in float32 (`embedding` as stored, for the token lookup).
struct ModelWeights: Sendable {
    /// `model.embed_tokens.weight` `[vocab, hidden]`.
    var embedding: [Float]
    /// The decoder layers in order.
    var layers: [LayerWeights]
    /// `model.norm.weight` `[hidden]`.
    var finalNorm: [Float]
    /// `lm_head.weight`ᵀ (or the embedding's transpose when tied) `[hidden, vocab]`.
    var outputHead: [Float]
}
