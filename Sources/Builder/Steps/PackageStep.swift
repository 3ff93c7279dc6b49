import Foundation
import RecipeFormat
import ReleaseDocs

/// The `package` step through the ReleaseDocs module: generates the model card (`README.md`), the charts
/// (`training/loss.svg`, `eval/languages.svg`) and the EU AI Act documents (`compliance/`) from the
/// recorded outputs of prepare, train and evaluate and the recipe's `[release]` and `[compliance]`
/// sections. The documents cite the upstream output digests of its key, never a clock, so a rebuild
/// gives the same bytes.
public struct PackageStep: StepExecutor {
    /// `.package`.
    public let kind = StepKind.package

    /// Creates the executor.
    public init() {}

    /// Weights imported from elsewhere (`backend = "external"`) have no training log and their facts
    /// are declared, not recorded; the documents for them are not written yet (issue #26).
    public func unavailableReason(for recipe: Recipe) -> String? {
        recipe.training.isExternal
            ? "the package step does not yet write the model card and EU documents for weights imported from elsewhere "
                + "(backend = \"external\": no training/log.jsonl; the declared facts are in training/import.json)"
            : nil
    }

    /// Writes the documents.
    public func run(_ context: StepContext) throws {
        var outputs: [String: String] = [:]
        for id in RecordedInputs.upstreamSteps {
            guard let digest = context.inputDigests[id] else {
                throw BuildError.stepFailed(step: context.step.id, reason: "input \(id) was not built")
            }
            outputs[id] = digest.description
        }
        let inputs = context.inputs
        do {
            let recorded = try RecordedInputs(recipe: context.recipe, coreVersion: CoreVersion.string, stepOutputs: outputs) { file in
                (inputs[file.step] ?? URL(fileURLWithPath: "/nonexistent")).appendingPathComponent(file.stepPath)
            }
            try ReleaseDocuments(recorded).write(to: context.outputDirectory)
        } catch {
            throw BuildError.stepFailed(step: context.step.id, reason: "\(error)")
        }
    }
}
