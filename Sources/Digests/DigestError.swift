/// Everything that can go wrong while hashing or parsing digests; each case says what to do next.
public enum DigestError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `text` is not a valid `sha256:<64 hex>` digest.
    case malformedDigest(String, reason: String)
    /// OpenSSL reported a failure in `operation`.
    case openSSL(operation: String, detail: String)

    public var description: String {
        switch self {
        case let .malformedDigest(text, reason):
            "malformed digest '\(text.prefix(100))': \(reason)"
        case let .openSSL(operation, detail):
            "OpenSSL failed in \(operation): \(detail)"
        }
    }
}
