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

/// One output file of a step: the one path-size-digest record (`Digests.FileHash`) and where the
/// file goes in the release. Encoded flat: `{"digest","path","release_path","size"}`.
public struct OutputFile: Codable, Sendable, Equatable {
    /// Path (relative to the step's output directory), size and SHA-256 of the content.
    public let file: FileHash
    /// Where the file is placed in the release directory, if it is.
    public let releasePath: String?

    /// Path relative to the step's output directory.
    public var path: String { file.path }
    /// Size in bytes.
    public var size: Int64 { file.size }
    /// SHA-256 of the content.
    public var digest: Digest { file.digest }

    enum CodingKeys: String, CodingKey {
        case releasePath = "release_path"
    }

    /// Creates an entry.
    public init(path: String, size: Int64, digest: Digest, releasePath: String?) {
        self.init(file: FileHash(path: path, size: size, digest: digest), releasePath: releasePath)
    }

    /// Creates an entry for `file`.
    public init(file: FileHash, releasePath: String?) {
        self.file = file
        self.releasePath = releasePath
    }

    public init(from decoder: any Decoder) throws {
        file = try FileHash(from: decoder)
        releasePath = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(String.self, forKey: .releasePath)
    }

    public func encode(to encoder: any Encoder) throws {
        try file.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(releasePath, forKey: .releasePath)
    }
}
