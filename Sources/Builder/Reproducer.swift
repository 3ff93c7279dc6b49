import Digests
import Foundation
import RecipeFormat

/// `glassbox reproduce`: rebuilds a release from its own `recipe.toml` in a fresh, empty store (no cache),
/// compares every step with `recipe.lock.json`, checks the release's files against the lock, and stops
/// at the first divergence.
public struct Reproducer: Sendable {
    /// Threads, executors, data directory and events (the store root and cache flag are replaced).
    public let options: BuildOptions

    /// A reproducer with `options`.
    public init(options: BuildOptions) {
        self.options = options
    }

    /// Reproduces the release at `release`.
    public func reproduce(release: URL) throws(BuildError) -> ReproduceReport {
        let lock = try LockFile.read(from: release.appendingPathComponent("recipe.lock.json"))
        let recipeURL = release.appendingPathComponent("recipe.toml")
        guard FileManager.default.fileExists(atPath: recipeURL.path) else {
            throw BuildError.invalidRelease(path: release.path, reason: "has no recipe.toml; it is not a glassbox release")
        }
        let recipe: Recipe
        do { recipe = try Recipe.load(contentsOf: recipeURL) } catch { throw BuildError.recipe(error.description) }
        let digest: Digest
        do { digest = try recipe.digest() } catch { throw BuildError.recipe(error.description) }
        guard digest == lock.recipeDigest else {
            throw BuildError.invalidLock(path: release.appendingPathComponent("recipe.lock.json").path,
                                         reason: "records recipe \(lock.recipeDigest) but recipe.toml is \(digest); the lock does not belong to this recipe")
        }
        let store = FileManager.default.temporaryDirectory.appendingPathComponent("glassbox-reproduce-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: store) }
        var fresh = options
        fresh.storeRoot = store.path
        fresh.useCache = false
        let outcome = try StepRunner(options: fresh).run(recipe, recipeDirectory: release)
        return compare(lock: lock, rebuilt: outcome.lock, release: release)
    }

    /// Compares the lock with a rebuild and the release files; public for tests and other front ends.
    public func compare(lock: LockFile, rebuilt: LockFile, release: URL) -> ReproduceReport {
        var rows: [ReproduceReport.Row] = []
        var divergence: String?
        for expected in lock.steps {
            let got = rebuilt.step(expected.id)
            if divergence != nil {
                rows.append(row(expected, got, result: "not-run", differing: []))
                continue
            }
            let tampered = tamperedReleaseFiles(expected, release: release)
            let result: String
            var differing = tampered
            if expected.status != .built {
                result = got?.status == expected.status ? expected.status.rawValue : "not-in-lock"
            } else if got?.status != .built {
                result = got?.status.rawValue ?? "mismatch"
            } else if got?.key == expected.key, got?.manifest == expected.manifest, tampered.isEmpty {
                result = "match"
            } else {
                result = "mismatch"
                differing = Self.differingFiles(expected.files ?? [], got?.files ?? []) + tampered
            }
            if expected.status == .built, result != "match" { divergence = expected.id }
            rows.append(row(expected, got, result: result, differing: differing))
        }
        let unexpected = rebuilt.steps.filter { lock.step($0.id) == nil }.map(\.id)
        if divergence == nil, let extra = unexpected.first { divergence = extra }
        return ReproduceReport(steps: rows, firstDivergence: divergence, matched: divergence == nil)
    }

    private func row(_ expected: LockedStep, _ got: LockedStep?, result: String, differing: [String]) -> ReproduceReport.Row {
        ReproduceReport.Row(step: expected.id, expectedKey: expected.key, key: got?.key, expected: expected.manifest,
                            got: got?.manifest, result: result, differing: differing)
    }

    /// Output paths whose digest or size differ, or that exist on one side only.
    static func differingFiles(_ expected: [OutputFile], _ got: [OutputFile]) -> [String] {
        let gotByPath = Dictionary(got.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        var paths = expected.filter { gotByPath[$0.path]?.digest != $0.digest || gotByPath[$0.path]?.size != $0.size }.map(\.path)
        let expectedPaths = Set(expected.map(\.path))
        paths += got.filter { !expectedPaths.contains($0.path) }.map(\.path)
        return paths.sorted()
    }

    /// Release files of `step` that are missing or whose bytes differ from the lock (`release:<path>`).
    func tamperedReleaseFiles(_ step: LockedStep, release: URL) -> [String] {
        var problems: [String] = []
        for file in step.files ?? [] {
            guard let path = file.releasePath else { continue }
            let url = release.appendingPathComponent(path)
            guard let digest = try? Digest.sha256(ofFileAt: url.path) else {
                problems.append("release:\(path) (missing)")
                continue
            }
            if digest != file.digest { problems.append("release:\(path)") }
        }
        return problems
    }
}
