import Foundation
import RecipeFormat
import ReleaseDocs

/// The `package` step through the ReleaseDocs module: generates the model card (`README.md`), the charts
/// (`training/loss.svg`, `eval/languages.svg`) and the EU AI Act documents (`compliance/`) from the
/// recorded outputs of prepare, train (or, for weights trained elsewhere, import: `training/import.json`
/// with the declared training facts) and evaluate and the recipe's `[release]` and `[compliance]`
/// sections. The documents cite the upstream output digests of its key, never a clock, so a rebuild
/// gives the same bytes.
public struct PackageStep: StepExecutor {
    /// `.package`.
    public let kind = StepKind.package

    /// Creates the executor.
    public init() {}

    /// Writes the documents.
    public func run(_ context: StepContext) throws {
        var outputs: [String: String] = [:]
        for id in RecordedInputs.upstreamSteps(for: context.recipe) {
            guard let digest = context.inputDigests[id] else {
                throw BuildError.stepFailed(step: context.step.id, reason: "input \(id) was not built")
            }
            outputs[id] = digest.description
        }
        let inputs = context.inputs
        let imported = context.recipe.training.isExternal
        do {
            let recorded = try RecordedInputs(recipe: context.recipe, coreVersion: CoreVersion.string, stepOutputs: outputs) { file in
                (inputs[file.step(imported: imported)] ?? URL(fileURLWithPath: "/nonexistent")).appendingPathComponent(file.stepPath)
            }
            try ReleaseDocuments(recorded).write(to: context.outputDirectory)
        } catch {
            throw BuildError.stepFailed(step: context.step.id, reason: "\(error)")
        }
    }
}
