import Foundation

/// How far one download has got, reported to `FetchOptions.progress` (the library never writes to
/// the terminal itself; the CLI draws these as a progress line).
public struct FetchProgress: Sendable, Equatable {
    /// The source's id (the recipe's `id`, or the URL's last component for `glassbox data fetch`).
    public let source: String
    /// Bytes in the partial file so far (a resumed download starts above zero).
    public let bytes: Int64
    /// The expected final size, when the server said.
    public let total: Int64?
    /// Bytes per second since this download (or resumption) started.
    public let bytesPerSecond: Double
    /// True on the last report of this download.
    public let finished: Bool

    /// Creates a report.
    public init(source: String, bytes: Int64, total: Int64?, bytesPerSecond: Double, finished: Bool) {
        self.source = source
        self.bytes = bytes
        self.total = total
        self.bytesPerSecond = bytesPerSecond
        self.finished = finished
    }

    /// Seconds left at the current rate, when the total is known and bytes are flowing.
    public var secondsLeft: Double? {
        guard let total, bytesPerSecond > 0, total > bytes else { return nil }
        return Double(total - bytes) / bytesPerSecond
    }
}

/// Turns a download's byte counts into `FetchProgress` reports: nothing in the first second, then
/// at most five a second, and a final one if any was sent.
final class FetchProgressReporter {
    private let source: String
    private let report: @Sendable (FetchProgress) -> Void
    private let started = Date()
    private var startBytes: Int64?
    private var lastReport = Date.distantPast
    private var bytes: Int64 = 0
    private var reported = false
    /// The expected final size, when the server said.
    var total: Int64?

    /// nil when there is no callback.
    init?(source: String, report: (@Sendable (FetchProgress) -> Void)?) {
        guard let report else { return nil }
        self.source = source
        self.report = report
    }

    /// Records that the partial file now holds `bytes` bytes.
    func update(bytes: Int64) {
        if startBytes == nil { startBytes = bytes }
        self.bytes = bytes
        let now = Date()
        guard now.timeIntervalSince(started) >= 1, now.timeIntervalSince(lastReport) >= 0.2 else { return }
        lastReport = now
        send(now: now, finished: false)
    }

    /// Sends the final report (only when an earlier one was sent).
    func finish() {
        guard reported else { return }
        send(now: Date(), finished: true)
    }

    private func send(now: Date, finished: Bool) {
        let elapsed = max(now.timeIntervalSince(started), 0.001)
        let rate = Double(bytes - (startBytes ?? 0)) / elapsed
        report(FetchProgress(source: source, bytes: bytes, total: total, bytesPerSecond: rate, finished: finished))
        reported = true
    }
}
