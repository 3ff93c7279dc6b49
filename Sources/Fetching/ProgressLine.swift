import Foundation

/// A one-line progress display on standard error: bytes so far, total, rate and ETA.
///
/// Nothing is shown during the first second. On a terminal the line is redrawn in place (`\r`) at
/// most 5 times a second; with
/// `ProgressMode.always` and no terminal, a plain line is printed at most once every 5 seconds.
final class ProgressLine {
    private let label: String
    private let interactive: Bool
    private let interval: Double
    private let started = Date()
    private var startBytes: Int64?
    private var lastDraw = Date.distantPast
    private var lastBytes: Int64 = 0
    private var drawn = false
    /// The expected final size, when the server said.
    var total: Int64?

    /// Returns nil when `mode` says no progress is shown here.
    init?(label: String, mode: ProgressMode) {
        let terminal = isatty(STDERR_FILENO) == 1
        switch mode {
        case .never: return nil
        case .auto where !terminal: return nil
        default: break
        }
        self.label = label
        self.interactive = terminal
        self.interval = terminal ? 0.2 : 5
    }

    /// Records that the file now holds `bytes` bytes; redraws if enough time has passed.
    func update(bytes: Int64) {
        if startBytes == nil { startBytes = bytes }
        lastBytes = bytes
        let now = Date()
        guard now.timeIntervalSince(started) >= 1, now.timeIntervalSince(lastDraw) >= interval else { return }
        lastDraw = now
        draw(now: now)
    }

    /// Draws the final state and ends the line.
    func finish() {
        guard drawn else { return }
        draw(now: Date())
        if interactive { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    private func draw(now: Date) {
        let elapsed = max(now.timeIntervalSince(started), 0.001)
        let rate = Double(lastBytes - (startBytes ?? 0)) / elapsed
        var text = "\(label): \(Self.format(lastBytes))"
        if let total, total > 0 {
            text += " / \(Self.format(total)) (\(Int(100 * Double(lastBytes) / Double(total)))%)"
        }
        text += ", \(Self.format(Int64(rate)))/s"
        if let total, rate > 0, total > lastBytes {
            text += ", ETA \(Int((Double(total - lastBytes) / rate).rounded(.up)))s"
        }
        let line = interactive ? "\r\u{1B}[K" + text : text + "\n"
        FileHandle.standardError.write(Data(line.utf8))
        drawn = true
    }

    static func format(_ bytes: Int64) -> String {
        let units = ["B", "KB", "MB", "GB", "TB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1000, unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        return unit == 0 ? "\(bytes) B" : String(format: "%.1f", value) + " " + units[unit]
    }
}
