/// `[release]`: what is being released and under which licence.
public struct ReleaseSection: Codable, Equatable, Sendable {
    /// Release name, also the default release directory name: letters, digits, `.`, `_`, `-`.
    public var name: String
    /// Release version (`1.0`, `0.3.1-rc1`): letters, digits, `.`, `_`, `+`, `-`.
    public var version: String
    /// SPDX licence expression for the released weights (`Apache-2.0`, `MIT OR Apache-2.0`).
    public var license: String
    /// Authors, as they should appear on the model card.
    public var authors: [String]
    /// One-paragraph description for the model card.
    public var description: String

    static let keys = ["name", "version", "license", "authors", "description"]

    static func read(_ reader: TableReader) -> ReleaseSection {
        let section = ReleaseSection(
            name: reader.string("name", required: true, maxBytes: 200) ?? "",
            version: reader.string("version", required: true, maxBytes: 100) ?? "",
            license: reader.string("license", required: true, maxBytes: 500) ?? "",
            authors: reader.strings("authors", maxCount: 1_000, maxBytes: 500) ?? [],
            description: reader.string("description", maxBytes: 65_536) ?? "")
        reader.rejectUnknownKeys()
        if !section.name.isEmpty, !Syntax.isIdentifier(section.name) {
            reader.report("name", "must use only letters, digits, '.', '_' and '-' (it names the release directory), got \"\(section.name)\"")
        }
        if !section.version.isEmpty, !Syntax.isIdentifier(section.version, extra: "+") {
            reader.report("version", "must use only letters, digits, '.', '_', '+' and '-', got \"\(section.version)\"")
        }
        if !section.license.isEmpty, let problem = Syntax.spdxProblem(section.license) {
            reader.report("license", problem)
        }
        return section
    }
}
