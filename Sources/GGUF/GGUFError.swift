/// Why a GGUF file could not be written, read or exported; each message names the file, key or tensor.
public enum GGUFError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A file could not be read or written.
    case io(path: String, reason: String)
    /// The output path exists and is not to be replaced.
    case outputExists(path: String, reason: String)
    /// The file is not a well-formed GGUF v3 file.
    case malformed(path: String, offset: Int, reason: String)
    /// The model cannot be expressed as a llama.cpp Llama GGUF file.
    case unsupportedModel(directory: String, reason: String)
    /// A tensor could not be encoded in the requested type.
    case tensor(name: String, reason: String)
    /// A metadata key is missing or has the wrong type.
    case metadata(key: String, reason: String)

    public var description: String {
        switch self {
        case let .io(path, reason):
            "\(path): \(reason)"
        case let .outputExists(path, reason):
            "\(path) \(reason); choose another --out-file, or add --force to replace it"
        case let .malformed(path, offset, reason):
            "\(path) is not a valid GGUF v3 file (byte \(offset)): \(reason)"
        case let .unsupportedModel(directory, reason):
            "cannot export \(directory) as GGUF: \(reason)"
        case let .tensor(name, reason):
            "tensor \(name): \(reason)"
        case let .metadata(key, reason):
            "GGUF metadata \(key): \(reason)"
        }
    }
}
