import Digests
import Foundation

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

    /// Derives the inputs from `recipe.toml` and `recipe.lock.json` in `directory` (each optional).
    /// Sources are read from the recipe's `[[data.sources]]` tables (`id`, `uri`, `sha256` written as
    /// basic or literal strings, one key per line, as Glassbox writes recipes); sources without a digest are left out.
    public init(releaseDirectory directory: URL, builderVersion: String) throws(VerificationError) {
        self.builderVersion = builderVersion
        let recipeURL = directory.appendingPathComponent("recipe.toml")
        let lockURL = directory.appendingPathComponent("recipe.lock.json")
        recipeDigest = try Self.digestIfPresent(recipeURL)
        lockDigest = try Self.digestIfPresent(lockURL)
        if recipeDigest != nil, let text = try? String(contentsOf: recipeURL, encoding: .utf8) {
            dependencies = Self.scanSources(text)
        } else {
            dependencies = []
        }
    }

    private static func digestIfPresent(_ url: URL) throws(VerificationError) -> Digest? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return try ParallelFileHasher.hashFile(at: url).digest
    }

    /// Reads the `id`, `uri`, `sha256` string keys of each `[[data.sources]]` table.
    static func scanSources(_ text: String) -> [Dependency] {
        var sources: [[String: String]] = []
        var inSource = false
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[") {
                inSource = line == "[[data.sources]]"
                if inSource { sources.append([:]) }
                continue
            }
            guard inSource, let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            guard ["id", "uri", "sha256"].contains(key), let quote = value.first, quote == "\"" || quote == "'",
                let close = value.dropFirst().firstIndex(of: quote)
            else { continue }
            sources[sources.count - 1][key] = String(value[value.index(after: value.startIndex)..<close])
        }
        return sources.compactMap { fields in
            guard let id = fields["id"], let uri = fields["uri"], let text = fields["sha256"],
                let digest = try? Digest(parsing: text)
            else { return nil }
            return Dependency(name: id, uri: uri, digest: digest)
        }
    }
}
