import Digests

/// One object in the store: its digest and size in bytes.
public struct StoredObject: Codable, Hashable, Sendable {
    /// The object's SHA-256 digest (its name).
    public let digest: Digest
    /// Its size in bytes.
    public let size: Int64

    /// Wraps a digest and a size.
    public init(digest: Digest, size: Int64) {
        self.digest = digest
        self.size = size
    }
}
