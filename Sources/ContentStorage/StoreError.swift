import Digests

/// Everything that can go wrong in the content store; each message names the path or digest and what to do.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A system call (`operation`) failed on `path` with the C library's message `reason`.
    case io(path: String, operation: String, reason: String)
    /// The store directory (or a folder in it) cannot be written: read-only file system or no permission.
    case notWritable(path: String, reason: String)
    /// The file system holding the store is full.
    case diskFull(path: String)
    /// No object with this digest is in the store at `root`.
    case objectNotFound(Digest, root: String)
    /// Content was expected to have digest `expected` but hashed to `actual` (`source` names where it came from).
    case digestMismatch(expected: Digest, actual: Digest, source: String)
    /// A stored object's bytes no longer match its name: run `glassbox store fsck`.
    case corruptObject(Digest, actual: Digest, path: String)
    /// A lock file given to gc could not be read or is not JSON.
    case invalidLockFile(path: String, reason: String)
    /// An export destination already exists and is not an empty directory.
    case destinationExists(path: String)
    /// Hashing or manifest handling failed (the underlying `DigestError`).
    case digest(DigestError)

    public var description: String {
        switch self {
        case let .io(path, operation, reason):
            "cannot \(operation) '\(path)': \(reason)"
        case let .notWritable(path, reason):
            "the store cannot write '\(path)': \(reason); make it writable, or point GLASSBOX_HOME at a writable directory"
        case let .diskFull(path):
            "no space left on the device holding '\(path)'; free some space (`glassbox store gc --keep LOCK…`) "
                + "or point GLASSBOX_HOME at a larger disk. Nothing was stored"
        case let .objectNotFound(digest, root):
            "object \(digest) is not in the store at '\(root)'; import it first (`glassbox store import`)"
        case let .digestMismatch(expected, actual, source):
            "'\(source)' has digest \(actual), expected \(expected); the content changed or the expected digest "
                + "is wrong. Nothing was stored"
        case let .corruptObject(digest, actual, path):
            "stored object \(digest) at '\(path)' now hashes to \(actual); run `glassbox store fsck` to quarantine it, "
                + "then import it again"
        case let .invalidLockFile(path, reason):
            "cannot read lock file '\(path)': \(reason); gc needs JSON lock files (e.g. recipe.lock.json)"
        case let .destinationExists(path):
            "'\(path)' already exists and is not an empty directory; choose a new destination or remove it"
        case let .digest(error):
            error.description
        }
    }
}
