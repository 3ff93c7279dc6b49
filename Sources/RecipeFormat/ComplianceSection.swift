/// `[compliance]`: facts for the model card and the EU AI Act documentation that glassbox cannot derive
/// itself (who provides the model, for what, on which hardware, where it is published). Every key added
/// after the first four is optional and `nil` when absent, so existing recipes keep their canonical form;
/// an absent fact is listed as missing by `glassbox comply`, never invented.
public struct ComplianceSection: Codable, Equatable, Sendable {
    /// Legal name of the provider placing the model on the market.
    public var provider: String
    /// Contact address (e-mail or URL) for downstream providers, authorities and rightsholders.
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
    /// ISO 3166-1 alpha-2 country where the provider is established (`DE`); decides Art. 54.
    public var providerCountry: String?
    /// Date the model is (to be) placed on the Union market, `YYYY-MM-DD` (Art. 111(3), template 1.2).
    public var unionMarketDate: String?
    /// Acceptable use policy: its text or a URL (Annex XI 1.1(b), Annex XII 1(b)).
    public var acceptableUsePolicy: String?
    /// Methods of distribution (`Hugging Face Hub repository`), one per entry (Annex XI 1.1(c)).
    public var distribution: [String]?
    /// Where the release (weights, card, documents) is published, an https URL (Art. 53(2), 53(1)(d)).
    public var publicURL: String?
    /// Latest month of data acquisition, `YYYY-MM` (template 1.3).
    public var dataCollectedUntil: String?
    /// Whether the provider signed the GPAI Code of Practice (template 3.1).
    public var codeOfPracticeSignatory: Bool?
    /// Measures taken to avoid or remove illegal content from the training data (template 3.2).
    public var illegalContentMeasures: String?
    /// Whether data from user interactions was used for training (template 2.4).
    public var userData: Bool?
    /// Whether synthetic AI-generated data was created for training (template 2.5).
    public var syntheticData: Bool?
    /// Whether access to the model is monetised (Recital 103; decides the Art. 53(2) exemption).
    public var monetised: Bool?
    /// URLs of earlier versions of the training-content summary (template header).
    public var previousSummaries: [String]?
    /// Where the source code that built the release (glassbox at its commit) is published, a URL (MOF).
    public var codeURL: String?
    /// SPDX licence of that source code (MOF).
    public var codeLicense: String?
    /// Peak floating-point throughput of the training hardware, FLOP/s (`glassbox train-bench --fma-peak`).
    public var hardwarePeakFlops: Double?
    /// Fraction of that peak sustained while training, in (0, 1].
    public var hardwareUtilisation: Double?
    /// Average electrical power drawn by the training hardware, watts.
    public var hardwarePowerWatts: Double?
    /// Measured training energy, kWh (required when `energy_method = "measured"`).
    public var energyKWh: Double?
    /// Carbon intensity of the electricity used, grams CO₂e per kWh.
    public var gridCarbonIntensity: Double?
    /// Where that intensity comes from (grid region and source).
    public var gridRegion: String?

    enum CodingKeys: String, CodingKey {
        case provider, contact, hardware, distribution, monetised
        case intendedUses = "intended_uses"
        case outOfScopeUses = "out_of_scope_uses"
        case energyMethod = "energy_method"
        case knownLimitations = "known_limitations"
        case authorisedRepresentative = "authorised_representative"
        case providerCountry = "provider_country"
        case unionMarketDate = "union_market_date"
        case acceptableUsePolicy = "acceptable_use_policy"
        case publicURL = "public_url"
        case dataCollectedUntil = "data_collected_until"
        case codeOfPracticeSignatory = "code_of_practice_signatory"
        case illegalContentMeasures = "illegal_content_measures"
        case userData = "user_data"
        case syntheticData = "synthetic_data"
        case previousSummaries = "previous_summaries"
        case codeURL = "code_url"
        case codeLicense = "code_license"
        case hardwarePeakFlops = "hardware_peak_flops"
        case hardwareUtilisation = "hardware_utilisation"
        case hardwarePowerWatts = "hardware_power_watts"
        case energyKWh = "energy_kwh"
        case gridCarbonIntensity = "grid_carbon_intensity"
        case gridRegion = "grid_region"
    }

    /// An empty section (no compliance facts declared).
    public static let empty = ComplianceSection(
        provider: "", contact: "", intendedUses: [], outOfScopeUses: [], energyMethod: "estimated",
        hardware: "", knownLimitations: [], authorisedRepresentative: "")

    /// A section with the first eight facts; the optional ones start undeclared.
    public init(provider: String, contact: String, intendedUses: [String], outOfScopeUses: [String], energyMethod: String,
                hardware: String, knownLimitations: [String], authorisedRepresentative: String) {
        self.provider = provider
        self.contact = contact
        self.intendedUses = intendedUses
        self.outOfScopeUses = outOfScopeUses
        self.energyMethod = energyMethod
        self.hardware = hardware
        self.knownLimitations = knownLimitations
        self.authorisedRepresentative = authorisedRepresentative
    }

    static func read(_ reader: TableReader?) -> ComplianceSection {
        guard let reader else { return .empty }
        var section = ComplianceSection(
            provider: reader.string("provider", maxBytes: 1_000) ?? "",
            contact: reader.string("contact", maxBytes: 1_000) ?? "",
            intendedUses: reader.strings("intended_uses", maxBytes: 10_000) ?? [],
            outOfScopeUses: reader.strings("out_of_scope_uses", maxBytes: 10_000) ?? [],
            energyMethod: reader.choice("energy_method", ["estimated", "measured"], default: "estimated"),
            hardware: reader.string("hardware", maxBytes: 10_000) ?? "",
            knownLimitations: reader.strings("known_limitations", maxBytes: 10_000) ?? [],
            authorisedRepresentative: reader.string("authorised_representative", maxBytes: 10_000) ?? "")
        section.readDeclarations(reader)
        section.readMeasurements(reader)
        reader.rejectUnknownKeys()
        section.check(reader)
        return section
    }
}
