import RecipeFormat

/// Every fact the model card and the EU documents print, gathered once from the recorded inputs:
/// recorded (`data/stats.json`, `config.json`, `training/log.jsonl`, `eval/*.json`), configured (the
/// recipe's build settings), declared (`[compliance]`) and computed (compute, energy, classification,
/// openness). The documents only format these; nothing is typed twice.
public struct ReleaseFacts: Sendable {
    /// The recorded inputs (recipe, digests of every file read).
    public let inputs: RecordedInputs
    /// The model's shape.
    public let model: ModelFacts
    /// The data.
    public let data: DataFacts
    /// The training run.
    public let training: TrainingFacts
    /// For weights trained elsewhere (`[training] backend = "external"`): the declared run and what the
    /// import step verified; nil when Glassbox trained the model.
    public let imported: ImportedTrainingFacts?
    /// The evaluation.
    public let evaluation: EvaluationFacts
    /// The provider's declarations.
    public let declared: DeclaredFacts
    /// Training compute.
    public let compute: ComputeEstimate
    /// Training energy and emissions.
    public let energy: EnergyEstimate
    /// The regulatory classification.
    public let classification: Classification
    /// The Model Openness Framework class.
    public let openness: OpennessAssessment

    /// Gathers the facts of `inputs`.
    public init(_ inputs: RecordedInputs) {
        self.inputs = inputs
        let recipe = inputs.recipe
        model = ModelFacts(inputs.config)
        data = DataFacts(inputs.statistics, recipe: recipe)
        let imported = inputs.importRecord.map(ImportedTrainingFacts.init)
        self.imported = imported
        evaluation = EvaluationFacts(results: inputs.evaluation, baseline: inputs.baseline, fertility: inputs.fertility)
        declared = DeclaredFacts(recipe)
        if let imported {
            training = TrainingFacts(imported: imported, settings: recipe.training)
            compute = ComputeEstimate(imported: model, tokensSeen: imported.declared.tokensSeen, declared: imported.declared.computeFLOP)
            energy = EnergyEstimate(imported: imported.declared, compliance: recipe.compliance)
        } else {
            training = TrainingFacts(log: inputs.log, settings: recipe.training)
            compute = ComputeEstimate(model: model, tokens: training.tokens, sequenceLength: recipe.training.sequenceLength)
            energy = EnergyEstimate(flop: compute.reported.flop, compliance: recipe.compliance)
        }
        let license = recipe.release.license
        let publicURL = declared.publicURL.value
        let monetised = declared.monetised.value
        // A declared base model makes the declared run a modification of it; its compute is the reported one,
        // compared with a third of the base model's declared compute (or the guidelines' fallback).
        let reportedFLOP = compute.reported.flop
        let modification = imported?.baseModel.map { ModificationAssessment(baseModel: $0, modificationFLOP: reportedFLOP, baseFLOP: imported?.declared.baseModelComputeFLOP, baseIsSystemic: false) }
        let computeNote = modification.flatMap { $0.baseFLOP == nil && $0.modificationFLOP <= Classification.systemicRiskThreshold ? "not presumed here: the modification's compute is at or below 10²⁵ FLOP, "
            + "and the base model's is not declared (\(ModificationAssessment.baseComputeKey)); if \($0.baseModel) is a model with systemic risk, the exemption does not apply to it" : nil }
        classification = Classification(flop: compute.reported.flop, basis: compute.reportedBasis, modification: modification) { systemic in
            OpenSourceAssessment.assess(license: license, publicURL: publicURL, monetised: monetised, systemicRisk: systemic, computeNote: computeNote)
        }
        let dataLicences = data.sources.map { FreeLicences.verdict($0.license) }
        let local = data.sources.filter { !$0.isRemote }.map(\.id)
        let dataOpen = data.sources.allSatisfy(\.redistributable) && dataLicences.allSatisfy(\.isFree) && local.isEmpty
        let codeLicense = recipe.compliance.codeLicense
        openness = OpennessAssessment.assess(OpennessInputs(
            license: license, weightLicenceFree: FreeLicences.verdict(license).isFree, architecture: model.architecture,
            codeURL: recipe.compliance.codeURL, codeLicense: codeLicense,
            codeLicenceFree: codeLicense.map { FreeLicences.verdict($0).isFree } ?? false,
            dataOpen: (dataOpen, dataOpen ? "every source is public at a pinned URL, redistributable under a free licence"
                : !local.isEmpty ? "local sources are not published with the release (\(local.joined(separator: ", ")))"
                : "not every source is redistributable under a free licence"),
            externalTrainer: imported.map { "\($0.trainer) at \($0.declared.codeRevision)" }))
    }

    /// The recipe.
    public var recipe: Recipe { inputs.recipe }
    /// `<name>-<version>`.
    public var releaseName: String { "\(recipe.release.name)-\(recipe.release.version)" }
    /// `rebuilt bit for bit` or `imported, declared` (the names of Builder's `ReproducibilityClass`).
    public var reproducibility: String { imported?.reproducibility ?? "rebuilt bit for bit" }
}
