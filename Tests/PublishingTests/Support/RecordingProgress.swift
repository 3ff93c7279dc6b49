import Publishing

/// Records the progress calls of a publish, for assertions.
final class RecordingProgress: PublishProgress {
    private(set) var started: [String] = []
    private(set) var sent: [String] = []
    private(set) var skipped: [String] = []
    private(set) var notes: [String] = []
    private(set) var lastBytes: Int64 = 0

    func started(_ path: String, size: Int64) { started.append(path) }
    func advanced(_ bytes: Int64) { lastBytes = bytes }
    func finished(_ path: String, size: Int64, skipped: Bool) {
        if skipped { self.skipped.append(path) } else { sent.append(path) }
    }
    func note(_ text: String) { notes.append(text) }
}
