#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ContentStorage
import Digests
import Foundation

/// What the builder keeps beside the objects, under `<store>/builder/`: step records (`steps/`),
/// materialised outputs (`outputs/`), checkpoints of interrupted builds (`scratch/`), work folders and
/// their locks (`work/`). `store ls` counts it and `store gc` collects what no kept lock names.
public struct BuilderStorage: Sendable {
    /// One area of `builder/` and its size.
    public struct Area: Codable, Sendable, Equatable {
        /// `steps`, `outputs`, `scratch` or `work`.
        public let name: String
        /// Entries directly under it (records, folders, lock files).
        public var entries: Int
        /// Bytes of the regular files under it.
        public var bytes: Int64
    }

    /// What `collect` removed (or would remove).
    public struct Collection: Codable, Sendable {
        /// Paths relative to `builder/`, sorted.
        public var removed: [String]
        /// Bytes of the regular files under them.
        public var bytesFreed: Int64
        /// Lock files skipped because a running build holds them.
        public var busy: [String]
    }

    /// `<store>/builder`.
    public let root: URL

    /// The builder storage of the store at `storeRoot`.
    public init(storeRoot: String) {
        root = URL(fileURLWithPath: storeRoot).appendingPathComponent("builder")
    }

    /// The four areas with their sizes (zero when absent).
    public func usage() -> [Area] {
        ["steps", "outputs", "scratch", "work"].map { name in
            let names = entries(name)
            return Area(name: name, entries: names.count, bytes: names.reduce(0) { $0 + Self.size(of: root.appendingPathComponent("\(name)/\($1)")) })
        }
    }

    /// Removes every step record, materialised output, scratch folder and work folder whose key (or
    /// manifest) is not in `keys`, and every lock file no running build holds.
    public func collect(keeping keys: Set<Digest>, dryRun: Bool) -> Collection {
        let kept = Set(keys.map(\.hex))
        var result = Collection(removed: [], bytesFreed: 0, busy: [])
        for area in ["steps", "outputs", "scratch", "work"] {
            for name in entries(area) {
                let relative = "\(area)/\(name)"
                let url = root.appendingPathComponent(relative)
                let bytes = Self.size(of: url)
                if name.hasSuffix(".lock") {
                    guard removeUnheldLock(url, dryRun: dryRun) else { result.busy.append(relative); continue }
                } else {
                    let hex = name.hasSuffix(".json") ? String(name.dropLast(5)) : name
                    if kept.contains(hex) || (area == "work" && isHeld(url.appendingPathExtension("lock"))) { continue }
                    if !dryRun { try? FileManager.default.removeItem(at: url) }
                }
                result.bytesFreed += bytes
                result.removed.append(relative)
            }
        }
        result.removed.sort()
        return result
    }

    private func entries(_ area: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(area).path)) ?? []).sorted()
    }

    /// Removes a stale lock file while holding its lock (so no build can be inside it); false when a
    /// running build holds it.
    private func removeUnheldLock(_ url: URL, dryRun: Bool) -> Bool {
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return true }
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else { return false }
        if !dryRun { unlink(url.path) }
        flock(descriptor, LOCK_UN)
        return true
    }

    /// True when another process holds the `flock` on `url` (a build is running that step).
    private func isHeld(_ url: URL) -> Bool {
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else { return true }
        flock(descriptor, LOCK_UN)
        return false
    }

    /// Bytes of the regular files at or under `url` (symbolic links are not followed).
    static func size(of url: URL) -> Int64 {
        var status = stat()
        guard lstat(url.path, &status) == 0 else { return 0 }
        if status.st_mode & S_IFMT == S_IFREG { return Int64(status.st_size) }
        guard status.st_mode & S_IFMT == S_IFDIR else { return 0 }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.reduce(0) { $0 + size(of: url.appendingPathComponent($1)) }
    }
}
