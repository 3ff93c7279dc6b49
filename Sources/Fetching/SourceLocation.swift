import Foundation

/// A parsed source URI: where the bytes are and how they are reached.
enum SourceLocation: Equatable, Sendable {
    /// A local file or directory (already resolved against the recipe directory).
    case file(URL)
    /// An `http://` or `https://` URL, fetched through libcurl.
    case http(String)
    /// A git repository (`https://…`, `http://…` or `file://…` remote), a 40-hex commit and a path glob.
    case git(remote: String, commit: String, glob: String)

    /// Parses `uri` of source `id`; relative `file:` paths are resolved against `recipeDirectory`.
    static func parse(_ uri: String, id: String, recipeDirectory: URL) throws(FetchError) -> SourceLocation {
        if uri.hasPrefix("git+") { return try parseGit(uri, id: id) }
        if uri.hasPrefix("https://") || uri.hasPrefix("http://") {
            guard let host = URL(string: uri)?.host, !host.isEmpty else {
                throw .invalidURI(source: id, uri: uri, reason: "not a valid URL with a host (spaces and other unsafe characters must be percent-encoded)")
            }
            return .http(uri)
        }
        if uri.hasPrefix("file:") { return try parseFile(uri, id: id, recipeDirectory: recipeDirectory) }
        throw .invalidURI(source: id, uri: uri, reason: "expected file:, http://, https://, git+https://, git+http:// or git+file://")
    }

    private static func parseFile(_ uri: String, id: String, recipeDirectory: URL) throws(FetchError) -> SourceLocation {
        var path = String(uri.dropFirst("file:".count))
        if path.hasPrefix("//") {
            path = String(path.dropFirst(2))
            guard path.hasPrefix("/") else {
                throw .invalidURI(source: id, uri: uri, reason: "file:// URLs must be absolute (file:///path); use file:relative/path for paths relative to the recipe")
            }
        }
        guard !path.isEmpty else { throw .invalidURI(source: id, uri: uri, reason: "empty path") }
        let decoded = path.removingPercentEncoding ?? path
        if decoded.hasPrefix("/") { return .file(URL(fileURLWithPath: decoded).standardizedFileURL) }
        return .file(recipeDirectory.appendingPathComponent(decoded).standardizedFileURL)
    }

    private static func parseGit(_ uri: String, id: String) throws(FetchError) -> SourceLocation {
        let rest = String(uri.dropFirst("git+".count))
        guard rest.hasPrefix("https://") || rest.hasPrefix("http://") || rest.hasPrefix("file://") else {
            throw .invalidURI(source: id, uri: uri, reason: "git sources use git+https://, git+http:// or git+file://")
        }
        let (beforeFragment, glob) = splitLast(rest, on: "#")
        guard let at = beforeFragment.lastIndex(of: "@"), at > beforeFragment.index(beforeFragment.startIndex, offsetBy: 8) else {
            throw .invalidURI(source: id, uri: uri, reason: "a git uri must pin a commit: git+https://host/repo.git@<40 hex digits>#glob")
        }
        let remote = String(beforeFragment[..<at])
        let commit = String(beforeFragment[beforeFragment.index(after: at)...]).lowercased()
        guard commit.utf8.count == 40, commit.utf8.allSatisfy({ isHex($0) }) else {
            throw .invalidURI(source: id, uri: uri, reason: "'\(commit)' is not a full 40-hex commit id (branches and tags are not pins; use `git rev-parse`)")
        }
        return .git(remote: remote, commit: commit, glob: glob ?? "**")
    }

    private static func splitLast(_ text: String, on separator: Character) -> (String, String?) {
        guard let index = text.lastIndex(of: separator) else { return (text, nil) }
        let fragment = String(text[text.index(after: index)...])
        return (String(text[..<index]), fragment.isEmpty ? nil : fragment)
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x66)
    }
}
