#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A progress line on standard error for long hashing work: bytes done, percent, speed and ETA.
///
/// Drawn only when standard error is a terminal, and only once the work has run for a second, so
/// small inputs and scripts see nothing. Workers call `add` from any thread.
final class HashProgress: @unchecked Sendable {
    private let lock = NSLock()
    private let total: Int64
    private let label: String
    private var done: Int64 = 0
    private var finished = false
    private let start = Date()
    private var drawn = false

    /// Starts a progress line for `total` bytes (0 when unknown), or returns nil when stderr is not a terminal.
    static func start(label: String, total: Int64, enabled: Bool = true) -> HashProgress? {
        guard enabled, Console.stderrIsTerminal else { return nil }
        let progress = HashProgress(label: label, total: total)
        let thread = Thread { progress.drawLoop() }
        thread.start()
        return progress
    }

    private init(label: String, total: Int64) {
        self.label = label
        self.total = total
    }

    /// The closure to hand to a hasher: adds each chunk's size.
    var reporter: @Sendable (Int) -> Void { { [self] count in add(count) } }

    /// Counts `count` more bytes as done.
    func add(_ count: Int) {
        lock.lock()
        done += Int64(count)
        lock.unlock()
    }

    /// Stops drawing and clears the line.
    func finish() {
        lock.lock()
        finished = true
        let clear = drawn
        lock.unlock()
        if clear { Console.clearProgress() }
    }

    private func drawLoop() {
        while true {
            usleep(250_000)
            lock.lock()
            let (stop, bytes) = (finished, done)
            if !stop, Date().timeIntervalSince(start) >= 1 { drawn = true }
            let draw = drawn && !stop
            lock.unlock()
            if stop { return }
            if draw { Console.progress(line(bytes)) }
        }
    }

    private func line(_ bytes: Int64) -> String {
        let seconds = max(Date().timeIntervalSince(start), 0.001)
        let rate = Double(bytes) / seconds
        var text = "\(label) \(Console.bytes(bytes))"
        if total > 0 {
            let percent = Int(100 * Double(bytes) / Double(total))
            let eta = rate > 0 ? Int(Double(total - bytes) / rate) : 0
            text += " of \(Console.bytes(total)) (\(percent)%), ETA \(eta)s"
        }
        return text + ", \(Console.bytes(Int64(rate)))/s"
    }
}
