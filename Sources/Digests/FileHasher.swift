#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Streams files through SHA-256 with one reusable read buffer (no allocation per chunk).
///
/// Memory use is the buffer (`bufferSize`, 1 MiB by default) whatever the file size. Not thread-safe:
/// use one `FileHasher` per thread (`ParallelHasher` does).
public final class FileHasher {
    /// The default read size: large enough to amortise system calls, small enough to stay in cache.
    public static let defaultBufferSize = 1 << 20

    /// The size of each `read`.
    public let bufferSize: Int
    private let buffer: UnsafeMutableRawPointer

    /// Creates a hasher that reads `bufferSize` bytes at a time (at least 1).
    public init(bufferSize: Int = FileHasher.defaultBufferSize) {
        self.bufferSize = max(1, bufferSize)
        buffer = UnsafeMutableRawPointer.allocate(byteCount: self.bufferSize, alignment: 4096)
    }

    deinit { buffer.deallocate() }

    /// Hashes the file at `path` (following a symbolic link given directly); `-` reads standard input.
    ///
    /// `progress` receives the number of bytes of each chunk as it is hashed.
    public func hash(fileAt path: String, progress: ((Int) -> Void)? = nil) throws(DigestError) -> FileHash {
        if path == "-" { return try hash(fileDescriptor: STDIN_FILENO, name: path, progress: progress) }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw DigestError.lastIO("open", path) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw DigestError.lastIO("stat", path) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw DigestError.isDirectory(path: path) }
        #if canImport(Glibc)
        _ = posix_fadvise(descriptor, 0, 0, Int32(POSIX_FADV_SEQUENTIAL))
        #endif
        return try hash(fileDescriptor: descriptor, name: path, progress: progress)
    }

    /// Hashes everything readable from `descriptor` until end of file; `name` is used in errors and the result.
    public func hash(
        fileDescriptor descriptor: Int32, name: String, progress: ((Int) -> Void)? = nil
    ) throws(DigestError) -> FileHash {
        let hasher = try SHA256Hasher()
        var total: Int64 = 0
        while true {
            let count = read(descriptor, buffer, bufferSize)
            if count < 0 {
                if errno == EINTR { continue }
                throw errno == EISDIR ? DigestError.isDirectory(path: name) : DigestError.lastIO("read", name)
            }
            if count == 0 { break }
            hasher.update(UnsafeRawBufferPointer(start: buffer, count: count))
            total += Int64(count)
            progress?(count)
        }
        return FileHash(path: name, size: total, digest: hasher.finalize())
    }
}

extension Digest {
    /// The SHA-256 digest of the file at `path`, streamed with a fresh `FileHasher`.
    public static func sha256(ofFileAt path: String) throws(DigestError) -> Digest {
        try FileHasher().hash(fileAt: path).digest
    }
}
