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
    /// Release date, `YYYY-MM-DD`: the only date the model card and EU documents print (no build clock).
    public var date: String?
    /// URL of the licence text, for the model card when `license` is not a Hugging Face Hub licence id.
    public var licenseLink: String?

    enum CodingKeys: String, CodingKey {
        case name, version, license, authors, description, date
        case licenseLink = "license_link"
    }

    static let keys = ["name", "version", "license", "authors", "description", "date", "license_link"]

    static func read(_ reader: TableReader) -> ReleaseSection {
        let section = ReleaseSection(
            name: reader.string("name", required: true, maxBytes: 200) ?? "",
            version: reader.string("version", required: true, maxBytes: 100) ?? "",
            license: reader.string("license", required: true, maxBytes: 500) ?? "",
            authors: reader.strings("authors", maxCount: 1_000, maxBytes: 500) ?? [],
            description: reader.string("description", maxBytes: 65_536) ?? "",
            date: reader.string("date", maxBytes: 10),
            licenseLink: reader.string("license_link", maxBytes: 4_096))
        reader.rejectUnknownKeys()
        if let date = section.date, !Syntax.isDate(date) {
            reader.report("date", "must be a date written YYYY-MM-DD, got \"\(date)\"")
        }
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
