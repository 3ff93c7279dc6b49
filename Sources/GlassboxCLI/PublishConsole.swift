import Foundation
import Publishing

/// Per-file progress of `glassbox publish` on standard error: on a terminal a line redrawn in place
/// (file, bytes, rate, ETA) and one line per finished file; otherwise one line per finished file.
final class PublishConsole: PublishProgress {
    private let enabled: Bool
    private let terminal = Console.stderrIsTerminal
    private var current: (path: String, size: Int64, start: Date)?
    private var lastDraw = Date.distantPast

    init(enabled: Bool) { self.enabled = enabled }

    func started(_ path: String, size: Int64) {
        current = (path, size, Date())
        advanced(0)
    }

    func advanced(_ bytes: Int64) {
        guard enabled, terminal, let current else { return }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.2 || bytes == current.size else { return }
        lastDraw = now
        let elapsed = max(now.timeIntervalSince(current.start), 0.001)
        let rate = Double(bytes) / elapsed
        let eta = rate > 0 ? Double(current.size - bytes) / rate : 0
        Console.progress(String(format: "%@  %.1f / %.1f MiB  %.1f MiB/s  ETA %.0f s",
                                current.path, Double(bytes) / 1_048_576, Double(current.size) / 1_048_576, rate / 1_048_576, eta))
    }

    func finished(_ path: String, size: Int64, skipped: Bool) {
        current = nil
        guard enabled else { return }
        clear()
        let verb = skipped ? "already there" : "sent"
        Console.note("\(verb) \(path) (\(size) bytes)")
    }

    func note(_ text: String) {
        guard enabled else { return }
        clear()
        Console.note(text)
    }

    /// Erases the progress line on a terminal.
    func clear() {
        if enabled, terminal { Console.clearProgress() }
    }
}
