/// A projection as inference holds it — float32 panels (`PanelMatrix`) or ggml blocks
/// (`QuantizedMatrix`) — so one forward (`ModelWeights+Forward.swift`) and one decoding step
/// (`LanguageModel+Decode.swift`) serve both.
protocol InferenceMatrix: Sendable {
    /// Input features K.
    var inFeatures: Int { get }
    /// Output features N (all fused parts, one after the other).
    var outFeatures: Int { get }
    /// `y[r · ldy + n] = W[n] · x[r]` for `rows` rows of x (`inFeatures` apart) and every output n. A
    /// block-quantized matrix first quantizes the rows into `activations` (room for `rows` rows of
    /// the widest input); a float one does not touch it.
    func product(
        _ x: UnsafePointer<Float>, rows: Int, into y: UnsafeMutablePointer<Float>, ldy: Int,
        activations: QuantizedActivations, threads: Int)
    /// Row n of W in float32 (the embedding lookup).
    func row(_ n: Int, into y: UnsafeMutablePointer<Float>)
    /// Whether `product` needs `activations` with room for all its rows.
    static var quantizesInput: Bool { get }
}

extension PanelMatrix: InferenceMatrix {
    static var quantizesInput: Bool { false }

    func product(
        _ x: UnsafePointer<Float>, rows: Int, into y: UnsafeMutablePointer<Float>, ldy: Int,
        activations: QuantizedActivations, threads: Int
    ) {
        multiply(x, rows: rows, into: y, ldy: ldy, threads: threads)
    }
}

extension QuantizedMatrix: InferenceMatrix {
    static var quantizesInput: Bool { true }

    func product(
        _ x: UnsafePointer<Float>, rows: Int, into y: UnsafeMutablePointer<Float>, ldy: Int,
        activations: QuantizedActivations, threads: Int
    ) {
        activations.quantize(x, rows: rows, width: inFeatures)
        multiply(activations, rows: rows, into: y, ldy: ldy, threads: threads)
    }

    func row(_ n: Int, into y: UnsafeMutablePointer<Float>) { dequantizeRow(n, into: y) }
}
