/// What `ContentStore.collectGarbage` did (or, with `dryRun`, would do).
public struct GCReport: Codable, Sendable {
    /// Objects removed (or that would be removed), sorted by digest.
    public let removed: [StoredObject]
    /// Total size of the removed objects.
    public let bytesFreed: Int64
    /// Number of objects kept because something references them.
    public let keptObjects: Int
    /// Total size of the kept objects.
    public let keptBytes: Int64
    /// True when nothing was actually deleted because it was a dry run.
    public let dryRun: Bool
}
