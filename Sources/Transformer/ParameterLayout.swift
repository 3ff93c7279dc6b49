/// All parameters of a Llama model laid out in one contiguous Float buffer, in this order:
/// embed_tokens, then per layer input_layernorm, q/k/v/o_proj, post_attention_layernorm,
/// gate/up/down_proj, then model.norm and (untied only) lm_head. Each view declares its HF name.
public struct ParameterLayout: Sendable, Equatable {
    /// Offsets of one decoder layer's tensors.
    public struct Layer: Sendable, Equatable {
        /// `model.layers.{i}.input_layernorm.weight` [C]
        public let inputNorm: Int
        /// `model.layers.{i}.self_attn.q_proj.weight` [H·hd, C]
        public let q: Int
        /// `model.layers.{i}.self_attn.k_proj.weight` [KV·hd, C]
        public let k: Int
        /// `model.layers.{i}.self_attn.v_proj.weight` [KV·hd, C]
        public let v: Int
        /// `model.layers.{i}.self_attn.o_proj.weight` [C, H·hd]
        public let o: Int
        /// `model.layers.{i}.post_attention_layernorm.weight` [C]
        public let postNorm: Int
        /// `model.layers.{i}.mlp.gate_proj.weight` [I, C]
        public let gate: Int
        /// `model.layers.{i}.mlp.up_proj.weight` [I, C]
        public let up: Int
        /// `model.layers.{i}.mlp.down_proj.weight` [C, I]
        public let down: Int
    }

    /// Every tensor, in buffer order.
    public let views: [ParameterView]
    /// `model.embed_tokens.weight` [V, C]
    public let embed: Int
    /// Per-layer offsets.
    public let layers: [Layer]
    /// `model.norm.weight` [C]
    public let finalNorm: Int
    /// `lm_head.weight` [V, C]; equals `embed` when tied.
    public let lmHead: Int
    /// Total number of parameters.
    public let count: Int

    /// The layout for a (validated) config.
    public init(config: LlamaConfig) {
        var views: [ParameterView] = []
        var offset = 0
        func add(_ name: String, _ shape: [Int], _ role: ParameterView.Role) -> Int {
            let view = ParameterView(name: name, shape: shape, offset: offset, role: role)
            views.append(view)
            offset += view.count
            return view.offset
        }
        let (c, v, i) = (config.hiddenSize, config.vocabSize, config.intermediateSize)
        let (qw, kw) = (config.queryWidth, config.keyValueWidth)
        embed = add("model.embed_tokens.weight", [v, c], .embedding)
        var layers: [Layer] = []
        for l in 0..<config.numHiddenLayers {
            let p = "model.layers.\(l)."
            layers.append(Layer(
                inputNorm: add(p + "input_layernorm.weight", [c], .norm),
                q: add(p + "self_attn.q_proj.weight", [qw, c], .linear),
                k: add(p + "self_attn.k_proj.weight", [kw, c], .linear),
                v: add(p + "self_attn.v_proj.weight", [kw, c], .linear),
                o: add(p + "self_attn.o_proj.weight", [c, qw], .linear),
                postNorm: add(p + "post_attention_layernorm.weight", [c], .norm),
                gate: add(p + "mlp.gate_proj.weight", [i, c], .linear),
                up: add(p + "mlp.up_proj.weight", [i, c], .linear),
                down: add(p + "mlp.down_proj.weight", [c, i], .linear)))
        }
        self.layers = layers
        finalNorm = add("model.norm.weight", [c], .norm)
        lmHead = config.tieWordEmbeddings ? embed : add("lm_head.weight", [v, c], .linear)
        self.views = views
        count = offset
    }

    /// The view with this HF name, if any.
    public func view(named name: String) -> ParameterView? {
        views.first { $0.name == name }
    }

    /// The view containing buffer element `index` (for naming where a NaN appeared).
    public func view(containing index: Int) -> ParameterView? {
        views.first { $0.offset <= index && index < $0.offset + $0.count }
    }
}
