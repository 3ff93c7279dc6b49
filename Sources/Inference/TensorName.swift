/// The Hugging Face checkpoint names and shapes a Llama configuration implies.
enum TensorName {
    /// Every tensor the checkpoint must hold, with its shape, in a stable order.
    static func expected(for c: ModelConfiguration) -> [(name: String, shape: [Int])] {
        var list: [(String, [Int])] = [("model.embed_tokens.weight", [c.vocabularySize, c.hiddenSize])]
        for i in 0..<c.layerCount {
            let p = "model.layers.\(i)."
            list += [
                (p + "input_layernorm.weight", [c.hiddenSize]),
                (p + "self_attn.q_proj.weight", [c.queryWidth, c.hiddenSize]),
                (p + "self_attn.k_proj.weight", [c.keyValueWidth, c.hiddenSize]),
                (p + "self_attn.v_proj.weight", [c.keyValueWidth, c.hiddenSize]),
                (p + "self_attn.o_proj.weight", [c.hiddenSize, c.queryWidth]),
                (p + "post_attention_layernorm.weight", [c.hiddenSize]),
                (p + "mlp.gate_proj.weight", [c.intermediateSize, c.hiddenSize]),
                (p + "mlp.up_proj.weight", [c.intermediateSize, c.hiddenSize]),
                (p + "mlp.down_proj.weight", [c.hiddenSize, c.intermediateSize]),
            ]
        }
        list.append(("model.norm.weight", [c.hiddenSize]))
        if !c.tieWordEmbeddings { list.append(("lm_head.weight", [c.vocabularySize, c.hiddenSize])) }
        return list
    }

    /// Buffers some older checkpoints carry that are derived from the configuration, not weights.
    static func isDerivedBuffer(_ name: String) -> Bool {
        name.hasSuffix(".self_attn.rotary_emb.inv_freq")
    }
}
