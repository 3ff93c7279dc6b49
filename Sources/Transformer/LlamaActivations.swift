import Kernels

/// Everything the forward pass keeps for the backward pass, plus backward scratch, for one
/// (batch B, sequence T) shape. Row r of every [B·T, …] tensor is token t = r % T of sequence r / T.
/// (Inference runs its own forward over its own weight layout: `Inference.ModelWeights+Forward`.)
public final class LlamaActivations {
    /// Batch size B.
    public let batch: Int
    /// Sequence length T.
    public let seqLen: Int
    /// Layer inputs x_0 … x_L, each [B·T, C] (x_L feeds the final norm).
    let residual: [FloatBuffer]
    /// Residual after attention, per layer [B·T, C].
    let residualMid: [FloatBuffer]
    /// RMSNorm reciprocal std of input/post-attention norms, per layer [B·T].
    let rstd1: [FloatBuffer], rstd2: [FloatBuffer]
    /// Rotated queries [B·T, H·hd], rotated keys and values [B·T, KV·hd], per layer.
    let q: [FloatBuffer], k: [FloatBuffer], v: [FloatBuffer]
    /// Attention output before o_proj [B·T, H·hd], and softmax statistics [B, H, T], per layer.
    let attention: [FloatBuffer], rowMax: [FloatBuffer], rowSum: [FloatBuffer]
    /// MLP gate and up projections [B·T, I], per layer.
    let gate: [FloatBuffer], up: [FloatBuffer]
    /// Final norm output [B·T, C] and its rstd [B·T].
    let finalNorm: FloatBuffer, finalRstd: FloatBuffer
    /// Logits [B·T, V] (replaced by their gradient in training).
    public let logits: FloatBuffer
    /// Per-token losses [B·T].
    let losses: FloatBuffer
    /// Scratch: a norm output [B·T, C] and the SwiGLU output [B·T, I].
    let normOut: FloatBuffer, hidden: FloatBuffer
    /// Backward scratch.
    let dResidual: FloatBuffer, dNorm: FloatBuffer, dHidden: FloatBuffer, dGate: FloatBuffer, dUp: FloatBuffer
    let dAttention: FloatBuffer, dq: FloatBuffer, dk: FloatBuffer, dv: FloatBuffer

    /// ∂L/∂(embedding output) [B·T, C] after a `forwardBackward` with `embeddingGradient: false`.
    public var embeddingOutputGradient: UnsafePointer<Float> { UnsafePointer(dResidual.base) }

    /// Floats needed for this shape (for the memory estimate).
    public static func floatCount(config: LlamaConfig, batch: Int, seqLen: Int) -> Int {
        let n = batch * seqLen
        let (c, i, qw, kw, l) = (config.hiddenSize, config.intermediateSize, config.queryWidth, config.keyValueWidth, config.numHiddenLayers)
        let heads = batch * config.numAttentionHeads * seqLen
        let perLayer = n * (c + 2 + 2 * qw + 2 * kw + 2 * i) + 2 * heads
        let final = n * (c + 2 + config.vocabSize)
        let scratch = n * (3 * c + 4 * i + 2 * qw + 2 * kw)
        return (l + 1) * n * c + l * perLayer + final + scratch
    }

    /// Allocates (zeroed) buffers for batch × seqLen tokens.
    public init(config: LlamaConfig, batch: Int, seqLen: Int) {
        self.batch = batch
        self.seqLen = seqLen
        let n = batch * seqLen
        let (c, i, qw, kw, l) = (config.hiddenSize, config.intermediateSize, config.queryWidth, config.keyValueWidth, config.numHiddenLayers)
        func many(_ count: Int, _ size: Int) -> [FloatBuffer] { (0..<count).map { _ in FloatBuffer(count: size) } }
        residual = many(l + 1, n * c)
        residualMid = many(l, n * c)
        rstd1 = many(l, n)
        rstd2 = many(l, n)
        q = many(l, n * qw)
        k = many(l, n * kw)
        v = many(l, n * kw)
        attention = many(l, n * qw)
        rowMax = many(l, batch * config.numAttentionHeads * seqLen)
        rowSum = many(l, batch * config.numAttentionHeads * seqLen)
        gate = many(l, n * i)
        up = many(l, n * i)
        finalNorm = FloatBuffer(count: n * c)
        finalRstd = FloatBuffer(count: n)
        logits = FloatBuffer(count: n * config.vocabSize)
        losses = FloatBuffer(count: n)
        normOut = FloatBuffer(count: n * c)
        hidden = FloatBuffer(count: n * i)
        dResidual = FloatBuffer(count: n * c)
        dNorm = FloatBuffer(count: n * c)
        dHidden = FloatBuffer(count: n * i)
        dGate = FloatBuffer(count: n * i)
        dUp = FloatBuffer(count: n * i)
        dAttention = FloatBuffer(count: n * qw)
        dq = FloatBuffer(count: n * qw)
        dk = FloatBuffer(count: n * kw)
        dv = FloatBuffer(count: n * kw)
    }
}
