import BaseIO
import Foundation

/// The canonical description of a directory: every regular file's relative path, size and digest.
///
/// Entries are sorted by the UTF-8 bytes of their paths; paths are relative, `/`-separated, with no
/// empty, `.` or `..` component, and unique. The canonical form is compact JSON with sorted keys and
/// a trailing newline, e.g. `{"entries":[{"digest":"sha256:…","path":"a.txt","size":3}],"format":1}`;
/// the directory's digest is the SHA-256 of those bytes. See Docs/store.md ("Manifests").
public struct Manifest: Hashable, Sendable {
    /// The version of the canonical form written by this code.
    public static let currentFormat = 1

    /// One file of the directory: its relative `/`-separated path, size and digest (the one
    /// path-size-digest record, `FileHash`).
    public typealias Entry = FileHash

    /// Version of the canonical form (always `currentFormat` for manifests this code creates).
    public let format: Int
    /// The files, sorted by path bytes.
    public let entries: [Entry]

    /// Builds a manifest from `entries` in any order; throws if a path is not a clean relative path or repeats.
    public init(entries: [Entry]) throws(DigestError) {
        let sorted = entries.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        for (index, entry) in sorted.enumerated() {
            try Self.validate(path: entry.path)
            if entry.size < 0 { throw DigestError.invalidManifest(reason: "'\(entry.path)' has a negative size") }
            if index > 0, sorted[index - 1].path == entry.path {
                throw DigestError.invalidManifest(reason: "'\(entry.path)' is listed twice")
            }
        }
        format = Self.currentFormat
        self.entries = sorted
    }

    /// Hashes every regular file under `directory` with `threads` threads and returns its manifest.
    ///
    /// Throws on a symbolic link, special file or non-UTF-8 name anywhere in the tree, naming it.
    public static func scan(
        directory: String, threads: Int = 1, progress: (@Sendable (Int) -> Void)? = nil
    ) throws(DigestError) -> Manifest {
        let tree = try FileTree(walking: directory)
        let hashes = try ParallelHasher.hashAll(files: tree.paths, threads: threads, progress: progress)
        let entries = zip(tree.relativePaths, hashes).map { relative, hash in
            Entry(path: relative, size: hash.size, digest: hash.digest)
        }
        return try Manifest(entries: entries)
    }

    /// Total size of all files, in bytes.
    public var totalSize: Int64 { entries.reduce(0) { $0 + $1.size } }

    /// The canonical bytes: compact JSON, keys sorted, `/` unescaped, one trailing newline.
    public func canonicalJSON() -> Data {
        var out = "{\"entries\":["
        for (index, entry) in entries.enumerated() {
            if index > 0 { out += "," }
            out += "{\"digest\":\"\(entry.digest)\",\"path\":"
            out += CanonicalJSON.quoted(entry.path)
            out += ",\"size\":\(entry.size)}"
        }
        out += "],\"format\":\(format)}\n"
        return Data(out.utf8)
    }

    /// The directory's digest: SHA-256 of `canonicalJSON()`.
    public var digest: Digest { Digest.sha256(of: canonicalJSON()) }

    /// Parses a manifest (canonical or not) and validates it; throws `.invalidManifest` saying what is wrong.
    public init(json: Data) throws(DigestError) {
        do {
            let decoded = try JSONDecoder().decode(Manifest.self, from: json)
            self = decoded
        } catch let error as DigestError {
            throw error
        } catch {
            throw DigestError.invalidManifest(reason: "not a manifest JSON document (\(error))")
        }
    }

    static func validate(path: String) throws(DigestError) {
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.isEmpty, !path.hasPrefix("/"),
            !components.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." })
        else {
            throw DigestError.invalidManifest(
                reason: "'\(path)' is not a clean relative path (no leading '/', no empty, '.' or '..' parts)")
        }
        if path.utf8.contains(0) { throw DigestError.invalidManifest(reason: "a path contains a NUL byte") }
    }
}

extension Manifest: Codable {
    private enum CodingKeys: String, CodingKey { case entries, format }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let format = try container.decode(Int.self, forKey: .format)
        guard format == Self.currentFormat else {
            throw DigestError.invalidManifest(
                reason: "format \(format) is not supported (this glassbox reads format \(Self.currentFormat))")
        }
        try self.init(entries: container.decode([Entry].self, forKey: .entries))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(entries, forKey: .entries)
        try container.encode(format, forKey: .format)
    }
}
