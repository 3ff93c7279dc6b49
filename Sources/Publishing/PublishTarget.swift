import Foundation

/// Where a release goes, parsed from `--to`.
public enum PublishTarget: Sendable, Equatable {
    /// `file:///dir`: a local or mounted directory.
    case directory(path: String)
    /// `http(s)://host/path/`: a WebDAV folder; `baseURL` ends with `/` and holds no user information.
    case webDAV(baseURL: String)
    /// `git+http(s)://…` or `git+file://…`: a git repository (without `git+` and user information).
    case git(url: String)

    /// Parses `text`; the user name in it (if any) is returned separately so that URLs shown or
    /// stored never carry user information. A password in the URL is refused.
    public static func parse(_ text: String) throws(PublishError) -> (target: PublishTarget, user: String?) {
        guard let colon = text.firstIndex(of: ":"), text[colon...].hasPrefix("://") else {
            throw .invalidTarget(url: text, reason: "not a URL; use e.g. git+https://host/org/model.git, https://host/dav/folder/ or file:///srv/models/x")
        }
        let scheme = text[..<colon].lowercased()
        guard var components = URLComponents(string: text) else {
            throw .invalidTarget(url: Self.redactedGuess(text), reason: "not a valid URL")
        }
        if components.password != nil {
            components.password = nil
            throw .invalidTarget(url: components.string ?? scheme + "://…", reason: "it holds a password; remove it and give the secret through GLASSBOX_TOKEN, --token-file or ~/.netrc (a URL ends up in shell history and logs)")
        }
        let user = components.user
        components.user = nil
        switch scheme {
        case "file":
            guard components.host.map({ $0.isEmpty || $0 == "localhost" }) ?? true, !components.path.isEmpty else {
                throw .invalidTarget(url: text, reason: "a file URL is file:///absolute/path")
            }
            return (.directory(path: components.path), nil)
        case "http", "https":
            guard components.host?.isEmpty == false else { throw .invalidTarget(url: text, reason: "no host") }
            var url = components.string ?? text
            if !url.hasSuffix("/") { url += "/" }
            return (.webDAV(baseURL: url), user)
        case "git+http", "git+https", "git+file":
            components.scheme = String(scheme.dropFirst(4))
            if scheme != "git+file", components.host?.isEmpty != false { throw .invalidTarget(url: text, reason: "no host") }
            guard components.path.count > 1 else { throw .invalidTarget(url: text, reason: "no repository path") }
            return (.git(url: components.string ?? text), user)
        default:
            throw .unsupportedScheme(url: Self.redactedGuess(text), scheme: String(scheme))
        }
    }

    /// The target as shown in messages and reports (never with user information).
    public var display: String {
        switch self {
        case let .directory(path): "file://\(path)"
        case let .webDAV(baseURL): baseURL
        case let .git(url): "git+\(url)"
        }
    }

    /// The host credentials are looked up for (nil for local targets).
    public var host: String? {
        switch self {
        case .directory: nil
        case let .webDAV(url), let .git(url): URLComponents(string: url)?.host
        }
    }

    /// `scheme://[user:pass@]rest` with the user information cut, for messages about unparsable input.
    private static func redactedGuess(_ text: String) -> String {
        guard let range = text.range(of: "://") else { return text }
        let rest = text[range.upperBound...]
        let authorityEnd = rest.firstIndex(of: "/") ?? rest.endIndex
        guard let at = rest[..<authorityEnd].lastIndex(of: "@") else { return text }
        return String(text[..<range.upperBound]) + String(rest[rest.index(after: at)...])
    }
}
