import Foundation
import GGUF
import Quantization

/// The `quantize` step: each `[[quantize]]` variant of the trained (or imported) model as a GGUF file
/// (`model-<type>.gguf`, `LlamaGGUFExport`) from the `train` outputs and the built tokenizer. Block
/// quantization is per block, so the bytes do not depend on the thread count; the files go to the
/// release root and into SHA256SUMS, the signature and the lock like every other output.
public struct QuantizeStep: StepExecutor {
    /// `.quantize`.
    public let kind = StepKind.quantize

    /// Creates the executor.
    public init() {}

    /// The file name of the variant of `type`.
    public static func fileName(_ type: QuantizationType) -> String { "model-\(type.rawValue).gguf" }

    /// Writes every variant.
    public func run(_ context: StepContext) throws {
        // Trained here (train + tokenizer) or imported (one import step holding weights and tokenizer).
        let train = try context.inputs["import"] == nil ? context.input("train") : context.input("import")
        let tokenizer = try (context.inputs["tokenizer"] == nil ? train : context.input("tokenizer")).appendingPathComponent("tokenizer.json")
        let name = "\(context.recipe.release.name)-\(context.recipe.release.version)"
        let variants = context.recipe.quantizeVariants
        for (index, variant) in variants.enumerated() {
            guard let type = QuantizationType(rawValue: variant.type) else {
                throw BuildError.stepFailed(step: context.step.id, reason: "unknown quantization type \(variant.type)")
            }
            do {
                let export = LlamaGGUFExport(type: type, name: name, threads: context.threads)
                let bytes = try export.document(modelDirectory: train, tokenizerFile: tokenizer).serialized()
                try GGUFOutput.write(bytes, to: context.outputDirectory.appendingPathComponent(Self.fileName(type)).path, force: false)
            } catch {
                throw BuildError.stepFailed(step: context.step.id, reason: "\(error)")
            }
            context.progress(StepProgress(fraction: Double(index + 1) / Double(variants.count), unit: "variants"))
        }
    }
}
