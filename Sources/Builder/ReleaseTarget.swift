#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// What a release directory may replace: nothing, an empty directory, or an earlier glassbox release
/// (recognised by a `recipe.lock.json` that glassbox can read). Anything else — a regular file, the
/// recipe's own folder, a folder of notes — is refused unless the user passed `--force`. Checked before
/// any step runs (with the writability of the parent) and again just before the release is swapped in.
public enum ReleaseTarget {
    /// What is at the release path now.
    public enum Occupant: Sendable, Equatable {
        /// Nothing: the release is created.
        case nothing
        /// An empty directory.
        case emptyDirectory
        /// An earlier glassbox release (its lock reads).
        case earlierRelease
        /// Anything else, described for the message (`a regular file`, `a directory of 3 entries …`).
        case other(String)
    }

    /// Classifies what is at `directory` (symbolic links are not followed: a link is `other`).
    public static func occupant(of directory: URL) -> Occupant {
        var status = stat()
        guard lstat(directory.path, &status) == 0 else { return .nothing }
        switch status.st_mode & S_IFMT {
        case S_IFDIR: break
        case S_IFLNK: return .other("a symbolic link")
        case S_IFREG: return .other("a regular file")
        default: return .other("not a directory")
        }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else {
            return .other("a directory that cannot be listed")
        }
        if names.isEmpty { return .emptyDirectory }
        let lock = directory.appendingPathComponent("recipe.lock.json")
        if names.contains("recipe.lock.json"), (try? RecipeLock.read(from: lock)) != nil { return .earlierRelease }
        let count = names.count == 1 ? "1 entry" : "\(names.count) entries"
        return .other("a directory of \(count) without a glassbox recipe.lock.json")
    }

    /// Refuses `directory` when it holds something other than an earlier release or an empty directory
    /// (unless `force`), and when its parent cannot be created or written.
    public static func check(_ directory: URL, force: Bool) throws(BuildError) {
        let occupant = occupant(of: directory)
        if case let .other(what) = occupant, !force {
            throw BuildError.outputOccupied(path: directory.path, what: what)
        }
        try checkWritableParent(of: directory)
    }

    /// The nearest existing ancestor of `directory` must be a directory this process may write: the
    /// release is staged beside its final place and renamed there.
    static func checkWritableParent(of directory: URL) throws(BuildError) {
        var ancestor = directory.deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: ancestor.path), ancestor.path != "/" {
            ancestor = ancestor.deletingLastPathComponent()
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: ancestor.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw BuildError.outputUnwritable(path: directory.path, reason: "\(ancestor.path) is not a directory")
        }
        guard access(ancestor.path, W_OK | X_OK) == 0 else {
            throw BuildError.outputUnwritable(path: directory.path, reason: "\(ancestor.path) is not writable (\(String(cString: strerror(errno))))")
        }
    }
}
