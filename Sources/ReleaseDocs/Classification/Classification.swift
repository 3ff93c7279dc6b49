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
        /// A modification of a declared base model whose training compute is not declared: whether it is a
        /// general-purpose AI model follows the base model's status, which the recipe cannot establish.
        case followsBaseModel = "follows_base_model"
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
    /// With a `modification`, `flop` is the modification's compute: the tier is decided on the base
    /// model's declared compute plus it, or follows the base model when that is not declared (unless the
    /// modification alone exceeds 10²³ FLOP, a lower bound of the cumulative compute).
    public init(flop: Double, basis: String = "the largest of the estimates below", modification: ModificationAssessment?,
                openSource: (Bool) -> OpenSourceAssessment) {
        self.modification = modification
        let total = Self.cumulativeFLOP(flop, modification: modification)
        self.flop = total ?? flop
        let tier: Tier = total.map { total in
            total > Self.systemicRiskThreshold ? .systemicRiskPresumed : total > Self.indicativeCriterion ? .generalPurpose : .belowIndicativeCriterion
        } ?? .followsBaseModel
        self.tier = tier
        self.openSource = openSource(tier == .systemicRiskPresumed)
        var lines = [(modification == nil ? "Training compute" : "Training compute of the declared run, the modification") + ": \(Numbers.flop(flop)) FLOP (\(basis))."]
        if let modification {
            lines.append(modification.statusSentence)
            if let base = modification.baseFLOP {
                lines.append("Cumulative training compute: \(Numbers.flop(total ?? flop)) FLOP, the base model's declared \(Numbers.flop(base)) FLOP "
                    + "(\(ModificationAssessment.baseComputeKey)) plus this modification's.")
            }
        }
        if total != nil { lines.append(Self.tierSentence(tier, modified: modification != nil, lowerBound: modification != nil && modification?.baseFLOP == nil)) }
        if let modification { lines.append(modification.sentence) }
        lines.append(self.openSource.sentence)
        reasoning = lines
    }

    /// The compute the tier is decided on: the run's own; for a modification, the base model's declared
    /// compute plus the run's, or — base compute not declared — the run's own as a lower bound, which
    /// decides only once it exceeds 10²³ FLOP by itself (nil: the tier follows the base model).
    private static func cumulativeFLOP(_ flop: Double, modification: ModificationAssessment?) -> Double? {
        guard let modification else { return flop }
        if let base = modification.baseFLOP { return base + flop }
        return flop > indicativeCriterion ? flop : nil
    }

    private static func tierSentence(_ tier: Tier, modified: Bool, lowerBound: Bool) -> String {
        switch tier {
        case .generalPurpose where lowerBound:
            "This is above the 10²³ FLOP indicative criterion (guidelines point 17): the modified model is treated as a general-purpose AI model (Art. 3(63)). Whether its cumulative compute exceeds 10²⁵ FLOP (Art. 51(2)) depends on the base model's, which is not declared. Who owes the Art. 53 obligations follows from the ⅓ rule below."
        case .belowIndicativeCriterion where modified:
            "This is at or below the 10²³ FLOP indicative criterion for a general-purpose AI model (Commission guidelines C(2025) 7719, point 17; Art. 3(63)), so the base model and this modification of it are presumed not to be general-purpose AI models and the Art. 53 obligations are presumed not to bind. These documents are prepared voluntarily, in the form the Act would require."
        case .belowIndicativeCriterion, .followsBaseModel:
            "This is at or below the 10²³ FLOP indicative criterion for a general-purpose AI model (Commission guidelines C(2025) 7719, point 17; Art. 3(63)), so the model is presumed not to be a general-purpose AI model and the Art. 53 obligations are presumed not to bind. These documents are prepared voluntarily, in the form the Act would require."
        case .generalPurpose where modified:
            "This is above the 10²³ FLOP indicative criterion (guidelines point 17): the modified model is treated as a general-purpose AI model (Art. 3(63)), at or below 10²⁵ FLOP, so without the systemic-risk presumption of Art. 51(2). Who owes the Art. 53 obligations follows from the ⅓ rule below."
        case .systemicRiskPresumed where modified:
            "This is above 10²⁵ FLOP: the modified model is presumed to have high-impact capabilities and is a general-purpose AI model with systemic risk (Art. 51(1)(a), 51(2)), so the open-source exemptions of Art. 53(2) and 54(6) do not apply. Who owes the Art. 52(1), 53 and 55 obligations follows from the ⅓ rule below."
        case .generalPurpose:
            "This is above the 10²³ FLOP indicative criterion (guidelines point 17): the model is treated as a general-purpose AI model (Art. 3(63)) and Art. 53 applies. It is at or below 10²⁵ FLOP, so the systemic-risk presumption of Art. 51(2) does not apply."
        case .systemicRiskPresumed:
            "This is above 10²⁵ FLOP: the model is presumed to have high-impact capabilities and is a general-purpose AI model with systemic risk (Art. 51(1)(a), 51(2)). Art. 52(1) notification within two weeks, Art. 55 and Annex XI Section 2 apply, and the open-source exemptions of Art. 53(2) and 54(6) do not."
        }
    }

    /// True when the model is a general-purpose AI model (either GPAI tier).
    public var isGeneralPurpose: Bool { tier == .generalPurpose || tier == .systemicRiskPresumed }
    /// True when the Act's obligations bind this release's provider: a general-purpose AI model it provides,
    /// or, for a modification, one whose modifier becomes the provider under the ⅓ rule (for a base model of
    /// undeclared compute, on the condition that the base model is a general-purpose AI model).
    public var obligationsBind: Bool {
        guard let modification else { return isGeneralPurpose }
        return modification.makesNewProvider && tier != .belowIndicativeCriterion
    }
    /// True when the systemic-risk obligations apply.
    public var isSystemicRisk: Bool { tier == .systemicRiskPresumed }
}
