import Digests

/// What a fetch produced: the files written into the output directory and their digests.
public struct FetchedSource: Sendable, Hashable {
    /// The source's digest: the downloaded file's SHA-256 for a single file or an archive (what the
    /// recipe's `sha256` pins), or `manifest().digest` for git sources and `file:` directories.
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

    /// The canonical manifest of `files` — `Digests.Manifest`, the same form the store and
    /// `glassbox hash --json` use, so `manifest().digest` equals the digest they print for the folder.
    public func manifest() throws(FetchError) -> Manifest {
        do {
            return try Manifest(entries: files)
        } catch {
            throw .badArchive(source: "(manifest)", member: "", reason: error.description)
        }
    }
}

/// One file written by a fetch: its path relative to the output directory (`/`-separated, never
/// absolute and never with `..`), size and SHA-256 — the one path-size-digest record, `Digests.FileHash`.
public typealias FetchedFile = FileHash
