import Foundation

/// Hashes many files over several threads; results come back in the order the paths were given.
///
/// Each thread owns one `FileHasher` (one buffer); threads take the next unhashed file from a shared
/// counter, so one large file never holds up the others. The digests do not depend on `threads`.
public enum ParallelHasher {
    /// Hashes every path in `paths` with up to `threads` threads (at least 1).
    ///
    /// A file that cannot be read gives a `.failure` in its slot; the others are still hashed.
    /// `progress` is called from the worker threads with the size of each chunk hashed.
    public static func hash(
        files paths: [String], threads: Int,
        bufferSize: Int = FileHasher.defaultBufferSize,
        progress: (@Sendable (Int) -> Void)? = nil
    ) -> [Result<FileHash, DigestError>] {
        let queue = WorkQueue(count: paths.count)
        let workers = max(1, min(threads, paths.count))
        let work: @Sendable () -> Void = {
            let hasher = FileHasher(bufferSize: bufferSize)
            while let index = queue.next() {
                let result: Result<FileHash, DigestError>
                do throws(DigestError) {
                    result = .success(try hasher.hash(fileAt: paths[index], progress: progress))
                } catch {
                    result = .failure(error)
                }
                queue.store(result, at: index)
            }
        }
        let group = DispatchGroup()
        for _ in 1..<max(1, workers) {
            group.enter()
            let thread = Thread {
                work()
                group.leave()
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        work()
        group.wait()
        return queue.results()
    }

    /// Like `hash(files:threads:)`, but throws the first failure (in input order) instead of returning it.
    public static func hashAll(
        files paths: [String], threads: Int, progress: (@Sendable (Int) -> Void)? = nil
    ) throws(DigestError) -> [FileHash] {
        var hashes = [FileHash]()
        hashes.reserveCapacity(paths.count)
        for result in hash(files: paths, threads: threads, progress: progress) {
            hashes.append(try result.get())
        }
        return hashes
    }
}

/// The shared counter and result slots of one `ParallelHasher.hash` call.
private final class WorkQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var nextIndex = 0
    private let count: Int
    private var slots: [Result<FileHash, DigestError>?]

    init(count: Int) {
        self.count = count
        slots = Array(repeating: nil, count: count)
    }

    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard nextIndex < count else { return nil }
        nextIndex += 1
        return nextIndex - 1
    }

    func store(_ result: Result<FileHash, DigestError>, at index: Int) {
        lock.lock()
        slots[index] = result
        lock.unlock()
    }

    func results() -> [Result<FileHash, DigestError>] {
        lock.lock()
        defer { lock.unlock() }
        return slots.enumerated().map { index, slot in
            slot ?? .failure(.io(path: "#\(index)", operation: "hash", reason: "not hashed"))
        }
    }
}
