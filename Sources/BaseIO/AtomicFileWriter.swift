#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file written in chunks under a temporary name beside its destination; `commit` fsyncs it,
/// renames it over the destination and fsyncs the directory. Dropped without `commit` (an error, a
/// cancelled download), it removes the temporary file and leaves any old file as it was.
public final class AtomicFileWriter {
    /// The final path (empty for a writer whose destination is chosen at `commit(to:)`).
    public let path: String
    /// The temporary path the bytes are written to until `commit`.
    public let temporaryPath: String
    /// Bytes written so far.
    public private(set) var size: UInt64 = 0
    private var descriptor: Int32
    private var finished = false

    /// Creates the temporary file for `path` (creating missing parent directories). The temporary
    /// name is unique (`.name.tmp-<pid>-<random>`) unless `temporaryPath` names one in the same
    /// directory, for writers whose leftovers should be replaced by the next attempt (a file there is
    /// truncated).
    public init(path: String, temporaryPath: String? = nil, permissions: mode_t = 0o644) throws(BaseIOError) {
        self.path = path
        try AtomicFile.makeDirectories(AtomicFile.parent(of: path))
        self.temporaryPath = temporaryPath ?? AtomicFile.temporaryName(beside: path)
        let exclusive = temporaryPath == nil ? O_EXCL : O_TRUNC
        descriptor = open(self.temporaryPath, O_WRONLY | O_CREAT | exclusive | O_CLOEXEC, permissions)
        guard descriptor >= 0 else { throw AtomicFile.error("create", self.temporaryPath) }
    }

    /// Creates a temporary file in `directory` for content whose final name is only known once it is
    /// written (a content-addressed object); finish it with `commit(to:)`.
    public init(temporaryIn directory: String, permissions: mode_t = 0o644) throws(BaseIOError) {
        path = ""
        try AtomicFile.makeDirectories(directory)
        temporaryPath = AtomicFile.temporaryName(beside: directory + "/object")
        descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, permissions)
        guard descriptor >= 0 else { throw AtomicFile.error("create", temporaryPath) }
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
        if !finished { unlink(temporaryPath) }
    }

    /// Appends `bytes`.
    public func write(_ bytes: UnsafeRawBufferPointer) throws(BaseIOError) {
        guard !finished, descriptor >= 0 else { throw .io(path: path, operation: "write", reason: "the file was already committed") }
        guard let base = bytes.baseAddress else { return }
        var done = 0
        while done < bytes.count {
            let written = systemWrite(descriptor, base + done, bytes.count - done)
            if written < 0 {
                if errno == EINTR { continue }
                throw AtomicFile.error("write", temporaryPath)
            }
            done += written
        }
        size += UInt64(bytes.count)
    }

    /// Appends `bytes`.
    public func write(_ bytes: [UInt8]) throws(BaseIOError) {
        let failure = bytes.withUnsafeBytes { (raw) -> BaseIOError? in
            do throws(BaseIOError) { try write(raw); return nil } catch { return error }
        }
        if let failure { throw failure }
    }

    /// fsyncs the file, renames it over `path` and fsyncs the directory.
    public func commit() throws(BaseIOError) {
        try commit(to: path)
    }

    /// fsyncs the file, renames it to `destination` (same file system) and fsyncs that directory.
    public func commit(to destination: String) throws(BaseIOError) {
        guard !finished else { return }
        guard !destination.isEmpty else { throw .io(path: temporaryPath, operation: "commit", reason: "no destination was given") }
        guard fsync(descriptor) == 0 else { throw AtomicFile.error("fsync", temporaryPath) }
        close(descriptor)
        descriptor = -1
        guard rename(temporaryPath, destination) == 0 else { throw AtomicFile.error("rename a temporary file onto", destination) }
        finished = true
        AtomicFile.syncDirectory(AtomicFile.parent(of: destination))
    }
}

#if canImport(Glibc)
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int { Glibc.write(fd, buffer, count) }
#elseif canImport(Darwin)
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int { Darwin.write(fd, buffer, count) }
#endif
