#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one crash-safe way Glassbox writes a file: the bytes go to a temporary name in the same
/// directory, are fsynced, renamed over the final name, and the directory is fsynced. A crash leaves
/// the old file or the whole new one, never a part, and the old file is never removed before the new
/// one has replaced it. Streaming writes use `AtomicFileWriter`, whole directories `AtomicDirectory`.
public enum AtomicFile {
    /// Writes `bytes` to `path` atomically; parent directories are created.
    public static func write(_ bytes: [UInt8], to path: String, permissions: mode_t = 0o644) throws(BaseIOError) {
        let writer = try AtomicFileWriter(path: path, permissions: permissions)
        try writer.write(bytes)
        try writer.commit()
    }

    /// Writes the chunks `produce` passes to the writer, then commits; if `produce` throws, the
    /// temporary file is removed, the old file is untouched and the error is rethrown.
    public static func write(to path: String, permissions: mode_t = 0o644,
                             _ produce: (AtomicFileWriter) throws -> Void) throws {
        let writer = try AtomicFileWriter(path: path, permissions: permissions)
        try produce(writer)
        try writer.commit()
    }

    /// fsyncs the directory `path`, so that a rename inside it survives a crash (best effort: some
    /// file systems refuse fsync on directories).
    public static func syncDirectory(_ path: String) {
        let descriptor = open(path.isEmpty ? "." : path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    /// Creates `path` and its missing parents.
    public static func makeDirectories(_ path: String) throws(BaseIOError) {
        guard !path.isEmpty, !isDirectory(path) else { return }
        try makeDirectories(parent(of: path))
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw error("create the directory", path) }
    }

    /// The directory part of `path` (`.` when there is none).
    public static func parent(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
    }

    /// The last component of `path`.
    static func name(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return String(trimmed) }
        return String(trimmed[trimmed.index(after: slash)...])
    }

    static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
    }

    static func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    /// A unique hidden name next to `path`: `.name.<tag>-<pid>-<random>`.
    static func temporaryName(beside path: String, tag: String = "tmp") -> String {
        let directory = parent(of: path)
        let unique = "\(getpid())-\(String(UInt32.random(in: 0...UInt32.max), radix: 16))"
        return (directory == "." && !path.hasPrefix("./") ? "" : directory + (directory == "/" ? "" : "/")) + ".\(name(of: path)).\(tag)-\(unique)"
    }

    /// The error for a failed system call, with the system's message.
    static func error(_ operation: String, _ path: String) -> BaseIOError {
        .io(path: path, operation: operation, reason: String(cString: strerror(errno)))
    }
}
