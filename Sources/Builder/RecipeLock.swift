import BaseIO
import Digests
import Foundation
import RecipeFormat

/// `recipe.lock.json`: for every step of a recipe, its key and the digests and sizes of its outputs.
/// Canonical JSON, no timestamps, so two builds of the same recipe write the same bytes.
public struct RecipeLock: Codable, Sendable, Equatable {
    /// Version of the lock format.
    public static let currentFormat = 1

    /// Lock format version.
    public var format: Int
    /// Version of glassbox's deterministic cores that built it.
    public var coreVersion: String
    /// Digest of the recipe's canonical form.
    public var recipeDigest: Digest
    /// Every step of the graph, in execution order.
    public var steps: [LockedStep]
    /// `imported, declared` for weights trained elsewhere; absent (nil) for a release Glassbox trained,
    /// which is rebuilt bit for bit (see `reproducibilityClass`). Absent keeps older locks byte-identical.
    public var reproducibility: ReproducibilityClass?

    enum CodingKeys: String, CodingKey {
        case format, steps, reproducibility
        case coreVersion = "core_version"
        case recipeDigest = "recipe_digest"
    }

    /// Creates a lock.
    public init(coreVersion: String, recipeDigest: Digest, steps: [LockedStep], reproducibility: ReproducibilityClass? = nil) {
        format = Self.currentFormat
        self.reproducibility = reproducibility
        self.coreVersion = coreVersion
        self.recipeDigest = recipeDigest
        self.steps = steps
    }

    /// The canonical bytes written to `recipe.lock.json`.
    public func canonicalJSON() throws(BuildError) -> Data {
        do { return Data(try CanonicalJSON.encode(self)) } catch { throw BuildError.recipe(error.description) }
    }

    /// Reads a lock file, naming the file in errors.
    public static func read(from url: URL) throws(BuildError) -> RecipeLock {
        guard let data = try? Data(contentsOf: url) else {
            throw BuildError.invalidLock(path: url.path, reason: "cannot be read; is this a release directory built by glassbox?")
        }
        do {
            let lock = try JSONDecoder().decode(RecipeLock.self, from: data)
            guard lock.format <= currentFormat else {
                throw BuildError.invalidLock(path: url.path, reason: "lock format \(lock.format) is newer than this glassbox reads (\(currentFormat)); upgrade glassbox")
            }
            return lock
        } catch let error as BuildError {
            throw error
        } catch {
            throw BuildError.invalidLock(path: url.path, reason: "not a valid lock file (\(error))")
        }
    }

    /// The release's reproducibility class (`rebuilt bit for bit` when the lock records none).
    public var reproducibilityClass: ReproducibilityClass { reproducibility ?? .rebuiltBitForBit }

    /// The locked step named `id`.
    public func step(_ id: String) -> LockedStep? { steps.first { $0.id == id } }
}

/// One step in the lock.
public struct LockedStep: Codable, Sendable, Equatable {
    /// Step id (`fetch.wiki-cs`, `prepare`, …).
    public var id: String
    /// Step kind.
    public var kind: StepKind
    /// What happened to it.
    public var status: StepStatus
    /// Step key; nil when its inputs were not built.
    public var key: Digest?
    /// Input name → digest (upstream manifests, local files); nil when not computed.
    public var inputs: [String: Digest]?
    /// Digest of the output manifest; nil unless built.
    public var manifest: Digest?
    /// Output files; nil unless built.
    public var files: [OutputFile]?
}

/// The state of a step in a lock or a plan.
public enum StepStatus: String, Codable, Sendable {
    /// Outputs exist (built now or reused from the cache).
    case built
    /// This glassbox has no executor for the step's kind yet.
    case notAvailable = "not-available"
    /// An input of the step was not built.
    case blocked
}
