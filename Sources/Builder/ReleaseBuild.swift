import ContentStorage
import Foundation
import RecipeFormat
import Verification

/// `glassbox build`: load a recipe, run its steps, write the release directory and the run log.
public struct ReleaseBuild: Sendable {
    /// What a build produced.
    public struct Result: Sendable {
        /// The lock written into the release.
        public let lock: RecipeLock
        /// The release directory.
        public let releaseDirectory: URL
        /// The run log beside it.
        public let logFile: URL
        /// What the sign step signed; nil when no signing key was named (the release is unsigned).
        public let signed: ReleaseSigner.Outcome?
        /// The private key the release was signed with; nil when unsigned.
        public let signingKeyPath: String?
    }

    /// How to build.
    public let options: BuildOptions

    /// A build with `options`.
    public init(options: BuildOptions) {
        self.options = options
    }

    /// The default release directory of `recipe`: `Releases/<name>-<version>` under the current directory.
    public static func defaultReleaseDirectory(for recipe: Recipe) -> URL {
        URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            .appendingPathComponent("Releases/\(recipe.release.name)-\(recipe.release.version)")
    }

    /// Why a release without a signing key is not signed, and how to sign it.
    public static let unsignedNote = "not signed: the recipe has no [publish] signing_key and no --key was given "
        + "(no provenance.json, SHA256SUMS or model.sig; sign later with `glassbox sign DIR --key KEY.pem`)"

    /// Builds the recipe at `recipeURL` into `releaseDirectory` (default: `defaultReleaseDirectory`).
    public func build(recipeAt recipeURL: URL, releaseDirectory: URL? = nil) throws(BuildError) -> Result {
        let recipe: Recipe
        do { recipe = try Recipe.load(contentsOf: recipeURL) } catch { throw BuildError.recipe(error.description) }
        guard let text = try? Data(contentsOf: recipeURL) else {
            throw BuildError.io(path: recipeURL.path, reason: "cannot be read")
        }
        let recipeDirectory = recipeURL.deletingLastPathComponent()
        let signing = try ReleaseSigning.load(recipe: recipe, recipeDirectory: recipeDirectory, override: options.signingKey,
                                              passphraseFile: options.passphraseFile, builderVersion: options.builderVersion)
        let release = (releaseDirectory ?? Self.defaultReleaseDirectory(for: recipe)).standardizedFileURL
        try ReleaseTarget.check(release, force: options.replaceAnyOutput)
        try BuilderFiles.makeDirectory(release.deletingLastPathComponent())
        let log = RunLog(release: release)
        log.append(["event": "build", "recipe": recipeURL.path, "host": ProcessInfo.processInfo.hostName,
                    "threads": String(options.threads), "cache": options.useCache ? "on" : "off", "core": CoreVersion.string])
        var logged = options
        let forward = options.events
        logged.events = { event in
            log.record(event)
            forward(event)
        }
        let outcome = try StepRunner(options: logged).run(recipe, recipeDirectory: recipeDirectory)
        var signed: ReleaseSigner.Outcome?
        try ReleaseWriter(store: ContentStore(root: options.storeRoot), replaceAnyOutput: options.replaceAnyOutput).write(to: release, recipeText: text, lock: outcome.lock) {
            staging throws(BuildError) in
            guard let signing else {
                logged.events(.unsigned(reason: Self.unsignedNote))
                return
            }
            let started = Date()
            let result = try signing.sign(staging, recipe: recipe, lock: outcome.lock)
            signed = result
            logged.events(.signed(keyPath: signing.keyPath, files: result.signed.count, seconds: Date().timeIntervalSince(started)))
        }
        log.append(["event": "release", "path": release.path, "recipe_digest": outcome.lock.recipeDigest.description,
                    "signed": signing?.keyPath ?? "no"])
        return Result(lock: outcome.lock, releaseDirectory: release, logFile: log.location, signed: signed, signingKeyPath: signing?.keyPath)
    }
}
