import Digests

/// One `[[data.sources]]` entry: where a piece of training data comes from and on what terms.
public struct DataSource: Codable, Equatable, Sendable {
    /// Unique id within the recipe (`wiki-cs`), used in step names and statistics.
    public var id: String
    /// `file:relative/path` (relative to the recipe), `https://…`, `git+https://host/repo.git@<40-hex commit>#glob`
    /// or `git+file://…@<commit>#glob`.
    public var uri: String
    /// Expected digest of the fetched bytes; required for remote sources.
    public var sha256: Digest?
    /// ISO 639-1 or 639-3 codes of the languages in this source.
    public var languages: [String]
    /// SPDX licence expression of the source data.
    public var license: String
    /// Whether the data may be republished with the release.
    public var redistributable: Bool
    /// Whether the collection honoured text-and-data-mining opt-outs (EU DSM Directive Art. 4(3)).
    public var tdmOptOutRespected: Bool
    /// Free-form provenance notes.
    public var notes: String
    /// How the fetched bytes are packed: `none`, `tar`, `tar.gz` or `zip`.
    public var archive: String
    /// Glob patterns selecting archive or repository members; empty means every file.
    public var members: [String]

    enum CodingKeys: String, CodingKey {
        case id, uri, sha256, languages, license, redistributable, notes, archive, members
        case tdmOptOutRespected = "tdm_opt_out_respected"
    }

    /// True for `https:` and `git+https:` sources, which must pin a digest.
    public var isRemote: Bool { uri.hasPrefix("https://") || uri.hasPrefix("git+https://") }

    static func read(_ reader: TableReader) -> DataSource {
        let source = DataSource(
            id: reader.string("id", required: true, maxBytes: 100) ?? "",
            uri: reader.string("uri", required: true, maxBytes: 4_096) ?? "",
            sha256: readDigest(reader),
            languages: reader.strings("languages", required: true, maxCount: 200, maxBytes: 10) ?? [],
            license: reader.string("license", required: true, maxBytes: 500) ?? "",
            redistributable: reader.bool("redistributable", required: true) ?? false,
            tdmOptOutRespected: reader.bool("tdm_opt_out_respected", required: true) ?? false,
            notes: reader.string("notes", maxBytes: 65_536) ?? "",
            archive: reader.choice("archive", ["none", "tar", "tar.gz", "zip"], default: "none"),
            members: reader.strings("members", maxCount: 1_000, maxBytes: 1_000) ?? [])
        reader.rejectUnknownKeys()
        source.check(reader)
        return source
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

    private func check(_ reader: TableReader) {
        if !id.isEmpty, !Syntax.isIdentifier(id) {
            reader.report("id", "must use only letters, digits, '.', '_' and '-', got \"\(id.prefix(100))\"")
        }
        if !uri.isEmpty, let problem = Self.uriProblem(uri) { reader.report("uri", problem) }
        if isRemote, sha256 == nil {
            reader.report("sha256", "missing; remote sources must pin the digest of their bytes (run `sha256sum` on a trusted copy)")
        }
        if languages.isEmpty, reader.table["languages"] != nil { reader.report("languages", "must name at least one language") }
        for (index, code) in languages.enumerated() where !LanguageCodes.isValid(code) {
            reader.problems.add("\(reader.keyPath("languages"))[\(index)]", "\"\(code)\" is not an ISO 639-1 or ISO 639-3 language code")
        }
        if !license.isEmpty, let problem = Syntax.spdxProblem(license) { reader.report("license", problem) }
        if !members.isEmpty, archive == "none", !uri.hasPrefix("git+") {
            reader.report("members", "only applies to archives and git sources; set archive = \"tar\", \"tar.gz\" or \"zip\"")
        }
    }

    /// Why `uri` is not a source location this glassbox fetches (nil when it is one).
    static func uriProblem(_ uri: String) -> String? {
        if uri.hasPrefix("file:") {
            let path = uri.dropFirst("file:".count)
            if path.isEmpty { return "names no file; write \"file:data/corpus.txt\" (relative to the recipe)" }
            return nil
        }
        if uri.hasPrefix("https://") { return uri.count > "https://".count ? nil : "names no host" }
        if uri.hasPrefix("git+https://") || uri.hasPrefix("git+file://") {
            guard let at = uri.lastIndex(of: "@") else {
                return "git sources must pin a commit: \"git+https://host/repo.git@<40-hex commit>#glob\""
            }
            let revision = uri[uri.index(after: at)...].prefix { $0 != "#" }
            return Syntax.isCommit(revision) ? nil : "git sources must pin a full 40-hex commit after '@', got \"\(revision.prefix(60))\""
        }
        if uri.hasPrefix("http://") { return "plain http is not allowed; use https://" }
        return "unsupported scheme; use file:, https://, git+https:// or git+file://, got \"\(uri.prefix(100))\""
    }
}
