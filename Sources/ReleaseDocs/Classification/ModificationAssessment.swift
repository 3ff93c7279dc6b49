/// The ⅓ rule for a model that modifies (fine-tunes) another one: the modifier becomes the provider of
/// the modified model only when the modification used more than a third of the original's training
/// compute (guidelines point 60); when that is unknown, a third of 10²⁵ (systemic original) or 10²³
/// (point 61). The modified model's status as a general-purpose AI model follows the original's.
public struct ModificationAssessment: Sendable, Equatable {
    /// The original model (Hub id or name).
    public let baseModel: String
    /// Compute of the modification, FLOP.
    public let modificationFLOP: Double
    /// The original's training compute as declared (`training.declared.base_model_compute_flop`); nil
    /// when unknown.
    public let baseFLOP: Double?
    /// The threshold applied, FLOP.
    public let threshold: Double
    /// How the threshold was chosen.
    public let thresholdBasis: String

    /// The recipe key of the original's declared training compute.
    public static let baseComputeKey = "training.declared.base_model_compute_flop"

    /// The assessment; `baseFLOP` nil when the original's training compute is unknown.
    public init(baseModel: String, modificationFLOP: Double, baseFLOP: Double?, baseIsSystemic: Bool) {
        self.baseModel = baseModel
        self.modificationFLOP = modificationFLOP
        self.baseFLOP = baseFLOP
        if let baseFLOP {
            threshold = baseFLOP / 3
            thresholdBasis = "one third of the base model's declared training compute \(Numbers.flop(baseFLOP)) FLOP (\(Self.baseComputeKey); guidelines point 60)"
        } else {
            threshold = (baseIsSystemic ? Classification.systemicRiskThreshold : Classification.indicativeCriterion) / 3
            thresholdBasis = baseIsSystemic ? "the base model's training compute is not declared (\(Self.baseComputeKey)), so the guidelines' fallback for an original with systemic risk applies: one third of 10²⁵ FLOP (point 61)"
                : "the base model's training compute is not declared (\(Self.baseComputeKey)), so the guidelines' fallback applies: one third of 10²³ FLOP (point 61; one third of 10²⁵ if the base model is a model with systemic risk)"
        }
    }

    /// True when the modifier becomes the provider of the modified general-purpose AI model.
    public var makesNewProvider: Bool { modificationFLOP > threshold }

    /// The status sentence: a modification, whose GPAI status follows the base model's.
    public var statusSentence: String {
        var text = "This release is a modification of \(baseModel) (declared, training.declared.base_model): a modified general-purpose AI model "
            + "remains one, so whether this model is a general-purpose AI model follows \(baseModel)'s status, not the modification's compute alone "
            + "(guidelines points 59–61)."
        if baseFLOP == nil, modificationFLOP > Classification.indicativeCriterion {
            text += " The base model's training compute is not declared (\(Self.baseComputeKey)), but the modification's own compute already exceeds "
                + "10²³ FLOP, so the cumulative compute does too; it is decided on as a lower bound."
        } else if baseFLOP == nil {
            text += " The base model's training compute is not declared (\(Self.baseComputeKey)), so its status is not decided here "
                + "(indicatively a general-purpose AI model above 10²³ FLOP, guidelines point 17 and Art. 3(63); presumed to have systemic risk above 10²⁵ FLOP, Art. 51(2)); "
                + "its provider's documentation states it."
        }
        return text
    }

    /// The ⅓-rule sentence.
    public var sentence: String {
        "Its modification compute \(Numbers.flop(modificationFLOP)) FLOP is " + (makesNewProvider ? "above" : "at or below")
            + " the threshold \(Numbers.flop(threshold)) FLOP, \(thresholdBasis); "
            + (makesNewProvider
                ? "the modifier therefore becomes the provider of the modified model" + (baseFLOP == nil ? " if \(baseModel) is a general-purpose AI model" : "")
                    + ", with obligations limited to the modification (Recital 109)."
                : "the modifier does not become its provider: " + (baseFLOP == nil ? "any" : "the") + " obligations stay with \(baseModel)'s provider, and these documents describe only the modification, prepared voluntarily.")
    }

    /// The short label of the card's summary row and `comply`'s first line.
    public var label: String {
        "modification of \(baseModel): GPAI status follows the base model's; modification compute "
            + (makesNewProvider ? "above" : "at or below") + " one third of " + (baseFLOP == nil ? "\(threshold > Classification.indicativeCriterion ? "10²⁵" : "10²³") FLOP (the guidelines' fallback: the base model's compute is not declared)" : "the base model's declared compute")
            + (makesNewProvider ? ", so the modifier is the provider (obligations limited to the modification)" : ", so " + (baseFLOP == nil ? "any" : "the") + " obligations stay with the base model's provider; documents prepared voluntarily")
    }
}
