import Digests
import Foundation

/// SHA-256 of many files on all cores: one file per worker at a time, largest files first, each read
/// sequentially in 4 MiB blocks through OpenSSL's SHA-256 (SHA-NI where the CPU has it).
///
/// A single file is hashed by one core (SHA-256 is sequential); a release of several shards uses
/// them all. Results do not depend on the number of threads.
public struct ParallelFileHasher: Sendable {
    /// Worker threads (default: active processor count).
    public let threads: Int

    /// A hasher using `threads` workers (at least 1).
    public init(threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.threads = max(1, threads)
    }

    /// The digest and size of each file in `paths` (relative to `directory`).
    public func hash(
        _ paths: [String], in directory: URL
    ) throws(VerificationError) -> [String: (digest: Digest, size: Int)] {
        let urls = paths.map { directory.appendingPathComponent($0) }
        let sizes = urls.map { (try? FileManager.default.attributesOfItem(atPath: $0.path)[.size] as? Int) ?? 0 }
        let order = paths.indices.sorted { sizes[$0] > sizes[$1] }
        let results = ResultBox(count: paths.count)
        let workers = min(threads, max(1, paths.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = results.nextIndex(order) {
                results.store(index, Result { () throws(VerificationError) in try Self.hashFile(at: urls[index]) })
            }
        }
        var out: [String: (digest: Digest, size: Int)] = [:]
        for (index, path) in paths.enumerated() {
            out[path] = try results.value(at: index)
        }
        return out
    }

    /// The digest and size of one file, read sequentially.
    public static func hashFile(at url: URL) throws(VerificationError) -> (digest: Digest, size: Int) {
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .io(path: url.path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        #if os(Linux)
            _ = posix_fadvise(descriptor, 0, 0, Int32(POSIX_FADV_SEQUENTIAL))
        #endif
        let hasher: SHA256Hasher
        do { hasher = try SHA256Hasher() } catch { throw .io(path: url.path, reason: error.description) }
        let blockSize = 4 << 20
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: blockSize, alignment: 64)
        defer { buffer.deallocate() }
        var total = 0
        while true {
            let got = read(descriptor, buffer.baseAddress, blockSize)
            if got < 0 {
                if errno == EINTR { continue }
                throw .io(path: url.path, reason: String(cString: strerror(errno)))
            }
            if got == 0 { break }
            hasher.update(UnsafeRawBufferPointer(rebasing: buffer[0..<got]))
            total += got
        }
        return (hasher.finalize(), total)
    }
}

/// Work queue and result slots shared by the hashing workers, guarded by one lock.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var slots: [Result<(digest: Digest, size: Int), VerificationError>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func nextIndex(_ order: [Int]) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < order.count else { return nil }
        next += 1
        return order[next - 1]
    }

    func store(_ index: Int, _ result: Result<(digest: Digest, size: Int), VerificationError>) {
        lock.lock()
        slots[index] = result
        lock.unlock()
    }

    func value(at index: Int) throws(VerificationError) -> (digest: Digest, size: Int) {
        lock.lock()
        let slot = slots[index]
        lock.unlock()
        guard let slot else { throw .io(path: "#\(index)", reason: "file was not hashed") }
        return try slot.get()
    }
}
