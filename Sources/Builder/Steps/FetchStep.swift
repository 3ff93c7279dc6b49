import Fetching
import Foundation
import RecipeFormat

/// The `fetch` step through the Fetching module: copies a `file:` source, downloads an `https:` one or
/// checks out a pinned git commit, unpacks archives, and checks the recipe's `sha256`.
///
/// With a data directory (`reproduce --data-dir`), a source whose bytes the user supplied there — a
/// `file:` path relative to it, or a file named after the source id — is read from it and still checked
/// against the recipe's digest. A git source may be supplied as a copy of its repository (a folder named
/// after the source id): the pinned commit is then fetched from that copy.
public struct FetchStep: StepExecutor {
    /// `.fetch`.
    public let kind = StepKind.fetch

    /// Creates the executor.
    public init() {}

    /// Fetches the source named by the step id (`fetch.<id>`).
    public func run(_ context: StepContext) throws {
        let id = String(context.step.id.dropFirst("fetch.".count))
        guard let source = context.recipe.data.sources.first(where: { $0.id == id }) else {
            throw BuildError.stepFailed(step: context.step.id, reason: "the recipe has no source \"\(id)\"")
        }
        let fetcher = Fetcher(options: FetchOptions(cacheDirectory: context.scratchDirectory.appendingPathComponent("cache")))
        let spec = try Self.spec(for: source, dataDirectory: context.dataDirectory)
        let inputs = LocalInputs(recipeDirectory: context.recipeDirectory, dataDirectory: context.dataDirectory)
        let base = try spec.uri.hasPrefix("file:")
            ? inputs.base(of: String(spec.uri.dropFirst("file:".count)), step: context.step.id) : context.recipeDirectory
        do {
            _ = try fetcher.fetch(spec, recipeDirectory: base, into: context.outputDirectory)
        } catch {
            throw BuildError.stepFailed(step: context.step.id, reason: error.description)
        }
        context.progress(StepProgress(fraction: 1))
    }

    /// The Fetching module's spec for `source`; a remote source supplied in `dataDirectory` as a file
    /// named after its id is read from there instead.
    static func spec(for source: DataSource, dataDirectory: URL?) throws(BuildError) -> SourceSpec {
        guard let archive = ArchiveFormat(rawValue: source.archive) else {
            throw BuildError.stepFailed(step: "fetch.\(source.id)", reason: "unsupported archive \"\(source.archive)\"")
        }
        var uri = source.uri
        if !uri.hasPrefix("file:"), let dataDirectory {
            let supplied = dataDirectory.appendingPathComponent(source.id)
            if FileManager.default.fileExists(atPath: supplied.path) {
                uri = gitMirrorURI(source.uri, repository: supplied) ?? "file:" + supplied.path
            }
        }
        return SourceSpec(id: source.id, uri: uri, sha256: source.sha256, archive: archive, members: source.members)
    }

    /// For a git source supplied as a repository (bare, or with a `.git` folder) in the data directory:
    /// the same pinned commit and glob fetched from that copy, so the commit pin is checked as well as
    /// the digest. Nil when `uri` is not a git source or `repository` is not a git repository.
    static func gitMirrorURI(_ uri: String, repository: URL) -> String? {
        guard uri.hasPrefix("git+"), let at = uri.lastIndex(of: "@") else { return nil }
        let manager = FileManager.default
        let bare = manager.fileExists(atPath: repository.appendingPathComponent("HEAD").path)
            && manager.fileExists(atPath: repository.appendingPathComponent("objects").path)
        guard bare || manager.fileExists(atPath: repository.appendingPathComponent(".git").path) else { return nil }
        return "git+file://" + repository.standardizedFileURL.path + uri[at...]
    }
}
