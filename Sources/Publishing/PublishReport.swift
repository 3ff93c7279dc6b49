/// What a publish did (or, with `--dry-run`, would do); the `--json` output of `glassbox publish`.
public struct PublishReport: Codable, Sendable, Equatable {
    /// The target, without user information.
    public var target: String
    /// `directory`, `webdav` or `git`.
    public var kind: String
    /// Files sent (or to send, in a dry run), in order.
    public var sent: [String] = []
    /// Files already at the target with the same content.
    public var skipped: [String] = []
    /// Bytes sent (or to send).
    public var bytesSent: Int64 = 0
    /// Git LFS objects uploaded (git targets).
    public var lfsObjectsSent = 0
    /// The commit now at the tip of the branch (git targets).
    public var commit: String?
    /// True when the target already held this release and nothing was changed.
    public var unchanged = false
    /// True for `--dry-run`.
    public var dryRun = false

    enum CodingKeys: String, CodingKey {
        case target, kind, sent, skipped, commit, unchanged
        case bytesSent = "bytes_sent"
        case lfsObjectsSent = "lfs_objects_sent"
        case dryRun = "dry_run"
    }

    /// An empty report for `target`.
    public init(target: String, kind: String, dryRun: Bool) {
        self.target = target
        self.kind = kind
        self.dryRun = dryRun
    }
}
