#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Digests
import Foundation

extension ContentStore {
    /// Temporary files younger than this are assumed to belong to a write in progress and are left alone.
    static let staleTemporaryAge: TimeInterval = 3600

    /// Re-hashes every object with `threads` threads; moves each one whose bytes do not match its name
    /// to `quarantine/` and reports it. Also removes temporary files left by writes interrupted over an hour ago.
    public func fsck(threads: Int = 1, progress: (@Sendable (Int) -> Void)? = nil) throws(StoreError) -> FsckReport {
        let objects = try list()
        let results = ParallelHasher.hash(
            files: objects.map { objectPath(for: $0.digest) }, threads: threads, progress: progress)
        var corrupt = [FsckReport.CorruptObject]()
        var bytes: Int64 = 0
        for (object, result) in zip(objects, results) {
            switch result {
            case let .success(hash) where hash.digest == object.digest:
                bytes += hash.size
            case let .success(hash):
                bytes += hash.size
                corrupt.append(quarantine(object.digest, actual: hash.digest, reason: "content hashes to \(hash.digest)"))
            case let .failure(error):
                corrupt.append(quarantine(object.digest, actual: nil, reason: error.description))
            }
        }
        let removed = try removeStaleTemporaryFiles()
        return FsckReport(
            checkedObjects: objects.count, checkedBytes: bytes, corrupt: corrupt, removedTemporaryFiles: removed)
    }

    private func quarantine(_ digest: Digest, actual: Digest?, reason: String) -> FsckReport.CorruptObject {
        let source = objectPath(for: digest)
        var destination: String? = nil
        if (try? POSIXFile.makeDirectories(quarantineDirectory)) != nil {
            var candidate = quarantineDirectory + "/" + digest.hex
            var suffix = 1
            while POSIXFile.exists(candidate) {
                candidate = quarantineDirectory + "/" + digest.hex + "." + String(suffix)
                suffix += 1
            }
            if rename(source, candidate) == 0 { destination = candidate }
        }
        return FsckReport.CorruptObject(digest: digest, actual: actual, quarantinedAt: destination, reason: reason)
    }

    private func removeStaleTemporaryFiles() throws(StoreError) -> Int {
        let cutoff = Date().timeIntervalSince1970 - Self.staleTemporaryAge
        var removed = 0
        for name in try POSIXFile.names(in: temporaryDirectory) {
            let path = temporaryDirectory + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
                TimeInterval(info.st_mtim.tv_sec) < cutoff
            else { continue }
            if unlink(path) == 0 { removed += 1 }
        }
        return removed
    }
}
