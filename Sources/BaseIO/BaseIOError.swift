/// What went wrong in `BaseIO`: a JSON document that is not valid, a value that canonical JSON
/// cannot hold, or a file that could not be written.
public enum BaseIOError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The bytes are not one valid JSON document; `offset` is the byte where reading stopped.
    case invalidJSON(offset: Int, reason: String)
    /// An object has the member `key` twice (only when the parser was asked to refuse duplicates).
    case duplicateKey(String, offset: Int)
    /// A value cannot be written as canonical JSON (NaN or an infinity, or an unsupported shape);
    /// `path` is its coding path, such as `steps[2].loss`.
    case notEncodable(path: String, reason: String)
    /// A file-system call failed for `path`; `reason` includes the system's message.
    case io(path: String, operation: String, reason: String)

    public var description: String {
        switch self {
        case let .invalidJSON(offset, reason):
            "not valid JSON at byte \(offset): \(reason)"
        case let .duplicateKey(key, offset):
            "not valid JSON at byte \(offset): the key \"\(key)\" appears twice in one object"
        case let .notEncodable(path, reason):
            "cannot write \(path.isEmpty ? "the value" : "'\(path)'") as canonical JSON: \(reason)"
        case let .io(path, operation, reason):
            "cannot \(operation) \(path): \(reason); check that the directory exists, is writable and the disk is not full"
        }
    }
}
