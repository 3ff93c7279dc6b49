#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// An exclusive advisory lock (`flock`) on `builder/work/<key>.lock`, held while a step is looked up and
/// run, so two builds sharing a store never work in the same directory; the second waits and then finds
/// the first one's outputs in the cache. The kernel releases it when the process dies, even by kill -9.
final class StepLock {
    private let descriptor: Int32

    /// Blocks until the lock at `url` is held.
    init(at url: URL) throws(BuildError) {
        try BuilderFiles.makeDirectory(url.deletingLastPathComponent())
        descriptor = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw BuildError.io(path: url.path, reason: String(cString: strerror(errno))) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                throw BuildError.io(path: url.path, reason: "cannot lock: \(reason)")
            }
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
