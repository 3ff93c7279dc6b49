import SafeTensors

/// What can go wrong building, loading or saving a Llama model; each message says what to do.
public enum TransformerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The config describes an impossible shape (every problem listed with its key).
    case invalidConfig([String])
    /// A batch does not fit the model (sequence longer than the context, bad token id, …).
    case invalidInput(String)
    /// A file could not be read or written.
    case io(path: String, reason: String)
    /// A checkpoint or config file is malformed or does not match the model.
    case invalidCheckpoint(path: String, problems: [String])
    /// A file the model directory needs is absent.
    case missingFile(path: String, hint: String)
    /// `config.json` asks for something Glassbox does not implement (named key and value).
    case unsupportedFeature(path: String, feature: String)
    /// A weight holds NaN or an infinity (`index` counts from the tensor's first element).
    case nonFiniteWeight(path: String, tensor: String, index: Int)

    /// A readable message naming the file/key and the fix.
    public var description: String {
        switch self {
        case let .invalidConfig(problems):
            "invalid model config: " + problems.joined(separator: "; ") + "; fix the [model] section (or config.json)"
        case let .invalidInput(reason):
            "invalid model input: \(reason)"
        case let .io(path, reason):
            "cannot access \(path): \(reason)"
        case let .invalidCheckpoint(path, problems):
            "checkpoint \(path) does not match the model: " + problems.prefix(10).joined(separator: "; ")
                + (problems.count > 10 ? "; and \(problems.count - 10) more" : "")
                + "; the file is corrupt or belongs to another config — delete it or point at the right one"
        case let .missingFile(path, hint):
            "missing \(path): \(hint)"
        case let .unsupportedFeature(path, feature):
            "\(path): unsupported model feature \(feature); Glassbox runs plain Llama models "
                + "(LlamaForCausalLM, default RoPE, SiLU, no biases, no sliding window)"
        case let .nonFiniteWeight(path, tensor, index):
            "tensor '\(tensor)' in \(path) holds a NaN or infinite value at element \(index); the checkpoint is corrupt"
        }
    }
}

extension TransformerError {
    /// Maps a safetensors reader error for the file at `path`: I/O failures stay `.io`, a malformed
    /// file becomes `.invalidCheckpoint` carrying the reader's message (which names the tensor and rule).
    init(_ error: SafeTensorsError, path: String) {
        switch error {
        case let .io(_, reason): self = .io(path: path, reason: reason)
        default: self = .invalidCheckpoint(path: path, problems: [error.description])
        }
    }
}
