import Digests
import Foundation

/// A file written under a temporary name next to its destination, hashed as it is written, then
/// fsynced and renamed into place by `commit` — so a crash never leaves a half file under the real name.
final class AtomicOutputFile {
    let destination: URL
    let relativePath: String
    private let temporary: URL
    private let file: PartialFile
    private let hasher: SHA256Hasher
    private let source: String
    private var finished = false

    /// Creates the temporary file for `relativePath` inside `directory` (parents are created).
    init(relativePath: String, in directory: URL, source: String) throws(FetchError) {
        self.relativePath = relativePath
        self.source = source
        destination = directory.appendingPathComponent(relativePath)
        let parent = destination.deletingLastPathComponent()
        temporary = parent.appendingPathComponent(".\(destination.lastPathComponent).tmp-\(UUID().uuidString.prefix(8))")
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
            file = try PartialFile(path: temporary.path)
            hasher = try SHA256Hasher()
        } catch {
            throw .writeFailed(source: source, path: destination.path, reason: "\(error)")
        }
    }

    deinit { if !finished { try? FileManager.default.removeItem(at: temporary) } }

    /// Appends `bytes`.
    func write(_ bytes: UnsafeRawBufferPointer) throws(FetchError) {
        do { try file.write(bytes) } catch {
            throw .writeFailed(source: source, path: destination.path, reason: error.reason)
        }
        hasher.update(bytes)
    }

    /// Appends `data`.
    func write(_ data: Data) throws(FetchError) {
        try TypedBytes.with(data) { (buffer) throws(FetchError) in try write(buffer) }
    }

    /// Syncs, renames into place and returns the file's record.
    func commit() throws(FetchError) -> FetchedFile {
        do { try file.sync() } catch {
            throw .writeFailed(source: source, path: destination.path, reason: error.reason)
        }
        guard rename(temporary.path, destination.path) == 0 else {
            throw .writeFailed(source: source, path: destination.path, reason: FetchIOError(operation: "rename", path: destination.path).reason)
        }
        finished = true
        DirectorySync.sync(destination.deletingLastPathComponent())
        return FetchedFile(path: relativePath, size: file.size, digest: hasher.finalize())
    }
}

/// fsync of a directory, so a rename inside it survives a crash.
enum DirectorySync {
    static func sync(_ directory: URL) {
        let descriptor = open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }
}
