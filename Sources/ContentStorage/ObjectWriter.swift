import BaseIO
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Digests
import Foundation

/// Streams one new object into the store: bytes go to a temporary file in the store's `tmp/` and
/// are hashed as they are written; `commit` fsyncs, checks the digest, and renames the file to its
/// real name. An uncommitted writer removes its temporary file when it is released.
///
/// Use it for content that arrives in pieces (downloads); `ContentStore.put` wraps it for files and data.
public final class ObjectWriter {
    /// The store being written to.
    public let store: ContentStore
    /// The temporary file receiving the bytes.
    public var temporaryPath: String { file?.temporaryPath ?? "" }
    private var file: AtomicFileWriter?
    private let hasher: SHA256Hasher
    private var written: Int64 = 0

    /// Opens a fresh temporary file in `store`'s `tmp/` folder (created if needed), through
    /// `BaseIO.AtomicFileWriter`; objects are read-only (0444) from the start.
    public init(store: ContentStore) throws(StoreError) {
        self.store = store
        do { hasher = try SHA256Hasher() } catch { throw StoreError.digest(error) }
        try POSIXFile.makeDirectories(store.temporaryDirectory)
        do { file = try AtomicFileWriter(temporaryIn: store.temporaryDirectory, permissions: 0o444) } catch {
            throw StoreError(error)
        }
    }

    /// Number of bytes written so far.
    public var byteCount: Int64 { written }

    /// Appends `buffer` to the object.
    public func write(_ buffer: UnsafeRawBufferPointer) throws(StoreError) {
        guard let file else { return }
        do { try file.write(buffer) } catch { throw StoreError(error) }
        hasher.update(buffer)
        written += Int64(buffer.count)
    }

    /// Appends the bytes of `bytes` to the object.
    public func write<Bytes: ContiguousBytes>(_ bytes: Bytes) throws(StoreError) {
        let result: Result<Void, StoreError> = bytes.withUnsafeBytes { buffer in
            do throws(StoreError) { try write(buffer) } catch { return .failure(error) }
            return .success(())
        }
        try result.get()
    }

    /// Finishes the object: fsync, compare with `expected` (if given), rename into place, fsync the folder.
    ///
    /// If the object is already stored (another process won the race), the temporary file is dropped.
    public func commit(expected: Digest? = nil, source: String = "<stream>") throws(StoreError) -> StoredObject {
        guard let file else { throw StoreError.io(path: store.temporaryDirectory, operation: "commit", reason: "already finished") }
        defer { abandon() }
        let digest = hasher.finalize()
        if let expected, expected != digest {
            throw StoreError.digestMismatch(expected: expected, actual: digest, source: source)
        }
        let object = StoredObject(digest: digest, size: written)
        let destination = store.objectPath(for: digest)
        if POSIXFile.exists(destination) { return object }
        let folder = POSIXFile.parentDirectory(of: destination)
        let newFolder = !POSIXFile.exists(folder)
        try POSIXFile.makeDirectories(folder)
        do { try file.commit(to: destination) } catch { throw StoreError(error) }
        if newFolder { try POSIXFile.fsyncDirectory(POSIXFile.parentDirectory(of: folder)) }
        return object
    }

    /// Drops the object: closes and removes the temporary file. Safe to call more than once.
    public func abandon() {
        file = nil
    }
}

extension StoreError {
    /// A `BaseIO` file error as the store reports it.
    init(_ error: BaseIOError) {
        if case let .io(path, operation, reason) = error {
            self = reason == String(cString: strerror(ENOSPC))
                ? .diskFull(path: path) : .io(path: path, operation: operation, reason: reason)
        } else {
            self = .io(path: "", operation: "write", reason: error.description)
        }
    }
}
