/// Everything that can go wrong while generating or scoring text (loading a model's config and
/// weights throws `Transformer.TransformerError`). Each message names the file, key or value at fault
/// and says what to do next.
public enum InferenceError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A file the model directory needs is absent.
    case missingFile(path: String, hint: String)
    /// The prompt (plus at least one generated token) does not fit in the context.
    case promptTooLong(tokens: Int, context: Int)
    /// A generation or scoring option is out of range.
    case invalidOption(name: String, reason: String)
    /// A token id outside the vocabulary was passed in.
    case tokenOutOfRange(id: Int, vocabularySize: Int)
    /// The tokenizer of the model directory failed.
    case tokenizer(path: String, reason: String)
    /// A quantized variant (`model-<type>.gguf`) is missing, unreadable or does not fit `config.json`.
    case variant(path: String, reason: String)

    public var description: String {
        switch self {
        case let .missingFile(path, hint):
            "missing \(path): \(hint)"
        case let .promptTooLong(tokens, context):
            "the prompt is \(tokens) tokens but the model's context is \(context) tokens; shorten it, "
                + "or pass --truncate-left to keep only its last tokens"
        case let .invalidOption(name, reason):
            "invalid \(name): \(reason)"
        case let .tokenOutOfRange(id, vocabularySize):
            "token id \(id) is outside the vocabulary (size \(vocabularySize))"
        case let .tokenizer(path, reason):
            "tokenizer \(path): \(reason)"
        case let .variant(path, reason):
            "quantized variant \(path): \(reason)"
        }
    }
}
