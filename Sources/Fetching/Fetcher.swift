import Digests
import Foundation

/// Fetches data sources into an output directory: `file:` paths, `http(s)` URLs through libcurl
/// (resume, retry, progress) and pinned git commits through libgit2, optionally unpacking archives.
///
/// Every file is written under a temporary name, fsynced and renamed; a digest mismatch leaves
/// nothing in the output directory. Partial downloads and git mirrors are kept in
/// `FetchOptions.cacheDirectory`, so a later run resumes where this one stopped.
public struct Fetcher: Sendable {
    /// How downloads behave.
    public let options: FetchOptions

    /// Creates a fetcher.
    public init(options: FetchOptions = FetchOptions()) {
        self.options = options
    }

    /// Fetches `spec` into `directory` (created if needed); relative `file:` paths are resolved
    /// against `recipeDirectory`. Returns the files written and the source's digest.
    public func fetch(_ spec: SourceSpec, recipeDirectory: URL, into directory: URL) throws(FetchError) -> FetchedSource {
        let location = try SourceLocation.parse(spec.uri, id: spec.id, recipeDirectory: recipeDirectory)
        do { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) } catch {
            throw .writeFailed(source: spec.id, path: directory.path, reason: error.localizedDescription)
        }
        switch location {
        case let .file(url):
            return try LocalFetch(spec: spec, options: options).fetch(url, into: directory)
        case let .http(url):
            return try fetchHTTP(spec, url: url, into: directory)
        case let .git(remote, commit, glob):
            let git = GitFetch(spec: spec, cache: cacheDirectory(for: directory), options: options)
            return try git.fetch(remote: remote, commit: commit, glob: glob, into: directory)
        }
    }

    /// The cache folder used for `output`.
    func cacheDirectory(for output: URL) -> URL {
        options.cacheDirectory ?? output.deletingLastPathComponent().appendingPathComponent(".glassbox-fetch-cache")
    }

    private func fetchHTTP(_ spec: SourceSpec, url: String, into directory: URL) throws(FetchError) -> FetchedSource {
        guard let expected = spec.sha256 else { throw .missingDigest(source: spec.id, uri: url) }
        let partials = cacheDirectory(for: directory).appendingPathComponent("partial")
        do { try FileManager.default.createDirectory(at: partials, withIntermediateDirectories: true) } catch {
            throw .writeFailed(source: spec.id, path: partials.path, reason: error.localizedDescription)
        }
        let partial = partials.appendingPathComponent(expected.hex + ".part")
        let lock = try FileLock(path: partial.path + ".lock", source: spec.id)
        defer { withExtendedLifetime(lock) {} }
        try HTTPDownloader(options: options, sourceID: spec.id).download(url, expected: expected, partialPath: partial)
        defer { try? FileManager.default.removeItem(at: partial) }
        let name = Self.fileName(of: url)
        return try LocalFetch(spec: spec, options: options).install(verified: partial, digest: expected, name: name, into: directory)
    }

    /// The last path segment of `url`, percent-decoded; `download` when there is none usable.
    static func fileName(of url: String) -> String {
        let path = URL(string: url)?.path ?? ""
        let last = (path.split(separator: "/").last.map(String.init) ?? "")
        let decoded = last.removingPercentEncoding ?? last
        let safe = decoded.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0 != "\\" }
        return decoded.isEmpty || decoded == "." || decoded == ".." || !safe ? "download" : decoded
    }
}
