import Foundation

/// Writes a file so that a crash never leaves it half-written: a temporary name in the same
/// directory, `fsync`, `rename`, then `fsync` of the directory.
enum AtomicFile {
    static func write(_ bytes: [UInt8], to url: URL, permissions: mode_t = 0o644) throws(VerificationError) {
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, permissions)
        guard descriptor >= 0 else { throw .io(path: temporary.path, reason: String(cString: strerror(errno))) }
        var failure: String?
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var done = 0
            while done < raw.count, failure == nil {
                let wrote = Foundation.write(descriptor, base + done, raw.count - done)
                if wrote < 0, errno != EINTR { failure = String(cString: strerror(errno)) }
                if wrote > 0 { done += wrote }
            }
        }
        if failure == nil, fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        close(descriptor)
        if failure == nil, rename(temporary.path, url.path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary.path)
            throw .io(path: url.path, reason: failure)
        }
        let directoryDescriptor = open(directory.path, O_RDONLY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }
}
