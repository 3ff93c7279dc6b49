import Foundation

/// An exclusive `flock` on a lock file, held until `deinit`: two processes fetching into the same
/// partial file or git mirror take turns instead of interleaving their writes.
final class FileLock {
    private let descriptor: Int32

    /// Blocks until the lock on `path` (created if needed) is held.
    init(path: String, source: String) throws(FetchError) {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw .writeFailed(source: source, path: path, reason: FetchIOError(operation: "open", path: path).reason)
        }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                let reason = FetchIOError(operation: "flock", path: path).reason
                close(descriptor)
                throw .writeFailed(source: source, path: path, reason: reason)
            }
        }
        self.descriptor = descriptor
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
