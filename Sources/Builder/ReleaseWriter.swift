import ContentStorage
import Digests
import Foundation

/// Writes a release directory: `recipe.toml`, `recipe.lock.json` and the step outputs that belong in a
/// release. Everything is written into a temporary sibling folder which is renamed into place last,
/// so the release directory is always either the previous complete one or the new complete one.
/// The staging folder has the release's own name (inside `.<name>.tmp-<pid>/`), so that a signature
/// made there (`beforeRename`) names the release as it will be published.
public struct ReleaseWriter: Sendable {
    /// The store holding the step outputs.
    public let store: ContentStore

    /// Replace whatever is at the release path; otherwise only an earlier release or an empty directory.
    public let replaceAnyOutput: Bool

    /// A writer reading from `store`.
    public init(store: ContentStore, replaceAnyOutput: Bool = false) {
        self.store = store
        self.replaceAnyOutput = replaceAnyOutput
    }

    /// Writes the release at `directory`; `beforeRename` runs on the complete staging directory (recipe,
    /// lock and outputs written) just before it is renamed into place — the build signs it there.
    public func write(
        to directory: URL, recipeText: Data, lock: RecipeLock, beforeRename: (URL) throws(BuildError) -> Void = { _ in }
    ) throws(BuildError) {
        let parent = directory.deletingLastPathComponent()
        let name = directory.lastPathComponent
        try ReleaseTarget.check(directory, force: replaceAnyOutput)
        try BuilderFiles.makeDirectory(parent)
        removeLeftovers(in: parent, name: name)
        let container = parent.appendingPathComponent(".\(name).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        let staging = container.appendingPathComponent(name)
        try BuilderFiles.remove(container)
        try BuilderFiles.makeDirectory(staging)
        defer { try? BuilderFiles.remove(container) }
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
        try beforeRename(staging)
        try ReleaseTarget.check(directory, force: replaceAnyOutput)
        try BuilderFiles.publishDirectory(staging, at: directory)
    }

    /// Removes staging folders left by crashed runs (`.<name>.tmp-*`, `.<name>.old-*`).
    private func removeLeftovers(in parent: URL, name: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for entry in names where entry.hasPrefix(".\(name).tmp-") || entry.hasPrefix(".\(name).old-") {
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(entry))
        }
    }
}
