/// Everything that can stop a publish. Each message names the target (URLs never carry a secret), says
/// what happened and what to do; none of them contains the credential.
public enum PublishError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The `--to` URL has a scheme Glassbox cannot publish to.
    case unsupportedScheme(url: String, scheme: String)
    /// The `--to` URL is malformed (no host, no path, a password in it…).
    case invalidTarget(url: String, reason: String)
    /// The release directory does not verify; nothing was sent.
    case releaseDoesNotVerify(directory: String, problems: [String])
    /// The release directory could not be read.
    case releaseUnreadable(directory: String, reason: String)
    /// The credential could not be read (`--token-file`, `~/.netrc`).
    case credentialUnreadable(path: String, reason: String)
    /// The server refused the credential (401) or the user's rights (403).
    case accessDenied(url: String, status: Int, user: String?, hadSecret: Bool)
    /// The server is out of space (507); nothing was published under a final name for this file.
    case insufficientStorage(url: String, path: String)
    /// The server answered a status that retrying will not fix.
    case unexpectedStatus(url: String, status: Int, operation: String, detail: String)
    /// The connection kept failing until the attempts ran out.
    case transferFailed(url: String, attempts: Int, reason: String)
    /// The repository has no Git LFS endpoint at `url`.
    case lfsEndpointMissing(url: String, status: Int)
    /// The LFS server refused one object.
    case lfsObjectRefused(url: String, path: String, code: Int, message: String)
    /// The remote branch has commits this publish was not built on.
    case nonFastForward(url: String, branch: String)
    /// A git operation failed.
    case git(url: String, reason: String)
    /// The target holds files under release names that no earlier publish wrote; nothing was changed.
    case wouldReplace(target: String, paths: [String])
    /// Writing into a `file://` target failed (disk full, permissions); the final name was not touched.
    case writeFailed(path: String, reason: String)

    /// What failed, where, and what to do next.
    public var description: String {
        switch self {
        case let .unsupportedScheme(url, scheme):
            "cannot publish to \(url): unsupported scheme '\(scheme)'; use git+https://, git+http://, git+file://, https:// or http:// (WebDAV), or file:///dir"
        case let .invalidTarget(url, reason):
            "invalid --to \(url): \(reason)"
        case let .releaseDoesNotVerify(directory, problems):
            "refusing to publish \(directory): it does not verify (\(problems.count) problem(s)):\n  " + problems.joined(separator: "\n  ")
                + "\nfix or re-sign the release (`glassbox sign`), then check it with `glassbox verify \(directory) --key KEY.pub`"
        case let .releaseUnreadable(directory, reason):
            "cannot read the release \(directory): \(reason)"
        case let .credentialUnreadable(path, reason):
            "cannot read the credential file \(path): \(reason)"
        case let .accessDenied(url, status, user, hadSecret):
            Self.accessMessage(url: url, status: status, user: user, hadSecret: hadSecret)
        case let .insufficientStorage(url, path):
            "\(url) answered 507 Insufficient Storage while receiving \(path): the server is out of space; nothing was published under that name (only under a temporary one, removed when possible). Free space on the server and run the same command again: files already published are not sent again"
        case let .unexpectedStatus(url, status, operation, detail):
            "\(operation) \(url) answered HTTP \(status)\(detail.isEmpty ? "" : ": \(detail)")"
        case let .transferFailed(url, attempts, reason):
            "sending to \(url) failed after \(attempts) attempt\(attempts == 1 ? "" : "s"): \(reason); run the same command again: files already published are not sent again"
        case let .lfsEndpointMissing(url, status):
            "the repository has no Git LFS endpoint: \(url) answered HTTP \(status); enable Git LFS for the repository on the server (Hugging Face, GitLab, Gitea and Forgejo serve it at <repo>.git/info/lfs); nothing was pushed"
        case let .lfsObjectRefused(url, path, code, message):
            "the Git LFS server at \(url) refused \(path) (code \(code)): \(message); nothing was pushed"
        case let .nonFastForward(url, branch):
            "the branch '\(branch)' of \(url) has commits this publish was not built on (someone pushed meanwhile, or the history was rewritten); run the command again to publish on top of them, or pass --force to replace the branch"
        case let .git(url, reason):
            "git \(url): \(reason)"
        case let .wouldReplace(target, paths):
            "\(target) already holds \(paths.joined(separator: ", ")) with other content, not written by an earlier publish (not in the SHA256SUMS there); nothing was changed. Publish to an empty folder, move those files away, or pass --force to replace them"
        case let .writeFailed(path, reason):
            "cannot write \(path): \(reason); nothing was written under a final name for this file. Free space or fix permissions and run the same command again"
        }
    }

    private static func accessMessage(url: String, status: Int, user: String?, hadSecret: Bool) -> String {
        let who = user.map { "user '\($0)'" } ?? "no user"
        if status == 401 {
            return hadSecret
                ? "\(url) answered 401 Unauthorized: the server rejected the credential for \(who). Check the token (GLASSBOX_TOKEN, --token-file or ~/.netrc) and the user name (in the URL as https://USER@host/… or as the netrc login); it was tried once, not retried"
                : "\(url) answered 401 Unauthorized and no credential was given: set GLASSBOX_TOKEN, pass --token-file FILE, or add a `machine HOST login USER password TOKEN` line to ~/.netrc"
        }
        return "\(url) answered 403 Forbidden: the server accepted \(who) but does not let it write here. Ask for write access to this repository or folder, or use a token with write scope (a read-only token gives 403)"
    }
}
