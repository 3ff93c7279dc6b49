import RecipeFormat

/// The training of weights Glassbox did not train (`[training] backend = "external"`), as the `import`
/// step recorded it in `training/import.json`: the provider's declarations (trainer, code revision,
/// hardware, wall-clock, tokens, energy, compute, run configuration), which Glassbox prints as declared
/// and cannot check, beside what the import step verified (digests, structure, vocabulary).
public struct ImportedTrainingFacts: Sendable, Equatable {
    /// The provider's `[training.declared]`, as recorded by the import step.
    public let declared: DeclaredTraining
    /// `training.weights.uri`.
    public let weightsURI: String
    /// Digest of the weights as fetched (a directory: its manifest).
    public let weightsDigest: String
    /// For a git location, the commit the weights came from.
    public let weightsCommit: String?
    /// Release path of the run's configuration file (`training/<name>`), when one was declared.
    public let configFile: String?
    /// Parameters counted by the import step from the verified tensors.
    public let verifiedParameters: Int
    /// Tokens in the imported `tokenizer.json`.
    public let tokenizerTokens: Int
    /// The checks the import step passed, in words.
    public let checks: [String]
    /// `imported, declared`.
    public let reproducibility: String

    init(_ record: Records.Import) {
        declared = record.declared
        weightsURI = record.source.uri
        weightsDigest = record.source.sha256
        weightsCommit = record.source.commit
        configFile = record.configFile
        verifiedParameters = record.verified.parameters
        tokenizerTokens = record.verified.tokenizerTokens
        checks = record.verified.checks
        reproducibility = record.reproducibility
    }

    /// `8 × NVIDIA H100 80GB`.
    public var hardware: String { "\(declared.acceleratorCount) × \(declared.accelerator)" }

    /// `torchtitan 0.1.0`.
    public var trainer: String { "\(declared.trainer) \(declared.trainerVersion)" }

    /// `training.declared.base_model` when declared: the model these weights were trained from.
    public var baseModel: String? { declared.baseModel }

    /// The base model's Hub id (`owner/name`), when the declared base model is one.
    public var baseModelHubID: String? { baseModel.flatMap(HubIDs.model) }

    /// Every declared fact with its recipe key and unit, in the order the documents list them (the
    /// absent optional ones with a nil value; the base model and its compute only when declared, so
    /// documents without them are those written before the keys existed).
    public var declarations: [(key: String, label: String, value: String?, unit: String?)] {
        let d = declared
        var base: [(key: String, label: String, value: String?, unit: String?)] = d.baseModel.map { [(Self.baseModelKey, "Base model", $0, nil)] } ?? []
        if let flop = d.baseModelComputeFLOP { base.append((ModificationAssessment.baseComputeKey, "Base model's compute", Numbers.scientific(flop), "FLOP")) }
        return base + [
            ("training.declared.trainer", "Trainer", d.trainer, nil),
            ("training.declared.trainer_version", "Trainer version", d.trainerVersion, nil),
            ("training.declared.code_revision", "Code revision", d.codeRevision, nil),
            ("training.declared.accelerator", "Accelerator", d.accelerator, nil),
            ("training.declared.accelerator_count", "Accelerators", String(d.acceleratorCount), nil),
            ("training.declared.wall_clock_hours", "Wall-clock", Numbers.plain(d.wallClockHours), "hours"),
            ("training.declared.tokens_seen", "Tokens seen", String(d.tokensSeen), "tokens"),
            ("training.declared.energy_kwh", "Energy", d.energyKWh.map(Numbers.plain), "kWh"),
            ("training.declared.compute_flop", "Compute", d.computeFLOP.map(Numbers.scientific), "FLOP"),
            ("training.declared.config_file", "Run configuration", configFile, nil),
            ("training.declared.command", "Command", d.command, nil),
        ]
    }

    /// The recipe key of the declared base model.
    public static let baseModelKey = "training.declared.base_model"
}
