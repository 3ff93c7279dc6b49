import ContentStore
import Foundation
import RecipeFormat

/// `glassbox build`: load a recipe, run its steps, write the release directory and the run log.
public struct ReleaseBuild: Sendable {
    /// What a build produced.
    public struct Result: Sendable {
        /// The lock written into the release.
        public let lock: LockFile
        /// The release directory.
        public let releaseDirectory: URL
        /// The run log beside it.
        public let logFile: URL
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

    /// Builds the recipe at `recipeURL` into `releaseDirectory` (default: `defaultReleaseDirectory`).
    public func build(recipeAt recipeURL: URL, releaseDirectory: URL? = nil) throws(BuildError) -> Result {
        let recipe: Recipe
        do { recipe = try Recipe.load(contentsOf: recipeURL) } catch { throw BuildError.recipe(error.description) }
        guard let text = try? Data(contentsOf: recipeURL) else {
            throw BuildError.io(path: recipeURL.path, reason: "cannot be read")
        }
        let release = (releaseDirectory ?? Self.defaultReleaseDirectory(for: recipe)).standardizedFileURL
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
        let outcome = try StepRunner(options: logged).run(recipe, recipeDirectory: recipeURL.deletingLastPathComponent())
        try ReleaseWriter(store: ContentStore(root: options.storeRoot)).write(to: release, recipeText: text, lock: outcome.lock)
        log.append(["event": "release", "path": release.path, "recipe_digest": outcome.lock.recipeDigest.description])
        return Result(lock: outcome.lock, releaseDirectory: release, logFile: log.location)
    }
}
