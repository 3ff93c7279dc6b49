/// Everything that can go wrong while hashing or parsing digests; each case says what to do next.
public enum DigestError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `text` is not a valid `sha256:<64 hex>` digest.
    case malformedDigest(String, reason: String)
    /// OpenSSL reported a failure in `operation`.
    case openSSL(operation: String, detail: String)
    /// A system call (`operation`, e.g. "open") failed on `path` with the C library's message `reason`.
    case io(path: String, operation: String, reason: String)
    /// `path` is a directory where a file was needed.
    case isDirectory(path: String)
    /// A directory tree holds `path`, which is not a regular file or directory (`kind`: "symbolic link", "FIFO", …).
    case unsupportedFileType(path: String, kind: String)
    /// A file name under a hashed directory is not valid UTF-8 (shown with invalid bytes replaced).
    case invalidFileName(path: String)
    /// A manifest is not canonical or not well formed (`reason` says which entry and why).
    case invalidManifest(reason: String)
    /// A checksum list (sha256sum format) could not be read: `reason`, at `file` line `line`.
    case malformedChecksumLine(file: String, line: Int, reason: String)

    public var description: String {
        switch self {
        case let .malformedDigest(text, reason):
            "malformed digest '\(text.prefix(100))': \(reason)"
        case let .openSSL(operation, detail):
            "OpenSSL failed in \(operation): \(detail)"
        case let .io(path, operation, reason):
            "cannot \(operation) '\(path)': \(reason); check that it exists and is readable"
        case let .isDirectory(path):
            "'\(path)' is a directory; give a file, or hash the directory as a whole (`glassbox hash DIR`)"
        case let .unsupportedFileType(path, kind):
            "'\(path)' is a \(kind); manifests hold only regular files and directories. "
                + "Replace it with the file it stands for, or move it out of the tree"
        case let .invalidFileName(path):
            "the name of '\(path)' is not valid UTF-8; rename the file so its name is UTF-8"
        case let .invalidManifest(reason):
            "invalid manifest: \(reason)"
        case let .malformedChecksumLine(file, line, reason):
            "\(file):\(line): \(reason)"
        }
    }
}
