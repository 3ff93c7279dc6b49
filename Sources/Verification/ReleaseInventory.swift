import Foundation

/// The regular files of a release directory, by relative POSIX path, in OpenSSF model-signing order.
///
/// Like `model_signing`, it skips `.git`, `.gitattributes`, `.github` and `.gitignore` at the top level
/// (the whole `.git` tree), plus the given names (the signature files); nested `.git` folders are *not*
/// skipped. Symbolic links are refused. Order: by path components (`a/b` before `a-b/c`).
public struct ReleaseInventory: Sendable {
    /// Top-level names OpenSSF model-signing ignores by default (`--ignore-git-paths`).
    public static let gitPaths = [".git", ".gitattributes", ".github", ".gitignore"]

    /// The directory walked.
    public let directory: URL
    /// Relative paths of the files, component-sorted.
    public let files: [String]

    /// Walks `directory`, leaving out the git paths and `ignoring` (relative paths; a directory name
    /// leaves out everything under it).
    public init(directory: URL, ignoring: Set<String> = []) throws(VerificationError) {
        self.directory = directory
        let ignored = ignoring.union(Self.gitPaths)
        var found: [String] = []
        try Self.walk(directory, relative: [], ignored: ignored, into: &found)
        files = found.sorted { Self.componentOrder($0, $1) }
    }

    /// model-signing's order: compare path components one by one, bytewise.
    public static func componentOrder(_ lhs: String, _ rhs: String) -> Bool {
        let left = lhs.split(separator: "/", omittingEmptySubsequences: false)
        let right = rhs.split(separator: "/", omittingEmptySubsequences: false)
        for (a, b) in zip(left, right) where a != b {
            return Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8))
        }
        return left.count < right.count
    }

    private static func walk(
        _ url: URL, relative: [String], ignored: Set<String>, into found: inout [String]
    ) throws(VerificationError) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: url.path)
        } catch {
            throw .io(path: url.path, reason: "cannot list the directory (\(error.localizedDescription))")
        }
        for name in names.sorted() {
            let path = relative + [name]
            let joined = path.joined(separator: "/")
            if ignored.contains(joined) { continue }
            let child = url.appendingPathComponent(name)
            var info = stat()
            guard lstat(child.path, &info) == 0 else {
                throw .io(path: child.path, reason: String(cString: strerror(errno)))
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: try walk(child, relative: path, ignored: ignored, into: &found)
            case S_IFREG: found.append(joined)
            case S_IFLNK: throw .symlink(path: child.path)
            default: throw .io(path: child.path, reason: "not a regular file or directory")
            }
        }
    }
}
