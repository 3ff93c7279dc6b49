import Builder
import Foundation

/// Renders build events on stderr: on a terminal one live line per running step (name, percentage,
/// rate, ETA) that is replaced by its result; otherwise one plain line per step start and end.
final class BuildProgressPrinter: @unchecked Sendable {
    private let live: Bool
    private let quiet: Bool
    private let lock = NSLock()
    private var startedAt: [String: Date] = [:]

    /// A printer; `quiet` prints warnings only (for `--json`).
    init(quiet: Bool = false) {
        live = Console.stderrIsTerminal
        self.quiet = quiet
    }

    /// Handles one event.
    func handle(_ event: BuildEvent) {
        lock.lock()
        defer { lock.unlock() }
        switch event {
        case let .started(step, key):
            startedAt[step] = Date()
            if !quiet { line("\(step): running (key \(key.hex.prefix(12)))", final: !live) }
        case let .progress(step, progress):
            if live, !quiet { line(Self.progressText(step, progress, since: startedAt[step]), final: false) }
        case let .finished(step, cached, seconds):
            if !quiet { line(cached ? "\(step): cached" : "\(step): done in \(String(format: "%.1f", seconds)) s", final: true) }
        case let .skipped(step, status, reason):
            if !quiet { line("\(step): \(status.rawValue) — \(reason)", final: true) }
        case let .signed(keyPath, files, seconds):
            if !quiet { line("sign: signed \(files) files with \(keyPath) in \(String(format: "%.1f", seconds)) s (runs last, never cached)", final: true) }
        case let .unsigned(reason):
            if !quiet { line("sign: skipped — \(reason)", final: true) }
        case let .warning(message):
            line("warning: \(message)", final: true)
        }
    }

    private func line(_ text: String, final: Bool) {
        let prefix = live ? Console.eraseLine : ""
        FileHandle.standardError.write(Data((prefix + text + (final ? "\n" : "")).utf8))
    }

    static func progressText(_ step: String, _ progress: StepProgress, since start: Date?) -> String {
        var text = "\(step):"
        if let fraction = progress.fraction {
            text += String(format: " %5.1f%%", fraction * 100)
            if let start, fraction > 0.001, fraction < 1 {
                let elapsed = Date().timeIntervalSince(start)
                text += String(format: " ETA %.0f s", elapsed / fraction - elapsed)
            }
        }
        if let rate = progress.rate { text += String(format: " %.1f %@/s", rate, progress.unit) }
        return text
    }
}
