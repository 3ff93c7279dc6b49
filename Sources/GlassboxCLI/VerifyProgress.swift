import Foundation
import Verification

/// A one-line progress display on standard error for hashing (bytes, GB/s, ETA), only when standard
/// error is a terminal, at most every 0.2 s.
final class VerifyProgress: @unchecked Sendable {
    private let lock = NSLock()
    private let start = Date()
    private var last = Date.distantPast

    /// A progress callback, or nil when standard error is not a terminal.
    static func forStandardError() -> ParallelFileHasher.Progress? {
        guard Console.stderrIsTerminal else { return nil }
        let line = VerifyProgress()
        return { done, total in line.update(done: done, total: total) }
    }

    /// Erases the progress line (no-op when not a terminal).
    static func clear() {
        if Console.stderrIsTerminal { Console.clearProgress() }
    }

    private func update(done: Int, total: Int) {
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(last) >= 0.2 || done == total else { return }
        last = now
        let elapsed = max(now.timeIntervalSince(start), 0.001)
        let rate = Double(done) / elapsed
        let eta = rate > 0 ? Double(total - done) / rate : 0
        Console.progress(String(
            format: "hashing %.0f / %.0f MiB  %.2f GB/s  ETA %.0f s",
            Double(done) / 1_048_576, Double(total) / 1_048_576, rate / 1e9, eta))
    }
}
