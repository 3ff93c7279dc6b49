import Kernels
import Transformer

/// A model's weights as inference holds them: every projection an `InferenceMatrix` (q|k|v fused into
/// one, gate|up into one, then o and down; the output head), the embedding looked up one row at a time
/// from a matrix (the head itself when they are tied), the norms in float32. `Matrix` is `PanelMatrix`
/// for float32 models (`ModelWeights+Float.swift`: packed once at load, the only copy of the weights)
/// and `QuantizedMatrix` for block-quantized variants (`ModelWeights+Quantized.swift`). Forward:
/// `ModelWeights+Forward.swift` (prompts, evaluation windows) and `LanguageModel+Decode.swift` (one
/// token over the KV cache). Never written after loading, so one instance serves many threads.
final class ModelWeights<Matrix: InferenceMatrix>: Sendable {
    /// One decoder layer.
    struct Layer: Sendable {
        /// input_layernorm and post_attention_layernorm gains `[C]`.
        let inputNorm: FloatBuffer, postNorm: FloatBuffer
        /// q|k|v `[H·hd + 2·KV·hd]` from C; o `[C]` from H·hd; gate|up `[2·I]` from C; down `[C]` from I.
        let qkv: Matrix, o: Matrix, gateUp: Matrix, down: Matrix
    }

    /// The model's shape (config.json).
    let config: LlamaConfig
    /// Rotary cos/sin, as `LlamaModel`'s.
    let rope: RopeTable
    /// The token embedding: `[V]` rows of C.
    let embedding: Matrix
    /// The layers in order.
    let layers: [Layer]
    /// The final norm's gain `[C]`.
    let finalNorm: FloatBuffer
    /// The output head (the embedding when tied).
    let head: Matrix

    init(config: LlamaConfig, embedding: Matrix, layers: [Layer], finalNorm: FloatBuffer, head: Matrix) {
        self.config = config
        rope = RopeTable(headDim: config.headDim, maxPositions: config.maxPositionEmbeddings, theta: config.ropeTheta)
        self.embedding = embedding
        self.layers = layers
        self.finalNorm = finalNorm
        self.head = head
    }

    /// The widest input of any product (the activation buffers' row length).
    var widestInput: Int { max(config.hiddenSize, config.queryWidth, config.intermediateSize) }
}
