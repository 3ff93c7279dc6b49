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
