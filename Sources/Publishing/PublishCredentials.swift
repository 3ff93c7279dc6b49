import Foundation

/// The user and secret sent to a target. The user comes from the URL or `~/.netrc`; the secret from
/// `--token-file`, `GLASSBOX_TOKEN` or `~/.netrc`, in that order. The secret is never part of a
/// description, a URL or a file Glassbox writes; `redact` scrubs it from any text shown.
public struct PublishCredentials: Sendable, CustomStringConvertible {
    /// The user name when none is known but a secret is: Hugging Face, GitLab and Gitea accept any
    /// user name with a token as the password.
    public static let defaultUser = "glassbox"

    /// The user name, if one was found.
    public let user: String?
    /// The secret (token or password), if one was found.
    let secret: String?

    /// Credentials given explicitly (tests, library callers).
    public init(user: String?, secret: String?) {
        self.user = user
        self.secret = secret?.isEmpty == true ? nil : secret
    }

    /// Looks the credentials up for `host`: `urlUser`, then the netrc login; `tokenFile` (first line),
    /// then `environment["GLASSBOX_TOKEN"]`, then the netrc password. `netrcPath` nil: `$HOME/.netrc`.
    public static func resolve(
        host: String?, urlUser: String?, tokenFile: String?, environment: [String: String], netrcPath: String? = nil
    ) throws(PublishError) -> PublishCredentials {
        var netrcEntry: Netrc.Entry?
        let netrcFile = netrcPath ?? environment["HOME"].map { $0 + "/.netrc" }
        if let host, let netrcFile, FileManager.default.fileExists(atPath: netrcFile) {
            guard let text = try? String(contentsOfFile: netrcFile, encoding: .utf8) else {
                throw .credentialUnreadable(path: netrcFile, reason: "not readable as UTF-8 text")
            }
            netrcEntry = Netrc(text: text).entry(for: host)
        }
        var secret: String?
        if let tokenFile {
            guard let data = FileManager.default.contents(atPath: tokenFile) else {
                throw .credentialUnreadable(path: tokenFile, reason: "no such file, or not readable")
            }
            let line = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).first ?? ""
            secret = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if secret?.isEmpty != false { throw .credentialUnreadable(path: tokenFile, reason: "its first line is empty") }
        } else if let token = environment["GLASSBOX_TOKEN"], !token.isEmpty {
            secret = token
        } else {
            secret = netrcEntry?.password
        }
        let user = urlUser ?? netrcEntry?.login
        return PublishCredentials(user: user ?? (secret == nil ? nil : defaultUser), secret: secret)
    }

    /// Whether a secret is known.
    public var hasSecret: Bool { secret != nil }

    /// The (user, secret) pair for basic authentication, when a secret is known.
    var basic: (user: String, secret: String)? {
        secret.map { (user ?? Self.defaultUser, $0) }
    }

    /// `text` with every occurrence of the secret replaced by `***`.
    public func redact(_ text: String) -> String {
        guard let secret, !secret.isEmpty else { return text }
        return text.replacingOccurrences(of: secret, with: "***")
    }

    /// Says who, never the secret.
    public var description: String {
        "user \(user ?? "(none)"), secret \(secret == nil ? "absent" : "given")"
    }
}
