/// How to score documents (the `[evaluation]` section of a recipe maps onto this).
///
/// Sliding-window scoring: a document's tokens, after a prefix token (BOS, else the first EOS id), are
/// cut into windows of `contextLength` tokens that start every `stride` tokens — but never after the
/// previous window's last token, so the first target of a window always has a token before it. Each
/// window runs from an empty cache and scores only the tokens no earlier window scored: every token is
/// scored exactly once, with at least `contextLength − stride` tokens of context (except near the
/// start). `stride == contextLength` gives windows that overlap by one token.
public struct EvaluationOptions: Sendable, Equatable, Codable {
    /// Tokens per window; nil: the model's context length.
    public var contextLength: Int?
    /// Tokens between window starts; nil: half the context length.
    public var stride: Int?
    /// Worker threads of each forward pass.
    public var threads: Int

    /// Options with the given values.
    public init(contextLength: Int? = nil, stride: Int? = nil, threads: Int = 1) {
        self.contextLength = contextLength
        self.stride = stride
        self.threads = threads
    }

    /// The window length and stride for a model whose context is `modelContext`.
    public func resolved(modelContext: Int) throws -> (context: Int, stride: Int) {
        let context = contextLength ?? modelContext
        guard context >= 2, context <= modelContext else {
            throw EvaluationError.invalidOption(
                name: "context_length", reason: "must be between 2 and the model's context (\(modelContext)), got \(context)")
        }
        let stride = stride ?? max(1, context / 2)
        guard stride >= 1, stride <= context else {
            throw EvaluationError.invalidOption(name: "stride", reason: "must be between 1 and context_length (\(context)), got \(stride)")
        }
        return (context, stride)
    }
}
