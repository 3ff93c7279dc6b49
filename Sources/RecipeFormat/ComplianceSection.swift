/// `[compliance]`: facts for the EU AI Act documentation that glassbox cannot derive itself.
public struct ComplianceSection: Codable, Equatable, Sendable {
    /// Legal name of the provider placing the model on the market.
    public var provider: String
    /// Contact address (e-mail or URL) for downstream providers and authorities.
    public var contact: String
    /// Intended uses, one per entry.
    public var intendedUses: [String]
    /// Uses the provider rules out, one per entry.
    public var outOfScopeUses: [String]
    /// How training energy is reported: `estimated` (from compute and hardware power) or `measured`.
    public var energyMethod: String
    /// Training hardware, free text (`2-core AMD EPYC, no GPU`).
    public var hardware: String
    /// Known limitations, one per entry.
    public var knownLimitations: [String]
    /// EU authorised representative (Art. 54), when the provider is established outside the Union.
    public var authorisedRepresentative: String

    enum CodingKeys: String, CodingKey {
        case provider, contact, hardware
        case intendedUses = "intended_uses"
        case outOfScopeUses = "out_of_scope_uses"
        case energyMethod = "energy_method"
        case knownLimitations = "known_limitations"
        case authorisedRepresentative = "authorised_representative"
    }

    /// An empty section (no compliance facts declared).
    public static let empty = ComplianceSection(
        provider: "", contact: "", intendedUses: [], outOfScopeUses: [], energyMethod: "estimated",
        hardware: "", knownLimitations: [], authorisedRepresentative: "")

    static func read(_ reader: TableReader?) -> ComplianceSection {
        guard let reader else { return .empty }
        let section = ComplianceSection(
            provider: reader.string("provider", maxBytes: 1_000) ?? "",
            contact: reader.string("contact", maxBytes: 1_000) ?? "",
            intendedUses: reader.strings("intended_uses", maxBytes: 10_000) ?? [],
            outOfScopeUses: reader.strings("out_of_scope_uses", maxBytes: 10_000) ?? [],
            energyMethod: reader.choice("energy_method", ["estimated", "measured"], default: "estimated"),
            hardware: reader.string("hardware", maxBytes: 10_000) ?? "",
            knownLimitations: reader.strings("known_limitations", maxBytes: 10_000) ?? [],
            authorisedRepresentative: reader.string("authorised_representative", maxBytes: 10_000) ?? "")
        reader.rejectUnknownKeys()
        return section
    }
}
