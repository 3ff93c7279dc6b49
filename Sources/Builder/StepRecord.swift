import Digests

/// What a finished step produced: written to the builder's cache under the step key, and copied into
/// the lock. Paths are relative to the step's output directory.
public struct StepRecord: Codable, Sendable, Equatable {
    /// The step key this record is for.
    public let key: Digest
    /// Digest of the output directory's manifest (in the content store).
    public let manifest: Digest
    /// Every output file.
    public let files: [OutputFile]

    /// Creates a record.
    public init(key: Digest, manifest: Digest, files: [OutputFile]) {
        self.key = key
        self.manifest = manifest
        self.files = files
    }
}

/// One output file of a step.
public struct OutputFile: Codable, Sendable, Equatable {
    /// Path relative to the step's output directory.
    public let path: String
    /// Size in bytes.
    public let size: Int64
    /// SHA-256 of the content.
    public let digest: Digest
    /// Where the file is placed in the release directory, if it is.
    public let releasePath: String?

    enum CodingKeys: String, CodingKey {
        case path, size, digest
        case releasePath = "release_path"
    }

    /// Creates an entry.
    public init(path: String, size: Int64, digest: Digest, releasePath: String?) {
        self.path = path
        self.size = size
        self.digest = digest
        self.releasePath = releasePath
    }
}
