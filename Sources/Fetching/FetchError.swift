import Digests

/// Everything that can go wrong while fetching a source; each message names the source and says what to do.
public enum FetchError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The URI is not one of the accepted forms.
    case invalidURI(source: String, uri: String, reason: String)
    /// A remote source has no `sha256` to check it against.
    case missingDigest(source: String, uri: String)
    /// The fetched bytes do not have the pinned digest; nothing was stored.
    case digestMismatch(source: String, uri: String, expected: Digest, actual: Digest)
    /// A local file or directory could not be read.
    case fileUnreadable(source: String, path: String, reason: String)
    /// Writing into the output or cache directory failed (disk full, permissions…); `path` is what was written.
    case writeFailed(source: String, path: String, reason: String)
    /// The output directory already holds a different file (or a folder) where a fetched file goes.
    case outputExists(source: String, path: String)
    /// The server answered with an HTTP status that retrying will not fix (404, 403, …).
    case httpStatus(source: String, url: String, status: Int)
    /// The transfer kept failing (drops, timeouts, 5xx) until the attempts ran out.
    case transferFailed(source: String, url: String, attempts: Int, reason: String)
    /// The TLS handshake or certificate check failed.
    case tlsFailure(source: String, url: String, reason: String)
    /// A git operation failed.
    case git(source: String, url: String, reason: String)
    /// The pinned commit does not exist in the repository.
    case commitNotFound(source: String, url: String, commit: String)
    /// The glob or member patterns selected no file.
    case nothingSelected(source: String, patterns: [String])
    /// An archive is malformed or hostile (traversal, link escape, bomb ratio).
    case badArchive(source: String, member: String, reason: String)
    /// A request through `HTTPClient` or `GitPushRepository` failed below HTTP (no answer, dropped, TLS)
    /// or libgit2 refused; `retryable` says whether trying again may help. `url` never holds a secret.
    case transport(url: String, reason: String, retryable: Bool)
    /// A git remote answered HTTP `status` (401, 403, 404) to `GitPushRepository`.
    case remoteStatus(url: String, status: Int)
    /// The remote refused to update `reference` (`reason`: "non-fast-forward", a hook's message…).
    case pushRejected(url: String, reference: String, reason: String)

    /// What failed, where, and what to do next.
    public var description: String {
        switch self {
        case let .invalidURI(source, uri, reason):
            "source '\(source)': invalid uri '\(uri)': \(reason)"
        case let .missingDigest(source, uri):
            "source '\(source)': remote uri '\(uri)' has no sha256; add `sha256 = \"sha256:<hex>\"` (compute it with `sha256sum` on a trusted copy)"
        case let .digestMismatch(source, uri, expected, actual):
            "source '\(source)': '\(uri)' has digest \(actual), expected \(expected); nothing was stored. Check the uri and the pinned sha256 (the server may have changed the file)"
        case let .fileUnreadable(source, path, reason):
            "source '\(source)': cannot read '\(path)': \(reason)"
        case let .writeFailed(source, path, reason):
            "source '\(source)': cannot write '\(path)': \(reason); free space or fix permissions and run again (a partial download resumes)"
        case let .outputExists(source, path):
            "source '\(source)': '\(path)' already exists with other content; nothing was written. Choose another --out, or pass --force to replace it"
        case let .httpStatus(source, url, status):
            "source '\(source)': \(url) answered HTTP \(status)\(Self.hint(status: status))"
        case let .transferFailed(source, url, attempts, reason):
            "source '\(source)': downloading \(url) failed after \(attempts) attempt\(attempts == 1 ? "" : "s"): \(reason); run again to resume from the partial file"
        case let .tlsFailure(source, url, reason):
            "source '\(source)': TLS failure for \(url): \(reason); if the server uses a private CA, pass its certificate with --ca-bundle (verification is never switched off)"
        case let .git(source, url, reason):
            "source '\(source)': git \(url): \(reason)"
        case let .commitNotFound(source, url, commit):
            "source '\(source)': commit \(commit) does not exist in \(url); check the commit hash in the uri (it must be pushed to that repository)"
        case let .nothingSelected(source, patterns):
            "source '\(source)': the patterns \(patterns) select no file; check `members` or the `#glob` of the uri"
        case let .badArchive(source, member, reason):
            "source '\(source)': refusing archive member '\(member)': \(reason)"
        case let .transport(url, reason, _):
            "\(url): \(reason)"
        case let .remoteStatus(url, status):
            "\(url) answered HTTP \(status)\(Self.hint(status: status))"
        case let .pushRejected(url, reference, reason):
            "\(url) refused to update \(reference): \(reason)"
        }
    }

    private static func hint(status: Int) -> String {
        switch status {
        case 404, 410: " (not found); check the uri"
        case 401, 403: " (access denied); the file may need credentials, which Glassbox does not send"
        default: ""
        }
    }
}
