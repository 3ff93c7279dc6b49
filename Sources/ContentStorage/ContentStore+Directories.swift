import BaseIO
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Digests

extension ContentStore {
    /// Stores every file of the directory at `path` and its manifest (hashed with `threads` threads).
    ///
    /// Each file is re-hashed while it is copied and must still match the manifest, so a file that
    /// changes during the import is an error, not a wrong object.
    public func importDirectory(
        at path: String, threads: Int = 1, progress: (@Sendable (Int) -> Void)? = nil
    ) throws(StoreError) -> DirectoryImport {
        let manifest: Manifest
        do { manifest = try Manifest.scan(directory: path, threads: threads, progress: progress) } catch {
            throw StoreError.digest(error)
        }
        var newObjects = 0
        var newBytes: Int64 = 0
        let tree = FileTreeJoin(root: path)
        for entry in manifest.entries where !has(entry.digest) {
            let stored = try put(fileAt: tree.path(of: entry.path), expected: entry.digest)
            newObjects += 1
            newBytes += stored.size
        }
        let json = manifest.canonicalJSON()
        if !has(manifest.digest) {
            try put(bytes: json, expected: manifest.digest, source: "manifest of \(path)")
            newObjects += 1
            newBytes += Int64(json.count)
        }
        return DirectoryImport(manifest: manifest, digest: manifest.digest, newObjects: newObjects, newBytes: newBytes)
    }

    /// The manifest stored under `digest` (as returned by `importDirectory`).
    public func manifest(_ digest: Digest) throws(StoreError) -> Manifest {
        let data = try get(digest)
        do { return try Manifest(json: data) } catch { throw StoreError.digest(error) }
    }

    /// Recreates the directory whose manifest is `digest` at `destination`, which must not exist or be
    /// an empty directory. Files are written into a temporary sibling folder, checked, fsynced, and the
    /// folder is renamed into place last, so `destination` is either complete or absent.
    @discardableResult
    public func exportDirectory(_ digest: Digest, to destination: String) throws(StoreError) -> Manifest {
        let manifest = try manifest(digest)
        let target = destination.count > 1 && destination.hasSuffix("/") ? String(destination.dropLast()) : destination
        if POSIXFile.exists(target), !(try POSIXFile.names(in: target).isEmpty) {
            throw StoreError.destinationExists(path: target)
        }
        for entry in manifest.entries where !has(entry.digest) {
            throw StoreError.objectNotFound(entry.digest, root: root)
        }
        let staging: String
        do { staging = try AtomicDirectory.makeStaging(beside: target) } catch { throw StoreError(error) }
        var finished = false
        defer { if !finished { AtomicDirectory.removeTree(staging) } }
        for entry in manifest.entries {
            let file = staging + "/" + entry.path
            try POSIXFile.makeDirectories(POSIXFile.parentDirectory(of: file))
            try export(entry.digest, to: file)
        }
        do { try AtomicDirectory.publish(staging, at: target) } catch { throw StoreError(error) }
        finished = true
        return manifest
    }

}

/// Joins a root folder and manifest paths the way `FileTree` does.
private struct FileTreeJoin {
    let root: String
    func path(of relative: String) -> String { root.hasSuffix("/") ? root + relative : root + "/" + relative }
}
