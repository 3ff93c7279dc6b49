import Foundation
import Verification

/// The LFS objects of a repository on this machine (`git+file://`): git-lfs's standalone file adapter
/// reads them from `<repo>/lfs/objects/aa/bb/<oid>` (bare) or `<repo>/.git/lfs/objects/…`. Each object
/// is written to a temporary name, fsynced and renamed; one already there with the right digest is kept.
struct LocalLFSStore {
    let objects: URL

    /// The store of the repository at `path`.
    init(repository path: String) {
        let root = URL(fileURLWithPath: path)
        let nonBare = root.appendingPathComponent(".git")
        var isDirectory: ObjCBool = false
        let base = FileManager.default.fileExists(atPath: nonBare.path, isDirectory: &isDirectory) && isDirectory.boolValue ? nonBare : root
        objects = base.appendingPathComponent("lfs/objects")
    }

    /// Stores what is missing of `files`; returns (objects, bytes) written.
    func store(_ files: [ReleaseFile], progress: PublishProgress?) throws(PublishError) -> (count: Int, bytes: Int64) {
        var written = (count: 0, bytes: Int64(0))
        for file in files {
            let hex = file.digest.hex
            let folder = objects.appendingPathComponent(String(hex.prefix(2))).appendingPathComponent(String(hex.dropFirst(2).prefix(2)))
            let target = folder.appendingPathComponent(hex)
            if (try? ParallelFileHasher.hashFile(at: target))?.digest == file.digest {
                progress?.finished(file.path, size: file.size, skipped: true)
                continue
            }
            progress?.started(file.path, size: file.size)
            let single = ReleaseFile(path: hex, size: file.size, digest: file.digest, url: file.url)
            _ = try DirectoryTarget(root: folder).publish(singleFile: single, progress: progress)
            progress?.finished(file.path, size: file.size, skipped: false)
            written.count += 1
            written.bytes += file.size
        }
        return written
    }
}
