import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A read-only file opened by path, read with `pread` at explicit offsets (never a shared cursor).
/// The descriptor is closed in `deinit`.
final class FileReader {
    let path: String
    private let descriptor: Int32
    /// Size of the file when it was opened.
    let size: Int

    init(path: String) throws(SafeTensorsError) {
        self.path = path
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .io(path: path, reason: String(cString: strerror(errno))) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw .io(path: path, reason: reason)
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw .io(path: path, reason: "not a regular file")
        }
        descriptor = fd
        size = Int(info.st_size)
    }

    deinit { close(descriptor) }

    /// Reads exactly `count` bytes at `offset` into `buffer`; throws if the file is shorter now.
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(SafeTensorsError) {
        var done = 0
        while done < buffer.count {
            guard let base = buffer.baseAddress else { return }
            let got = pread(descriptor, base + done, buffer.count - done, off_t(offset + done))
            if got < 0 {
                if errno == EINTR { continue }
                throw .io(path: path, reason: String(cString: strerror(errno)))
            }
            guard got > 0 else {
                throw .io(path: path, reason: "file ended at byte \(offset + done); it was truncated while being read")
            }
            done += got
        }
    }

    /// Reads exactly `count` bytes at `offset`.
    func read(count: Int, at offset: Int) throws(SafeTensorsError) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        var failure: SafeTensorsError?
        out.withUnsafeMutableBytes { buffer in
            do throws(SafeTensorsError) { try read(into: buffer, at: offset) } catch { failure = error }
        }
        if let failure { throw failure }
        return out
    }
}
