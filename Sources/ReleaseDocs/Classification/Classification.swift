/// Which EU AI Act regime the release falls under, decided from its training compute and licence, with
/// the reasoning in sentences the documents print.
public struct Classification: Sendable, Equatable {
    /// The compute tier.
    public enum Tier: String, Sendable, Codable {
        /// Training compute at or below 10²³ FLOP: not a general-purpose AI model under the Commission's
        /// indicative criterion; the documents are prepared voluntarily.
        case belowIndicativeCriterion = "below_gpai_indicative"
        /// Above 10²³ FLOP: a general-purpose AI model (Art. 3(63); guidelines point 17).
        case generalPurpose = "gpai"
        /// Above 10²⁵ FLOP: presumed to have high-impact capabilities, a model with systemic risk (Art. 51(2)).
        case systemicRiskPresumed = "gpai_systemic_presumed"
    }

    /// The indicative GPAI criterion (guidelines C(2025) 7719, point 17), FLOP.
    public static let indicativeCriterion = 1e23
    /// The systemic-risk presumption (Art. 51(2)), FLOP.
    public static let systemicRiskThreshold = 1e25

    /// The tier.
    public let tier: Tier
    /// The training compute it was decided on.
    public let flop: Double
    /// For a model that modifies another: the ⅓ rule (guidelines points 59–61); nil when trained from scratch.
    public let modification: ModificationAssessment?
    /// The Art. 53(2) / 54(6) open-source exemption.
    public let openSource: OpenSourceAssessment
    /// The reasoning, one sentence per line, citing the provisions.
    public let reasoning: [String]

    /// Classifies a model trained with `flop` operations.
    /// `basis` says where the figure comes from (the default: the largest of the estimates).
    public init(flop: Double, basis: String = "the largest of the estimates below", modification: ModificationAssessment?,
                openSource: (Bool) -> OpenSourceAssessment) {
        self.flop = flop
        self.modification = modification
        let tier: Tier = flop > Self.systemicRiskThreshold ? .systemicRiskPresumed
            : flop > Self.indicativeCriterion ? .generalPurpose : .belowIndicativeCriterion
        self.tier = tier
        self.openSource = openSource(tier == .systemicRiskPresumed)
        var lines = ["Training compute: \(Numbers.flop(flop)) FLOP (\(basis))."]
        switch tier {
        case .belowIndicativeCriterion:
            lines.append("This is at or below the 10²³ FLOP indicative criterion for a general-purpose AI model (Commission guidelines C(2025) 7719, point 17; Art. 3(63)), so the model is presumed not to be a general-purpose AI model and the Art. 53 obligations are presumed not to bind. These documents are prepared voluntarily, in the form the Act would require.")
        case .generalPurpose:
            lines.append("This is above the 10²³ FLOP indicative criterion (guidelines point 17): the model is treated as a general-purpose AI model (Art. 3(63)) and Art. 53 applies. It is at or below 10²⁵ FLOP, so the systemic-risk presumption of Art. 51(2) does not apply.")
        case .systemicRiskPresumed:
            lines.append("This is above 10²⁵ FLOP: the model is presumed to have high-impact capabilities and is a general-purpose AI model with systemic risk (Art. 51(1)(a), 51(2)). Art. 52(1) notification within two weeks, Art. 55 and Annex XI Section 2 apply, and the open-source exemptions of Art. 53(2) and 54(6) do not.")
        }
        if let modification { lines.append(modification.sentence) }
        lines.append(self.openSource.sentence)
        reasoning = lines
    }

    /// True when the model is a general-purpose AI model (either GPAI tier).
    public var isGeneralPurpose: Bool { tier != .belowIndicativeCriterion }
    /// True when the systemic-risk obligations apply.
    public var isSystemicRisk: Bool { tier == .systemicRiskPresumed }
}

/// The ⅓ rule for a model that modifies (fine-tunes) another one: the modifier becomes the provider of
/// a new model only when the modification used more than a third of the original's training compute
/// (guidelines point 60); when that is unknown, a third of 10²⁵ (systemic original) or 10²³ (point 61).
public struct ModificationAssessment: Sendable, Equatable {
    /// The original model (Hub id or name).
    public let baseModel: String
    /// Compute of the modification, FLOP.
    public let modificationFLOP: Double
    /// The threshold applied, FLOP.
    public let threshold: Double
    /// How the threshold was chosen.
    public let thresholdBasis: String

    /// The assessment; `baseFLOP` nil when the original's training compute is unknown.
    public init(baseModel: String, modificationFLOP: Double, baseFLOP: Double?, baseIsSystemic: Bool) {
        self.baseModel = baseModel
        self.modificationFLOP = modificationFLOP
        if let baseFLOP {
            threshold = baseFLOP / 3
            thresholdBasis = "one third of the original's declared training compute \(Numbers.flop(baseFLOP)) FLOP (guidelines point 60)"
        } else {
            threshold = (baseIsSystemic ? Classification.systemicRiskThreshold : Classification.indicativeCriterion) / 3
            thresholdBasis = baseIsSystemic ? "the original's compute is not declared, so one third of 10²⁵ FLOP (guidelines point 61)"
                : "the original's compute is not declared, so one third of 10²³ FLOP (guidelines point 61; one third of 10²⁵ if the original is a model with systemic risk)"
        }
    }

    /// True when the modifier becomes the provider of a new general-purpose AI model.
    public var makesNewProvider: Bool { modificationFLOP > threshold }

    /// The reasoning sentence.
    public var sentence: String {
        "This model modifies \(baseModel). Its modification compute \(Numbers.flop(modificationFLOP)) FLOP is "
            + (makesNewProvider ? "above" : "at or below") + " the threshold \(Numbers.flop(threshold)) FLOP, \(thresholdBasis); "
            + (makesNewProvider ? "the modifier is therefore the provider of a new model." : "the obligations stay with the original provider, and these documents only describe the modification.")
    }
}
