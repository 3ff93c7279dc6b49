import Foundation

/// Crash-safe file output: write to a temporary name in the destination directory, fsync, rename,
/// fsync the directory. A crash leaves either the old file or the new one, never half of one.
public enum AtomicFile {
    /// Writes the file at `path` with the chunks `produce` passes to its sink.
    public static func write(
        to path: String, _ produce: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void
    ) throws(TransformerError) {
        let dir = (path as NSString).deletingLastPathComponent
        let tmp = (dir.isEmpty ? "." : dir) + "/.\((path as NSString).lastPathComponent).tmp-\(getpid())"
        let fd = open(tmp, O_CREAT | O_WRONLY | O_TRUNC, 0o644)
        guard fd >= 0 else { throw .io(path: tmp, reason: "cannot create (\(errnoText())); check that the directory exists and is writable") }
        do {
            try produce { chunk in
                var done = 0
                while done < chunk.count {
                    let n = Foundation.write(fd, chunk.baseAddress! + done, chunk.count - done)
                    if n < 0 {
                        if errno == EINTR { continue }
                        throw TransformerError.io(path: path, reason: "write failed (\(errnoText())); is the disk full?")
                    }
                    done += n
                }
            }
            guard fsync(fd) == 0 else { throw TransformerError.io(path: path, reason: "fsync failed (\(errnoText()))") }
        } catch {
            close(fd)
            unlink(tmp)
            throw error as? TransformerError ?? .io(path: path, reason: "\(error)")
        }
        close(fd)
        guard rename(tmp, path) == 0 else {
            let reason = errnoText()
            unlink(tmp)
            throw .io(path: path, reason: "cannot rename temporary file into place (\(reason))")
        }
        syncDirectory(dir.isEmpty ? "." : dir)
    }

    /// Writes `bytes` atomically to `path`.
    public static func write(_ bytes: [UInt8], to path: String) throws(TransformerError) {
        try write(to: path) { sink in try bytes.withUnsafeBytes { try sink($0) } }
    }

    /// fsyncs a directory so a rename inside it is durable.
    public static func syncDirectory(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY)
        if fd >= 0 {
            _ = fsync(fd)
            close(fd)
        }
    }

    /// Canonical JSON bytes (sorted keys, unescaped slashes, trailing newline).
    public static func canonicalJSON<T: Encodable>(_ value: T) throws(TransformerError) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return Array(try encoder.encode(value)) + [0x0A]
        } catch {
            throw .io(path: "<json>", reason: "cannot encode \(T.self): \(error)")
        }
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}
