import Digests
import Foundation

/// Streaming SHA-256 of files on disk.
enum FileHashing {
    /// The digest and size of the file at `url`, read in 1 MiB chunks.
    static func digestAndSize(of url: URL, source: String) throws(FetchError) -> (Digest, Int64) {
        let handle: FileHandle
        do { handle = try FileHandle(forReadingFrom: url) } catch {
            throw .fileUnreadable(source: source, path: url.path, reason: error.localizedDescription)
        }
        defer { try? handle.close() }
        let hasher: SHA256Hasher
        do { hasher = try SHA256Hasher() } catch {
            throw .fileUnreadable(source: source, path: url.path, reason: error.description)
        }
        var size: Int64 = 0
        while true {
            let chunk: Data?
            do { chunk = try handle.read(upToCount: 1 << 20) } catch {
                throw .fileUnreadable(source: source, path: url.path, reason: error.localizedDescription)
            }
            guard let chunk, !chunk.isEmpty else { break }
            hasher.update(chunk)
            size += Int64(chunk.count)
        }
        return (hasher.finalize(), size)
    }

    /// The digest of the file at `url`.
    static func digest(of url: URL, source: String) throws(FetchError) -> Digest {
        try digestAndSize(of: url, source: source).0
    }
}
