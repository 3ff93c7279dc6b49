import Transformer

/// The projections of a loaded model laid out once at load for decoding one token at a time
/// (`PanelMatrix`): q|k|v fused into one product, gate|up into one, then o, down and the output head.
/// Norms and the embedding are read in place from the parameter buffer.
struct DecodeWeights: Sendable {
    /// One decoder layer's products.
    struct Layer: Sendable {
        /// q|k|v: `[H·hd + 2·KV·hd]` outputs from C inputs.
        var qkv: PanelMatrix
        /// o_proj: C outputs from H·hd.
        var o: PanelMatrix
        /// gate|up: `[2·I]` outputs from C.
        var gateUp: PanelMatrix
        /// down_proj: C outputs from I.
        var down: PanelMatrix
    }

    /// The layers in order.
    var layers: [Layer]
    /// lm_head (the embedding when tied): V outputs from C.
    var head: PanelMatrix

    /// Lays out every projection of `model`.
    init(_ model: LlamaModel) {
        let c = model.config, p = UnsafePointer(model.parameters.base)
        let (h, i, qw, kw) = (c.hiddenSize, c.intermediateSize, c.queryWidth, c.keyValueWidth)
        layers = model.layout.layers.map { w in
            Layer(
                qkv: PanelMatrix([(p + w.q, qw), (p + w.k, kw), (p + w.v, kw)], inFeatures: h),
                o: PanelMatrix([(p + w.o, h)], inFeatures: qw),
                gateUp: PanelMatrix([(p + w.gate, i), (p + w.up, i)], inFeatures: h),
                down: PanelMatrix([(p + w.down, h)], inFeatures: i))
        }
        head = PanelMatrix([(p + model.layout.lmHead, c.vocabSize)], inFeatures: h)
    }
}
