import Digests

/// `[training.weights]` of an external training run: where the finished weights come from, pinned like a
/// data source. The location holds a Hugging Face Llama-family directory (`config.json`,
/// `model.safetensors` or its shards with `model.safetensors.index.json`, `tokenizer.json`).
public struct ExternalWeights: Codable, Equatable, Sendable {
    /// `file:relative/dir` (relative to the recipe), `https://…` (an archive) or
    /// `git+https://host/repo.git@<40-hex commit>#glob`.
    public var uri: String
    /// Digest of the fetched bytes (a directory or git checkout: its manifest); required for `https://`
    /// and `git+https://`.
    public var sha256: Digest?
    /// How the fetched bytes are packed: `none`, `tar`, `tar.gz` or `zip`.
    public var archive: String
    /// Globs selecting archive, directory or repository members; empty means every file.
    public var members: [String]

    /// True for `https:` and `git+https:` locations, which must pin a digest.
    public var isRemote: Bool { uri.hasPrefix("https://") || uri.hasPrefix("git+https://") }

    static func read(_ reader: TableReader) -> ExternalWeights {
        let weights = ExternalWeights(
            uri: reader.string("uri", required: true, maxBytes: 4_096) ?? "",
            sha256: readDigest(reader),
            archive: reader.choice("archive", ["none", "tar", "tar.gz", "zip"], default: "none"),
            members: reader.strings("members", maxCount: 1_000, maxBytes: 1_000) ?? [])
        reader.rejectUnknownKeys()
        if !weights.uri.isEmpty, let problem = DataSource.uriProblem(weights.uri) { reader.report("uri", problem) }
        if weights.isRemote, weights.sha256 == nil {
            reader.report("sha256", "missing; remote weights must pin the digest of their bytes (`glassbox hash` on a trusted copy)")
        }
        if weights.archive != "none", weights.uri.hasPrefix("git+") {
            reader.report("archive", "does not apply to git locations; leave it out")
        }
        return weights
    }

    private static func readDigest(_ reader: TableReader) -> Digest? {
        guard let text = reader.string("sha256", maxBytes: 200) else { return nil }
        do {
            return try Digest(parsing: text)
        } catch {
            reader.report("sha256", "\(error.description); write it as \"sha256:<64 hex digits>\"")
            return nil
        }
    }
}
