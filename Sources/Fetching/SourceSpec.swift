import Digests

/// One data source to fetch: a plain mapping of a recipe's `[[data.sources]]` entry.
///
/// `uri` is one of `file:relative/or/absolute`, `file:///absolute`, `http(s)://…`,
/// `git+https://host/repo.git@<40-hex commit>#glob`, `git+http://…` or `git+file:///path@<commit>#glob`.
/// Remote (`http(s)`) sources must pin `sha256`; git sources are pinned by their commit.
public struct SourceSpec: Sendable, Hashable {
    /// The recipe's identifier for the source (used in messages and progress lines).
    public var id: String
    /// Where the bytes come from (see the type's documentation for the accepted forms).
    public var uri: String
    /// The expected digest of the downloaded file (for `file:` and `http(s)`), or of the fetched file
    /// set's manifest (for git sources and `file:` directories); nil only where the location pins itself.
    public var sha256: Digest?
    /// How to unpack the fetched file, if at all.
    public var archive: ArchiveFormat
    /// Glob patterns (`*`, `?`, `**`, `[…]`) selecting archive members or directory files; empty = all.
    public var members: [String]

    /// Creates a source specification.
    public init(id: String, uri: String, sha256: Digest? = nil, archive: ArchiveFormat = .none, members: [String] = []) {
        self.id = id
        self.uri = uri
        self.sha256 = sha256
        self.archive = archive
        self.members = members
    }
}

/// The archive formats a fetched file may be unpacked from.
public enum ArchiveFormat: String, Sendable, Hashable, CaseIterable {
    /// The file is used as it is.
    case none
    /// A POSIX (ustar/pax/GNU) tar archive.
    case tar
    /// A gzip-compressed tar archive.
    case tarGz = "tar.gz"
    /// A zip archive (stored or deflated members).
    case zip
}
