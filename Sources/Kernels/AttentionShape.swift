/// Shapes of causal grouped-query attention. Layouts (row r = b·T + t):
/// q, o: [B·T, H·hd]; k, v: [B·T, KV·hd]; softmax statistics rowMax, rowSum: [B, H, T].
/// Query head h reads key/value head h / (H / KV).
public struct AttentionShape: Sendable, Equatable {
    /// Batch size B.
    public let batch: Int
    /// Sequence length T.
    public let seqLen: Int
    /// Query heads H.
    public let heads: Int
    /// Key/value heads KV (divides H).
    public let kvHeads: Int
    /// Head dimension hd.
    public let headDim: Int

    /// A shape; `heads` must be a multiple of `kvHeads` (the model config validates this).
    public init(batch: Int, seqLen: Int, heads: Int, kvHeads: Int, headDim: Int) {
        self.batch = batch
        self.seqLen = seqLen
        self.heads = heads
        self.kvHeads = kvHeads
        self.headDim = headDim
    }

    /// Softmax scale 1/√hd, rounded from Double as transformers' `head_dim**-0.5`.
    public var scale: Float { Float(1.0 / Double(headDim).squareRoot()) }
    /// Row stride of q and o.
    var qStride: Int { heads * headDim }
    /// Row stride of k and v.
    var kvStride: Int { kvHeads * headDim }
    /// Query heads per key/value head.
    var group: Int { heads / kvHeads }
}
