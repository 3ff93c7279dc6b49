import Quantization

/// One tensor of a GGUF file: ggml's name, dimensions innermost first (`ne[0]` is the row length, so a
/// Hugging Face `[out, in]` matrix is `[in, out]` here), encoding and encoded bytes.
public struct GGUFTensor: Sendable, Equatable {
    /// The tensor's name (`blk.0.attn_q.weight`).
    public var name: String
    /// Dimensions, innermost first.
    public var dimensions: [Int]
    /// The encoding of `bytes`.
    public var type: QuantizationType
    /// The encoded elements.
    public var bytes: [UInt8]

    /// A tensor from already encoded bytes.
    public init(name: String, dimensions: [Int], type: QuantizationType, bytes: [UInt8]) {
        self.name = name
        self.dimensions = dimensions
        self.type = type
        self.bytes = bytes
    }

    /// Number of elements.
    public var elementCount: Int { dimensions.reduce(1, *) }

    /// The elements as float32 (dequantized for block types).
    public func floats() throws(GGUFError) -> [Float] {
        do {
            return try bytes.withUnsafeBytes { raw in
                try TensorCodec.decode(raw, count: elementCount, as: type, tensor: name)
            }
        } catch {
            throw .tensor(name: name, reason: "\(error)")
        }
    }
}
