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
        let staging = try makeStagingDirectory(beside: target)
        var finished = false
        defer { if !finished { Self.removeTree(staging) } }
        for entry in manifest.entries {
            let file = staging + "/" + entry.path
            try POSIXFile.makeDirectories(POSIXFile.parentDirectory(of: file))
            try export(entry.digest, to: file)
        }
        if POSIXFile.exists(target) { rmdir(target) }
        guard rename(staging, target) == 0 else { throw POSIXFile.error("rename into", target) }
        finished = true
        try POSIXFile.fsyncDirectory(POSIXFile.parentDirectory(of: target))
        return manifest
    }

    private func makeStagingDirectory(beside target: String) throws(StoreError) -> String {
        let parent = POSIXFile.parentDirectory(of: target)
        try POSIXFile.makeDirectories(parent)
        var template = Array((target + ".glassbox-XXXXXX").utf8CString)
        let created = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.flatMap { mkdtemp($0) } != nil
        }
        guard created else { throw POSIXFile.error("create a temporary directory beside", target) }
        return String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Removes a staging tree this process created (regular files and folders only).
    static func removeTree(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            for name in (try? POSIXFile.names(in: path)) ?? [] { removeTree(path + "/" + name) }
            rmdir(path)
        } else {
            unlink(path)
        }
    }
}

/// Joins a root folder and manifest paths the way `FileTree` does.
private struct FileTreeJoin {
    let root: String
    func path(of relative: String) -> String { root.hasSuffix("/") ? root + relative : root + "/" + relative }
}
