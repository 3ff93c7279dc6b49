import Kernels
import Transformer

/// The work buffers of the decode path for one sequence, allocated once with its `KVCache`, so a
/// decoding step allocates nothing but the logits it returns.
final class DecodeScratch: @unchecked Sendable {
    /// Residual stream [C], a norm's output [C], its rstd [1].
    let x: FloatBuffer, normed: FloatBuffer, rstd: FloatBuffer
    /// q|k|v [H·hd + 2·KV·hd], attention output [H·hd], a projection back to the stream [C].
    let qkv: FloatBuffer, attention: FloatBuffer, projected: FloatBuffer
    /// gate|up [2·I] and the SwiGLU output [I].
    let gateUp: FloatBuffer, hidden: FloatBuffer
    /// Attention probabilities, one row of `capacity` per query head.
    let scores: FloatBuffer
    /// One row of activations quantized to Q8_0 (quantized models only; the widest input).
    let activations: QuantizedActivations

    init(config c: LlamaConfig, capacity: Int) {
        x = FloatBuffer(count: c.hiddenSize)
        normed = FloatBuffer(count: c.hiddenSize)
        rstd = FloatBuffer(count: 1)
        qkv = FloatBuffer(count: c.queryWidth + 2 * c.keyValueWidth)
        attention = FloatBuffer(count: c.queryWidth)
        projected = FloatBuffer(count: c.hiddenSize)
        gateUp = FloatBuffer(count: 2 * c.intermediateSize)
        hidden = FloatBuffer(count: c.intermediateSize)
        scores = FloatBuffer(count: c.numAttentionHeads * max(1, capacity))
        activations = QuantizedActivations(rows: 1, k: max(c.hiddenSize, c.queryWidth, c.intermediateSize))
    }
}
