/// Everything that can go wrong while loading a model directory, generating or scoring text.
/// Each message names the file, key or value at fault and says what to do next.
public enum InferenceError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A file the model directory needs is absent.
    case missingFile(path: String, hint: String)
    /// A file exists but could not be read or parsed.
    case unreadableFile(path: String, reason: String)
    /// `config.json` has a key with a value of the wrong type or out of range.
    case invalidConfig(path: String, key: String, reason: String)
    /// `config.json` asks for something this loader does not implement (named feature).
    case unsupportedFeature(path: String, feature: String)
    /// The checkpoint's tensors do not match the configuration: every problem, one per line.
    case tensorMismatch(directory: String, problems: [String])
    /// A weight tensor holds NaN or an infinity.
    case nonFiniteWeights(tensor: String, index: Int)
    /// The prompt (plus at least one generated token) does not fit in the context.
    case promptTooLong(tokens: Int, context: Int)
    /// A generation or scoring option is out of range.
    case invalidOption(name: String, reason: String)
    /// A token id outside the vocabulary was passed in.
    case tokenOutOfRange(id: Int, vocabularySize: Int)
    /// The tokenizer of the model directory failed.
    case tokenizer(path: String, reason: String)

    public var description: String {
        switch self {
        case let .missingFile(path, hint):
            "missing \(path): \(hint)"
        case let .unreadableFile(path, reason):
            "cannot read \(path): \(reason)"
        case let .invalidConfig(path, key, reason):
            "\(path): key '\(key)' \(reason)"
        case let .unsupportedFeature(path, feature):
            "\(path): unsupported model feature \(feature); Glassbox runs plain Llama models "
                + "(LlamaForCausalLM, default RoPE, no biases, no sliding window)"
        case let .tensorMismatch(directory, problems):
            "the weights in \(directory) do not match config.json (\(problems.count) problem"
                + (problems.count == 1 ? "" : "s") + "):\n  " + problems.joined(separator: "\n  ")
        case let .nonFiniteWeights(tensor, index):
            "tensor '\(tensor)' holds a NaN or infinite value at element \(index); the checkpoint is corrupt"
        case let .promptTooLong(tokens, context):
            "the prompt is \(tokens) tokens but the model's context is \(context) tokens; shorten it, "
                + "or pass --truncate-left to keep only its last tokens"
        case let .invalidOption(name, reason):
            "invalid \(name): \(reason)"
        case let .tokenOutOfRange(id, vocabularySize):
            "token id \(id) is outside the vocabulary (size \(vocabularySize))"
        case let .tokenizer(path, reason):
            "tokenizer \(path): \(reason)"
        }
    }
}
