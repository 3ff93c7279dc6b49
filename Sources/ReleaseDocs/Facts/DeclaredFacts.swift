import RecipeFormat

/// What the provider states in the recipe (`[release]`, `[compliance]`): glassbox prints these as
/// declarations and lists the absent ones as missing; it never fills them in.
public struct DeclaredFacts: Sendable, Equatable {
    /// `compliance.provider`.
    public let provider: Declared<String>
    /// `compliance.contact`.
    public let contact: Declared<String>
    /// `compliance.provider_country`.
    public let providerCountry: Declared<String>
    /// `compliance.authorised_representative`.
    public let authorisedRepresentative: Declared<String>
    /// `release.date`.
    public let releaseDate: Declared<String>
    /// `compliance.union_market_date`.
    public let unionMarketDate: Declared<String>
    /// `compliance.intended_uses`.
    public let intendedUses: Declared<[String]>
    /// `compliance.out_of_scope_uses`.
    public let outOfScopeUses: Declared<[String]>
    /// `compliance.known_limitations`.
    public let knownLimitations: Declared<[String]>
    /// `compliance.acceptable_use_policy`.
    public let acceptableUsePolicy: Declared<String>
    /// `compliance.distribution`.
    public let distribution: Declared<[String]>
    /// `compliance.public_url`.
    public let publicURL: Declared<String>
    /// `compliance.hardware` (for imported weights without it: the declared accelerators).
    public let hardware: Declared<String>
    /// `compliance.data_collected_until` (`YYYY-MM`).
    public let dataCollectedUntil: Declared<String>
    /// `compliance.code_of_practice_signatory`.
    public let codeOfPracticeSignatory: Declared<Bool>
    /// `compliance.illegal_content_measures`.
    public let illegalContentMeasures: Declared<String>
    /// `compliance.user_data`.
    public let userData: Declared<Bool>
    /// `compliance.synthetic_data`.
    public let syntheticData: Declared<Bool>
    /// `compliance.monetised`.
    public let monetised: Declared<Bool>
    /// `compliance.previous_summaries`.
    public let previousSummaries: [String]
    /// `release.license_link`.
    public let licenseLink: Declared<String>

    init(_ recipe: Recipe) {
        let c = recipe.compliance
        provider = Declared(text: "compliance.provider", c.provider)
        contact = Declared(text: "compliance.contact", c.contact)
        providerCountry = Declared(text: "compliance.provider_country", c.providerCountry)
        authorisedRepresentative = Declared(text: "compliance.authorised_representative", c.authorisedRepresentative)
        releaseDate = Declared(text: "release.date", recipe.release.date)
        unionMarketDate = Declared(text: "compliance.union_market_date", c.unionMarketDate)
        intendedUses = Declared(list: "compliance.intended_uses", c.intendedUses)
        outOfScopeUses = Declared(list: "compliance.out_of_scope_uses", c.outOfScopeUses)
        knownLimitations = Declared(list: "compliance.known_limitations", c.knownLimitations)
        acceptableUsePolicy = Declared(text: "compliance.acceptable_use_policy", c.acceptableUsePolicy)
        distribution = Declared(list: "compliance.distribution", c.distribution)
        publicURL = Declared(text: "compliance.public_url", c.publicURL)
        hardware = Self.hardware(recipe)
        dataCollectedUntil = Declared(text: "compliance.data_collected_until", c.dataCollectedUntil)
        codeOfPracticeSignatory = Declared("compliance.code_of_practice_signatory", c.codeOfPracticeSignatory)
        illegalContentMeasures = Declared(text: "compliance.illegal_content_measures", c.illegalContentMeasures)
        userData = Declared("compliance.user_data", c.userData)
        syntheticData = Declared("compliance.synthetic_data", c.syntheticData)
        monetised = Declared("compliance.monetised", c.monetised)
        previousSummaries = c.previousSummaries ?? []
        licenseLink = Declared(text: "release.license_link", recipe.release.licenseLink)
    }

    /// `compliance.hardware`; for imported weights without it, the declared accelerators
    /// (`training.declared.accelerator`, `accelerator_count`).
    private static func hardware(_ recipe: Recipe) -> Declared<String> {
        let stated = Declared(text: "compliance.hardware", recipe.compliance.hardware)
        guard stated.value == nil, recipe.training.isExternal, let run = recipe.training.declared else { return stated }
        return Declared(text: "training.declared.accelerator", "\(run.acceleratorCount) × \(run.accelerator)")
    }

    /// True when the provider is established in the EU (or EEA); nil when the country is not declared.
    public var establishedInUnion: Bool? {
        providerCountry.value.map { Self.unionCountries.contains($0) }
    }

    /// EU member states plus the EEA countries (IS, LI, NO), ISO 3166-1 alpha-2 (Greece as GR).
    static let unionCountries: Set<String> = [
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
        "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO",
    ]

    /// The summary's "collected until" month as the template writes it, `MM/YYYY`.
    public var dataCollectedMonth: String? {
        dataCollectedUntil.value.map { month in
            let parts = month.split(separator: "-")
            return parts.count == 2 ? "\(parts[1])/\(parts[0])" : month
        }
    }
}
