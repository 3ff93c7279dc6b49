/// The SHA-256 digest and byte count of one file, named by the path it was read from.
public struct FileHash: Codable, Hashable, Sendable {
    /// The path as it was given to the hasher (relative paths stay relative).
    public let path: String
    /// Number of bytes hashed.
    public let size: Int64
    /// SHA-256 of those bytes.
    public let digest: Digest

    /// Wraps a result computed elsewhere.
    public init(path: String, size: Int64, digest: Digest) {
        self.path = path
        self.size = size
        self.digest = digest
    }
}
