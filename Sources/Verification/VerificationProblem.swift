/// One thing wrong with a release, with the file it concerns.
public struct VerificationProblem: Codable, Sendable, Equatable, CustomStringConvertible {
    /// The kind of problem.
    public enum Kind: String, Codable, Sendable {
        /// A signed/listed file is absent.
        case missing
        /// A file is present but not signed/listed.
        case extra
        /// A file's digest differs from the signed/listed one.
        case changed
        /// The signature bundle is malformed, invalid, or made with another key.
        case signature
        /// The checksum file is malformed or disagrees with the signed manifest.
        case checksums
        /// The minisign signature of SHA256SUMS does not verify.
        case minisign
        /// A `.safetensors` file breaks the format.
        case safetensors
    }

    /// The kind.
    public let kind: Kind
    /// The file concerned (relative path), when there is one.
    public let path: String?
    /// A sentence saying what is wrong.
    public let message: String

    /// Creates a problem.
    public init(kind: Kind, path: String?, message: String) {
        self.kind = kind
        self.path = path
        self.message = message
    }

    /// `kind: path: message`.
    public var description: String {
        "\(kind.rawValue): " + (path.map { "\($0): " } ?? "") + message
    }
}
