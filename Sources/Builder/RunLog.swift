import BaseIO
import Foundation

/// `build.log.jsonl` beside the release (`<release>.build.log.jsonl`): one JSON object per line with
/// timings, host and threads. It is appended to on every run and is not part of any digest.
public final class RunLog: @unchecked Sendable {
    private let url: URL
    private let lock = NSLock()

    /// The log for the release directory `release`.
    public init(release: URL) {
        url = release.deletingLastPathComponent().appendingPathComponent("\(release.lastPathComponent).build.log.jsonl")
    }

    /// The log file's location.
    public var location: URL { url }

    /// Appends one event (fields are strings or numbers), adding the time.
    public func append(_ fields: [String: String]) {
        var entry = fields
        entry["time"] = ISO8601DateFormatter().string(from: Date())
        guard let data = try? Data(CanonicalJSON.encode(entry)) else { return }
        lock.lock()
        defer { lock.unlock() }
        if !FileManager.default.fileExists(atPath: url.path) {
            _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        }
        guard let handle = try? FileHandle(forWritingTo: url) else { return }
        defer { try? handle.close() }
        _ = try? handle.seekToEnd()
        try? handle.write(contentsOf: data)
    }

    /// Records a build event.
    public func record(_ event: BuildEvent) {
        switch event {
        case let .started(step, key):
            append(["event": "started", "step": step, "key": key.description])
        case let .finished(step, cached, seconds):
            append(["event": cached ? "cached" : "finished", "step": step, "seconds": String(format: "%.3f", seconds)])
        case let .skipped(step, status, reason):
            append(["event": status.rawValue, "step": step, "reason": reason])
        case let .signed(keyPath, files, seconds):
            append(["event": "signed", "step": "sign", "key": keyPath, "files": String(files), "seconds": String(format: "%.3f", seconds)])
        case let .unsigned(reason):
            append(["event": "unsigned", "step": "sign", "reason": reason])
        case let .warning(message):
            append(["event": "warning", "message": message])
        case .progress:
            break
        }
    }
}
