import Kernels

/// A Llama-style decoder with fp32 weights in one contiguous buffer (`parameters`), described by
/// `layout`. Forward/backward live in `LlamaModel+Forward.swift` and `LlamaModel+Backward.swift`.
/// Inference (`Inference.LanguageModel`) packs the same weights into its own layout and runs the same
/// operations in the same order, so training, evaluation and generation give the same bits.
public final class LlamaModel {
    /// The validated shape.
    public let config: LlamaConfig
    /// Where each named tensor lives in `parameters`.
    public let layout: ParameterLayout
    /// All weights, fp32 (master weights).
    public let parameters: FloatBuffer
    /// Rotary cos/sin for positions 0..<maxPositionEmbeddings.
    public let rope: RopeTable
    /// The storage types the weights were read from before widening to F32 (e.g. `["BF16"]`).
    public internal(set) var storedDTypes: [String] = ["F32"]

    /// A model with all-zero weights (initialise with the Training module or load a checkpoint).
    public init(config: LlamaConfig) throws(TransformerError) {
        try config.validate()
        self.config = config
        layout = ParameterLayout(config: config)
        parameters = FloatBuffer(count: layout.count)
        rope = RopeTable(headDim: config.headDim, maxPositions: config.maxPositionEmbeddings, theta: config.ropeTheta)
    }

    /// Pointer to the first element of the tensor at `offset` in `buffer`.
    @inline(__always)
    func at(_ buffer: FloatBuffer, _ offset: Int) -> UnsafeMutablePointer<Float> { buffer.base + offset }

    /// The tensor with this HF name, copied out (nil when absent).
    public func tensor(named name: String) -> [Float]? {
        guard let view = layout.view(named: name) else { return nil }
        return Array(UnsafeBufferPointer(start: parameters.base + view.offset, count: view.count))
    }

    /// Checks a token batch against the model: ids in range, sequence within the context.
    public func validate(tokens: UnsafeBufferPointer<Int32>, batch: Int, seqLen: Int) throws(TransformerError) {
        guard seqLen > 0, batch > 0, tokens.count == batch * seqLen else {
            throw .invalidInput("expected \(batch)×\(seqLen) tokens, got \(tokens.count)")
        }
        guard seqLen <= config.maxPositionEmbeddings else {
            throw .invalidInput("sequence length \(seqLen) is longer than the context (max_position_embeddings = \(config.maxPositionEmbeddings)); shorten sequence_length or raise context_length")
        }
        if let bad = tokens.firstIndex(where: { $0 < 0 || Int($0) >= config.vocabSize }) {
            throw .invalidInput("token id \(tokens[bad]) at position \(bad) is outside 0..<\(config.vocabSize) (vocab_size); the tokenizer and the model config disagree")
        }
    }
}
