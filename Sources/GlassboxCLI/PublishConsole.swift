import Foundation
import Publishing

/// Per-file progress of `glassbox publish` on standard error: on a terminal a line redrawn in place
/// (file, bytes, rate, ETA) and one line per finished file; otherwise one line per finished file.
final class PublishConsole: PublishProgress {
    private let enabled: Bool
    private let terminal = isatty(2) == 1
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
        let line = String(format: "\r%@  %.1f / %.1f MiB  %.1f MiB/s  ETA %.0f s\u{1B}[K",
                          current.path, Double(bytes) / 1_048_576, Double(current.size) / 1_048_576, rate / 1_048_576, eta)
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finished(_ path: String, size: Int64, skipped: Bool) {
        current = nil
        guard enabled else { return }
        clear()
        let verb = skipped ? "already there" : "sent"
        FileHandle.standardError.write(Data("\(verb) \(path) (\(size) bytes)\n".utf8))
    }

    func note(_ text: String) {
        guard enabled else { return }
        clear()
        FileHandle.standardError.write(Data("\(text)\n".utf8))
    }

    /// Erases the progress line on a terminal.
    func clear() {
        if enabled, terminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
