import Digests
import Foundation

/// SHA-256 of the files of a release on all cores, through the Digests module's `ParallelHasher`
/// (one `FileHasher` per thread, OpenSSL SHA-256). Files are handed out largest first so that a big
/// shard starts early; a single file is hashed by one core (SHA-256 is sequential). Results do not
/// depend on the number of threads.
public struct ParallelFileHasher: Sendable {
    /// Called from the workers with the bytes hashed so far and the total.
    public typealias Progress = @Sendable (_ done: Int, _ total: Int) -> Void

    /// Worker threads (default: active processor count).
    public let threads: Int
    /// Progress callback, or nil.
    public let progress: Progress?

    /// A hasher using `threads` workers (at least 1).
    public init(threads: Int = ProcessInfo.processInfo.activeProcessorCount, progress: Progress? = nil) {
        self.threads = max(1, threads)
        self.progress = progress
    }

    /// The digest and size of each file in `paths` (relative to `directory`).
    public func hash(
        _ paths: [String], in directory: URL
    ) throws(VerificationError) -> [String: (digest: Digest, size: Int)] {
        let urls = paths.map { directory.appendingPathComponent($0) }
        let sizes = urls.map { url -> Int in
            var info = stat()
            return lstat(url.path, &info) == 0 ? Int(info.st_size) : 0
        }
        let order = paths.indices.sorted { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : paths[$0] < paths[$1] }
        var onChunk: (@Sendable (Int) -> Void)?
        if let progress {
            let counter = ProgressCounter(total: sizes.reduce(0, +), report: progress)
            onChunk = { counter.advance(by: $0) }
        }
        let results = ParallelHasher.hash(files: order.map { urls[$0].path }, threads: threads, progress: onChunk)
        var out: [String: (digest: Digest, size: Int)] = [:]
        for (position, index) in order.enumerated() {
            switch results[position] {
            case let .success(hash): out[paths[index]] = (hash.digest, Int(hash.size))
            case let .failure(error): throw .io(path: urls[index].path, reason: error.description)
            }
        }
        return out
    }

    /// The digest and size of one file.
    public static func hashFile(at url: URL) throws(VerificationError) -> (digest: Digest, size: Int) {
        do {
            let hash = try FileHasher().hash(fileAt: url.path)
            return (hash.digest, Int(hash.size))
        } catch {
            throw .io(path: url.path, reason: error.description)
        }
    }
}

/// Sums the chunk sizes reported by the hashing threads and forwards the running total.
private final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private let total: Int
    private let report: ParallelFileHasher.Progress

    init(total: Int, report: @escaping ParallelFileHasher.Progress) {
        self.total = total
        self.report = report
    }

    func advance(by bytes: Int) {
        lock.lock()
        done += bytes
        let now = done
        lock.unlock()
        report(now, total)
    }
}
