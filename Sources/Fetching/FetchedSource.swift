import Digests

/// What a fetch produced: the files written into the output directory and their digests.
public struct FetchedSource: Sendable, Hashable {
    /// The source's digest: the downloaded file's SHA-256 for a single file or an archive (what the
    /// recipe's `sha256` pins), or the digest of `manifest` for git sources and `file:` directories.
    public var digest: Digest
    /// The files written, sorted by path.
    public var files: [FetchedFile]
    /// For git sources, the commit the files were taken from (40 hex digits); nil otherwise.
    public var commit: String?

    /// Creates a result.
    public init(digest: Digest, files: [FetchedFile], commit: String? = nil) {
        self.digest = digest
        self.files = files.sorted { $0.path < $1.path }
        self.commit = commit
    }

    /// The canonical manifest of `files`: one line `<sha256 hex> <size> <path>` per file, sorted by
    /// path (byte order), each ending in a newline. Its SHA-256 is `manifestDigest`.
    public var manifest: String {
        files.map { "\($0.digest.hex) \($0.size) \($0.path)\n" }.joined()
    }

    /// The SHA-256 of `manifest`.
    public var manifestDigest: Digest { Digest.sha256(of: manifest) }
}

/// One file written by a fetch.
public struct FetchedFile: Sendable, Hashable {
    /// The path relative to the output directory, `/`-separated, never absolute and never with `..`.
    public var path: String
    /// The size in bytes.
    public var size: Int64
    /// The SHA-256 of the file's bytes.
    public var digest: Digest

    /// Creates a file record.
    public init(path: String, size: Int64, digest: Digest) {
        self.path = path
        self.size = size
        self.digest = digest
    }
}
