#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Digests
import Foundation

extension ContentStore {
    /// Manifests larger than this are not opened when following references (no real tree needs one).
    static let largestManifest: Int64 = 256 << 20

    /// Removes every object not referenced by any of the JSON lock files at `lockFiles`.
    ///
    /// A referenced object that is a directory manifest keeps the files it lists too.
    public func collectGarbage(keepingLockFiles lockFiles: [String], dryRun: Bool = false) throws(StoreError) -> GCReport {
        var roots = Set<Digest>()
        for path in lockFiles { roots.formUnion(try LockReferences.digests(inLockFile: path)) }
        return try collectGarbage(keeping: roots, dryRun: dryRun)
    }

    /// Removes every object that is not in `roots` and not listed by a manifest in `roots`.
    public func collectGarbage(keeping roots: Set<Digest>, dryRun: Bool = false) throws(StoreError) -> GCReport {
        let live = expandManifests(roots)
        var removed = [StoredObject]()
        var keptObjects = 0
        var keptBytes: Int64 = 0
        for object in try list() {
            if live.contains(object.digest) {
                keptObjects += 1
                keptBytes += object.size
                continue
            }
            if !dryRun {
                let path = objectPath(for: object.digest)
                guard unlink(path) == 0 || errno == ENOENT else { throw POSIXFile.error("remove", path) }
            }
            removed.append(object)
        }
        let freed = removed.reduce(Int64(0)) { $0 + $1.size }
        return GCReport(removed: removed, bytesFreed: freed, keptObjects: keptObjects, keptBytes: keptBytes, dryRun: dryRun)
    }

    /// `roots` plus every digest listed by a stored manifest among them.
    private func expandManifests(_ roots: Set<Digest>) -> Set<Digest> {
        var live = roots
        for digest in roots where isManifest(digest) {
            if let manifest = try? manifest(digest) { live.formUnion(manifest.entries.map(\.digest)) }
        }
        return live
    }

    /// True when the stored object starts like a canonical manifest (cheap check before parsing).
    private func isManifest(_ digest: Digest) -> Bool {
        let path = objectPath(for: digest)
        guard let size = POSIXFile.size(path), size > 0, size <= Self.largestManifest,
            let handle = FileHandle(forReadingAtPath: path)
        else { return false }
        defer { try? handle.close() }
        let prefix = Array("{\"entries\":[".utf8)
        let head = (try? handle.read(upToCount: prefix.count)) ?? Data()
        return head.elementsEqual(prefix)
    }
}
