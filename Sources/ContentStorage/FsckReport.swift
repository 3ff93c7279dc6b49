import Digests

/// What `ContentStore.fsck` found.
public struct FsckReport: Codable, Sendable {
    /// One object whose bytes no longer match its name, and where it was moved.
    public struct CorruptObject: Codable, Hashable, Sendable {
        /// The name (digest) the object was stored under.
        public let digest: Digest
        /// What its bytes hash to now (nil if it could not be read at all).
        public let actual: Digest?
        /// Where the object now is (in `quarantine/`), or nil if moving it failed.
        public let quarantinedAt: String?
        /// Why it is corrupt, in words.
        public let reason: String
    }

    /// Objects re-hashed.
    public let checkedObjects: Int
    /// Bytes re-hashed.
    public let checkedBytes: Int64
    /// Objects found corrupt (moved to quarantine), sorted by digest.
    public let corrupt: [CorruptObject]
    /// Leftover temporary files of interrupted writes (older than an hour) that were removed.
    public let removedTemporaryFiles: Int

    /// True when no object was corrupt.
    public var passed: Bool { corrupt.isEmpty }
}
