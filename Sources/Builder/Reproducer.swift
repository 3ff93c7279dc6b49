import Digests
import Foundation
import RecipeFormat
import Verification

/// `glassbox reproduce`: rebuilds a release from its own `recipe.toml` in a fresh, empty store (no cache),
/// compares every step with `recipe.lock.json`, checks the release's files against the lock, and stops
/// at the first divergence. Signature files are randomised, so they are not compared with a rebuild:
/// the release's `model.sig` / `SHA256SUMS` are verified instead (`signatureRow`).
public struct Reproducer: Sendable {
    /// Threads, executors, data directory and events (the store root and cache flag are replaced).
    public let options: BuildOptions
    /// A public key (PEM) that must have signed `model.sig`; nil: digests are checked, authenticity is not.
    public var publicKeyFile: URL?

    /// A reproducer with `options`.
    public init(options: BuildOptions, publicKeyFile: URL? = nil) {
        self.options = options
        self.publicKeyFile = publicKeyFile
    }

    /// Reproduces the release at `release`.
    public func reproduce(release: URL) throws(BuildError) -> ReproduceReport {
        let lock = try RecipeLock.read(from: release.appendingPathComponent("recipe.lock.json"))
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
        let signature = try signatureRow(release: release)
        let store = FileManager.default.temporaryDirectory.appendingPathComponent("glassbox-reproduce-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: store) }
        var fresh = options
        fresh.storeRoot = store.path
        fresh.useCache = false
        let outcome = try StepRunner(options: fresh).run(recipe, recipeDirectory: release)
        return compare(lock: lock, rebuilt: outcome.lock, release: release).appending(signature)
    }

    /// The `sign` row: verifies the release's `model.sig` (with `publicKeyFile`) or `SHA256SUMS` with
    /// `ReleaseVerifier`: `verified` (signature valid), `checksums-match` (digests only, no key),
    /// `failed` (each problem in `differing`) or `unsigned` (no signature files, no key given).
    public func signatureRow(release: URL) throws(BuildError) -> ReproduceReport.Row {
        let signatureFiles = [ChecksumFile.fileName, ModelSigningBundle.fileName]
        let present = signatureFiles.contains { FileManager.default.fileExists(atPath: release.appendingPathComponent($0).path) }
        func row(_ result: String, _ differing: [String], _ note: String) -> ReproduceReport.Row {
            ReproduceReport.Row(step: "sign", expectedKey: nil, key: nil, expected: nil, got: nil, result: result, differing: differing, note: note)
        }
        guard present || publicKeyFile != nil else {
            return row("unsigned", [], "the release has no model.sig or SHA256SUMS; only the lock was checked")
        }
        var verifier = ReleaseVerifier()
        if let publicKeyFile {
            guard let pem = FileManager.default.contents(atPath: publicKeyFile.path) else {
                throw BuildError.signing(key: publicKeyFile.path, reason: "the public key file does not exist or cannot be read")
            }
            do { verifier.publicKey = (publicKeyFile.path, try VerifyingKey(pem: Array(pem))) } catch {
                throw BuildError.signing(key: publicKeyFile.path, reason: error.description)
            }
        }
        let report: VerificationReport
        do { report = try verifier.verify(release) } catch {
            return row("failed", [error.description], "the signature files could not be checked")
        }
        guard report.passed else {
            let count = report.problems.count == 1 ? "1 problem" : "\(report.problems.count) problems"
            return row("failed", report.problems.map { ($0.path.map { "\($0): " } ?? "") + $0.message },
                       "the release does not verify (\(count)); signature: \(report.authenticity)")
        }
        return row(report.authenticated ? "verified" : "checksums-match", [], report.authenticity)
    }

    /// Compares the lock with a rebuild and the release files; public for tests and other front ends.
    public func compare(lock: RecipeLock, rebuilt: RecipeLock, release: URL) -> ReproduceReport {
        var rows: [ReproduceReport.Row] = []
        var divergence: String?
        for expected in lock.steps {
            let got = rebuilt.step(expected.id)
            if let divergence {
                rows.append(rowAfterDivergence(expected, got, divergence: divergence))
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
            var entry = row(expected, got, result: result, differing: differing)
            if expected.kind == .import { entry.note = Self.importNote }
            rows.append(entry)
        }
        let unexpected = rebuilt.steps.filter { lock.step($0.id) == nil }.map(\.id)
        if divergence == nil, let extra = unexpected.first { divergence = extra }
        return ReproduceReport(steps: rows, firstDivergence: divergence, matched: divergence == nil,
                               reproducibility: lock.reproducibilityClass)
    }

    /// The note on an `import` row: what was and was not re-done.
    static let importNote = "training was not re-run (weights trained elsewhere): the weights were fetched again, "
        + "their pinned digest and every file digest re-checked, and their structure verified; evaluation was re-run on them"

    /// A step after the first divergence: its inputs already differ, so its result says only whether it was
    /// rebuilt and whether its outputs happen to match (`rebuilt-match`, `rebuilt-differs`), or `not-run`.
    private func rowAfterDivergence(_ expected: LockedStep, _ got: LockedStep?, divergence: String) -> ReproduceReport.Row {
        guard let got, got.status == .built, expected.status == .built else {
            return row(expected, got, result: got.map { $0.status == .built ? "not-in-lock" : $0.status.rawValue } ?? "not-run", differing: [])
        }
        let same = got.manifest == expected.manifest
        var rebuilt = row(expected, got, result: same ? "rebuilt-match" : "rebuilt-differs",
                          differing: same ? [] : Self.differingFiles(expected.files ?? [], got.files ?? []))
        rebuilt.note = "rebuilt after the divergence at \(divergence), from inputs that already differ"
        return rebuilt
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
