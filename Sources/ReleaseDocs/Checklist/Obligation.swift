/// One item of the EU AI Act checklist (../shared/eu-compliance.md section 8, generated into
/// `ObligationCatalog`): what it requires, whom it applies to and how it is checked.
public struct Obligation: Sendable, Equatable {
    /// Who an obligation binds.
    public enum AppliesTo: String, Sendable, Codable {
        /// Every provider of a general-purpose AI model, open-source included.
        case allGeneralPurpose = "all_gpai"
        /// Waived when the Art. 53(2) / 54(6) open-source exemption holds.
        case nonOpenSourceOnly = "non_open_source_only"
        /// Only models with systemic risk (Art. 51).
        case systemicRisk = "systemic_risk"
    }

    /// Stable id (`art53.1c.copyright`).
    public let id: String
    /// The provisions it rests on.
    public let ref: String
    /// Whom it binds.
    public let appliesTo: AppliesTo
    /// True for items that decide whether anything applies at all.
    public let scope: Bool
    /// A further condition, in words.
    public let condition: String?
    /// What satisfies it.
    public let artifact: String
    /// What can be checked mechanically.
    public let check: String
}

/// The checklist: the generated table of obligations and the sources it cites.
public enum ObligationCatalog {
    /// Every obligation, in checklist order.
    public static var all: [Obligation] { obligations }
}

/// The state of one obligation for one release.
public struct ObligationResult: Sendable, Equatable, Encodable {
    /// `met`, `missing` or `not-applicable`.
    public enum Status: String, Sendable, Codable {
        case met
        case missing
        case notApplicable = "not-applicable"
    }

    /// The obligation's id.
    public let id: String
    /// Its provisions.
    public let ref: String
    /// Whom it binds (`all_gpai`, …).
    public let appliesTo: String
    /// `binding`, `voluntary` (the model is below the GPAI criterion, so the item is held to the same
    /// standard without being owed) or `not-applicable`.
    public let applicability: String
    /// The state.
    public let status: Status
    /// The release file that satisfies it, when one does.
    public let satisfiedBy: String?
    /// Why this status, in a sentence.
    public let reason: String
    /// Recipe keys (or files) whose absence makes it missing.
    public let missing: [String]

    /// True when `--check` must fail on it.
    public var failsCheck: Bool { status == .missing && applicability != "not-applicable" }

    enum CodingKeys: String, CodingKey {
        case id, ref, applicability, status, reason, missing
        case appliesTo = "applies_to"
        case satisfiedBy = "satisfied_by"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(ref, forKey: .ref)
        try c.encode(appliesTo, forKey: .appliesTo)
        try c.encode(applicability, forKey: .applicability)
        try c.encode(status, forKey: .status)
        try c.encode(satisfiedBy, forKey: .satisfiedBy)
        try c.encode(reason, forKey: .reason)
        try c.encode(missing, forKey: .missing)
    }
}
