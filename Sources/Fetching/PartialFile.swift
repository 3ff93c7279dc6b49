import Foundation

/// A file being downloaded into: appended to with `write`, truncated on a restart, fsynced on close.
/// Errors keep `errno`'s text so a full disk reads as "No space left on device".
final class PartialFile {
    let path: String
    private let descriptor: Int32
    private(set) var size: Int64

    /// Opens (creating if needed) `path` for appending.
    init(path: String) throws(FetchIOError) {
        self.path = path
        let descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FetchIOError(operation: "open", path: path) }
        let end = lseek(descriptor, 0, SEEK_END)
        guard end >= 0 else {
            let error = FetchIOError(operation: "seek", path: path)
            close(descriptor)
            throw error
        }
        self.descriptor = descriptor
        self.size = Int64(end)
    }

    deinit { close(descriptor) }

    /// Appends all of `bytes`; on failure the file holds exactly the bytes written before it.
    func write(_ bytes: UnsafeRawBufferPointer) throws(FetchIOError) {
        guard var base = bytes.baseAddress else { return }
        var remaining = bytes.count
        while remaining > 0 {
            let written = Glibc.write(descriptor, base, remaining)
            if written < 0 {
                if errno == EINTR { continue }
                throw FetchIOError(operation: "write", path: path)
            }
            remaining -= written
            size += Int64(written)
            base = base.advanced(by: written)
        }
    }

    /// Empties the file (the server sent the whole body instead of the requested range).
    func truncate() throws(FetchIOError) {
        guard ftruncate(descriptor, 0) == 0, lseek(descriptor, 0, SEEK_SET) == 0 else {
            throw FetchIOError(operation: "truncate", path: path)
        }
        size = 0
    }

    /// Flushes the bytes to disk.
    func sync() throws(FetchIOError) {
        guard fsync(descriptor) == 0 else { throw FetchIOError(operation: "fsync", path: path) }
    }
}

/// A failed system call on a path, with `strerror(errno)` captured at the point of failure.
struct FetchIOError: Error, Sendable, CustomStringConvertible {
    let operation: String
    let path: String
    let reason: String

    init(operation: String, path: String, code: Int32 = errno) {
        self.operation = operation
        self.path = path
        self.reason = String(cString: strerror(code))
    }

    var description: String { "\(operation) failed: \(reason)" }
}
