/// Work buffers of one forward pass over `rows` new positions (allocated once per pass).
struct ForwardScratch {
    /// Normalised input `[rows, hidden]`.
    var normed: [Float]
    /// Queries `[rows, heads·headDim]`.
    var query: [Float]
    /// New keys `[rows, kvHeads·headDim]`.
    var key: [Float]
    /// New values `[rows, kvHeads·headDim]`.
    var value: [Float]
    /// Attention output `[rows, heads·headDim]`.
    var attention: [Float]
    /// A projection back to the residual stream `[rows, hidden]`.
    var projected: [Float]
    /// Per-row reciprocal RMS (written by the RMSNorm kernel).
    var rstd: [Float]
    /// Gate `[rows, intermediate]`.
    var gate: [Float]
    /// SwiGLU activation `[rows, intermediate]`.
    var activation: [Float]
    /// Up projection `[rows, intermediate]`.
    var up: [Float]

    init(rows: Int, configuration c: ModelConfiguration) {
        normed = [Float](repeating: 0, count: rows * c.hiddenSize)
        query = [Float](repeating: 0, count: rows * c.queryWidth)
        key = [Float](repeating: 0, count: rows * c.keyValueWidth)
        value = key
        attention = query
        projected = normed
        gate = [Float](repeating: 0, count: rows * c.intermediateSize)
        up = gate
        activation = gate
        rstd = [Float](repeating: 0, count: rows)
    }
}
