/// A quantized variant of the release (`model-q8_0.gguf`, …) scored on the same held-out documents as
/// the float32 model (`eval/results.json` → `variants`).
public struct VariantEvaluation: Sendable, Equatable {
    /// The quantization type (`q8_0`, `q4_0`, `f16`, `f32`).
    public let type: String
    /// Bits per byte by language.
    public let bitsPerByte: [String: Double]
}
