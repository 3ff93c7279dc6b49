import Digests
import Foundation
import RecipeFormat

/// What `provenance.json` records about how a release was built: the recipe and lock (the build
/// definition), the fetched sources (resolved dependencies) and the builder's version.
///
/// The Builder fills this from the recipe it ran; `ProvenanceInputs(releaseDirectory:)` derives it
/// from `recipe.toml` / `recipe.lock.json` found in a release directory.
public struct ProvenanceInputs: Sendable, Equatable {
    /// One fetched source: its recipe id, URI and content digest.
    public struct Dependency: Sendable, Equatable {
        /// The source's `id` in the recipe.
        public let name: String
        /// Where it was fetched from.
        public let uri: String
        /// Its content digest.
        public let digest: Digest

        /// Creates a dependency record.
        public init(name: String, uri: String, digest: Digest) {
            self.name = name
            self.uri = uri
            self.digest = digest
        }
    }

    /// Digest of `recipe.toml`, when known.
    public var recipeDigest: Digest?
    /// Digest of `recipe.lock.json`, when known.
    public var lockDigest: Digest?
    /// Fetched sources.
    public var dependencies: [Dependency]
    /// Version of the tool that built/signed the release.
    public var builderVersion: String

    /// Creates inputs explicitly.
    public init(recipeDigest: Digest?, lockDigest: Digest?, dependencies: [Dependency], builderVersion: String) {
        self.recipeDigest = recipeDigest
        self.lockDigest = lockDigest
        self.dependencies = dependencies
        self.builderVersion = builderVersion
    }

    /// Why `recipe.toml` could not be read as a recipe (then `dependencies` is empty), for a warning.
    public private(set) var recipeLoadFailure: String?

    /// Derives the inputs from `recipe.toml` and `recipe.lock.json` in `directory` (each optional).
    /// Sources are the recipe's `[[data.sources]]` as `RecipeFormat` reads them; sources without a
    /// `sha256` are left out. A recipe that does not load gives no sources and sets `recipeLoadFailure`.
    public init(releaseDirectory directory: URL, builderVersion: String) throws(VerificationError) {
        self.builderVersion = builderVersion
        let recipeURL = directory.appendingPathComponent("recipe.toml")
        let lockURL = directory.appendingPathComponent("recipe.lock.json")
        recipeDigest = try Self.digestIfPresent(recipeURL)
        lockDigest = try Self.digestIfPresent(lockURL)
        dependencies = []
        guard recipeDigest != nil else { return }
        do {
            dependencies = Self.dependencies(of: try Recipe.load(contentsOf: recipeURL))
        } catch {
            recipeLoadFailure = error.description
        }
    }

    /// The sources of `recipe` that are pinned by a `sha256`.
    public static func dependencies(of recipe: Recipe) -> [Dependency] {
        recipe.data.sources.compactMap { source in
            source.sha256.map { Dependency(name: source.id, uri: source.uri, digest: $0) }
        }
    }

    private static func digestIfPresent(_ url: URL) throws(VerificationError) -> Digest? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return try ParallelFileHasher.hashFile(at: url).digest
    }
}
