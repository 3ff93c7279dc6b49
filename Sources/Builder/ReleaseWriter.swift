import ContentStore
import Digests
import Foundation

/// Writes a release directory: `recipe.toml`, `recipe.lock.json` and the step outputs that belong in a
/// release. Everything is written into a temporary sibling folder which is renamed into place last,
/// so the release directory is always either the previous complete one or the new complete one.
public struct ReleaseWriter: Sendable {
    /// The store holding the step outputs.
    public let store: ContentStore

    /// A writer reading from `store`.
    public init(store: ContentStore) {
        self.store = store
    }

    /// Writes the release at `directory`.
    public func write(to directory: URL, recipeText: Data, lock: LockFile) throws(BuildError) {
        let parent = directory.deletingLastPathComponent()
        let name = directory.lastPathComponent
        try BuilderFiles.makeDirectory(parent)
        removeLeftovers(in: parent, name: name)
        let staging = parent.appendingPathComponent(".\(name).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        try BuilderFiles.remove(staging)
        try BuilderFiles.makeDirectory(staging)
        do throws(BuildError) {
            try BuilderFiles.writeAtomically(recipeText, to: staging.appendingPathComponent("recipe.toml"))
            for step in lock.steps {
                for file in step.files ?? [] {
                    guard let releasePath = file.releasePath else { continue }
                    let target = staging.appendingPathComponent(releasePath)
                    try BuilderFiles.makeDirectory(target.deletingLastPathComponent())
                    do { try store.export(file.digest, to: target.path) } catch {
                        throw BuildError.io(path: target.path, reason: "exporting \(file.digest) failed: \(error.description)")
                    }
                }
            }
            try BuilderFiles.writeAtomically(try lock.canonicalJSON(), to: staging.appendingPathComponent("recipe.lock.json"))
            try swapIn(staging, at: directory)
        } catch {
            try? BuilderFiles.remove(staging)
            throw error
        }
    }

    private func swapIn(_ staging: URL, at directory: URL) throws(BuildError) {
        let parent = directory.deletingLastPathComponent()
        let old = parent.appendingPathComponent(".\(directory.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)")
        if FileManager.default.fileExists(atPath: directory.path) {
            try BuilderFiles.remove(old)
            try BuilderFiles.move(directory, to: old)
        }
        try BuilderFiles.move(staging, to: directory)
        try BuilderFiles.fsyncPath(parent.path)
        try BuilderFiles.remove(old)
    }

    /// Removes staging folders left by crashed runs (`.<name>.tmp-*`, `.<name>.old-*`).
    private func removeLeftovers(in parent: URL, name: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for entry in names where entry.hasPrefix(".\(name).tmp-") || entry.hasPrefix(".\(name).old-") {
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(entry))
        }
    }
}
