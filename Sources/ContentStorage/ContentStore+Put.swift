import BaseIO
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Digests
import Foundation

extension ContentStore {
    /// Size of the buffer `put(fileAt:)` copies through (one buffer per call).
    static let copyBufferSize = 1 << 20

    /// Stores the file at `path` (`-` for standard input), streaming it; returns its digest and size.
    ///
    /// With `expected`, the content must hash to it or nothing is stored (`.digestMismatch`).
    /// When `expected` is already stored, the file is only hashed (not copied) to confirm it.
    @discardableResult
    public func put(fileAt path: String, expected: Digest? = nil) throws(StoreError) -> StoredObject {
        if let expected, path != "-", has(expected) { return try confirm(fileAt: path, expected: expected) }
        let descriptor = path == "-" ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw POSIXFile.error("open", path) }
        defer { if descriptor != STDIN_FILENO { close(descriptor) } }
        var info = stat()
        if fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            throw StoreError.digest(.isDirectory(path: path))
        }
        let writer = try ObjectWriter(store: self)
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: Self.copyBufferSize, alignment: 4096)
        defer { buffer.deallocate() }
        while true {
            let count = read(descriptor, buffer, Self.copyBufferSize)
            if count < 0 {
                if errno == EINTR { continue }
                throw POSIXFile.error("read", path)
            }
            if count == 0 { break }
            try writer.write(UnsafeRawBufferPointer(start: buffer, count: count))
        }
        return try writer.commit(expected: expected, source: path)
    }

    private func confirm(fileAt path: String, expected: Digest) throws(StoreError) -> StoredObject {
        let hash: FileHash
        do { hash = try FileHasher(bufferSize: Self.copyBufferSize).hash(fileAt: path) } catch {
            throw StoreError.digest(error)
        }
        guard hash.digest == expected else {
            throw StoreError.digestMismatch(expected: expected, actual: hash.digest, source: path)
        }
        return StoredObject(digest: expected, size: hash.size)
    }

    /// Stores `bytes` held in memory.
    @discardableResult
    public func put<Bytes: ContiguousBytes>(
        bytes: Bytes, expected: Digest? = nil, source: String = "<data>"
    ) throws(StoreError) -> StoredObject {
        let digest = Digest.sha256(of: bytes)
        if let expected, expected != digest {
            throw StoreError.digestMismatch(expected: expected, actual: digest, source: source)
        }
        if has(digest), let size = POSIXFile.size(objectPath(for: digest)) { return StoredObject(digest: digest, size: size) }
        let writer = try ObjectWriter(store: self)
        try writer.write(bytes)
        return try writer.commit(expected: digest, source: source)
    }

    /// Copies a stored object to `destination` atomically (temporary file, fsync, rename), checking its digest.
    public func export(_ digest: Digest, to destination: String) throws(StoreError) {
        let source = try path(for: digest)
        try Self.copyVerified(from: source, digest: digest, to: destination)
    }

    static func copyVerified(from source: String, digest: Digest, to destination: String) throws(StoreError) {
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw POSIXFile.error("open", source) }
        defer { close(input) }
        let output: AtomicFileWriter
        do { output = try AtomicFileWriter(path: destination, permissions: 0o644) } catch { throw StoreError(error) }
        let actual = try copyHashing(from: input, source: source, to: output)
        guard actual == digest else { throw StoreError.corruptObject(digest, actual: actual, path: source) }
        do { try output.commit() } catch { throw StoreError(error) }
    }

    private static func copyHashing(
        from input: Int32, source: String, to output: AtomicFileWriter
    ) throws(StoreError) -> Digest {
        let hasher: SHA256Hasher
        do { hasher = try SHA256Hasher() } catch { throw StoreError.digest(error) }
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: copyBufferSize, alignment: 4096)
        defer { buffer.deallocate() }
        while true {
            let count = read(input, buffer, copyBufferSize)
            if count < 0 {
                if errno == EINTR { continue }
                throw POSIXFile.error("read", source)
            }
            if count == 0 { break }
            let chunk = UnsafeRawBufferPointer(start: buffer, count: count)
            do { try output.write(chunk) } catch { throw StoreError(error) }
            hasher.update(chunk)
        }
        return hasher.finalize()
    }
}
