import BaseIO
import Digests
import Foundation

/// A file written under a temporary name next to its destination (`BaseIO.AtomicFileWriter`), hashed
/// as it is written, then fsynced and renamed into place by `commit` — so a crash never leaves a half
/// file under the real name.
final class AtomicOutputFile {
    let destination: URL
    let relativePath: String
    private let file: AtomicFileWriter
    private let hasher: SHA256Hasher
    private let source: String

    /// Creates the temporary file for `relativePath` inside `directory` (parents are created).
    init(relativePath: String, in directory: URL, source: String) throws(FetchError) {
        self.relativePath = relativePath
        self.source = source
        destination = directory.appendingPathComponent(relativePath)
        do {
            file = try AtomicFileWriter(path: destination.path)
            hasher = try SHA256Hasher()
        } catch {
            throw .writeFailed(source: source, path: destination.path, reason: "\(error)")
        }
    }

    /// Appends `bytes`.
    func write(_ bytes: UnsafeRawBufferPointer) throws(FetchError) {
        do { try file.write(bytes) } catch {
            throw .writeFailed(source: source, path: destination.path, reason: error.description)
        }
        hasher.update(bytes)
    }

    /// Appends `data`.
    func write(_ data: Data) throws(FetchError) {
        try TypedBytes.with(data) { (buffer) throws(FetchError) in try write(buffer) }
    }

    /// Syncs, renames into place and returns the file's record.
    func commit() throws(FetchError) -> FetchedFile {
        do { try file.commit() } catch {
            throw .writeFailed(source: source, path: destination.path, reason: error.description)
        }
        return FetchedFile(path: relativePath, size: Int64(file.size), digest: hasher.finalize())
    }
}
