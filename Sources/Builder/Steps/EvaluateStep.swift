import Evaluation
import Foundation
import Inference
import Quantization
import RecipeFormat
import Tokenization

/// The `evaluate` step through the Evaluation module: scores the trained (or imported) model on the held-out
/// `eval.jsonl` (per language) and on `[evaluation].extra_files` (one row per file under `extra_files`,
/// never counted as a language nor in `overall`), writing `results.json` (released as
/// `eval/results.json`), the same scores for the untrained model (`baseline.json`) and the
/// tokenizer's fertility on those documents (`fertility.json`); see `EvaluateStep+Baseline.swift`.
public struct EvaluateStep: StepExecutor {
    /// `.evaluate`.
    public let kind = StepKind.evaluate

    /// Creates the executor.
    public init() {}

    /// Evaluates the trained model.
    public func run(_ context: StepContext) throws {
        let section = context.recipe.evaluation
        do {
            let imported = context.inputs["import"]
            let modelDirectory = try imported ?? context.input("train")
            let model = try ModelLoader.load(modelDirectory, threads: context.threads)
            let tokenizerDirectory = try imported ?? context.input("tokenizer")
            let tokenizer = try BPETokenizer(contentsOf: tokenizerDirectory.appendingPathComponent("tokenizer.json"))
            let documents = try EvaluationDocument.load(try context.input("prepare").appendingPathComponent("eval.jsonl"))
            let inputs = LocalInputs(recipeDirectory: context.recipeDirectory, dataDirectory: context.dataDirectory)
            var extra: [EvaluationDocument] = []
            for file in section.extraFiles {
                let path = String(file.dropFirst("file:".count))
                extra += try EvaluationDocument.load(try inputs.resolve(path, step: context.step.id)).map { document in
                    EvaluationDocument(language: path, source: document.source, text: document.text)
                }
            }
            let options = EvaluationOptions(contextLength: section.contextLength, stride: section.stride, threads: context.threads)
            let variants = try Self.variants(context, modelDirectory: modelDirectory)
            let parts = Double(1 + variants.count)
            var results = try Evaluator(model: model, tokenizer: tokenizer, options: options).evaluate(documents, extraFiles: extra) { done, total, _ in
                context.progress(StepProgress(fraction: total > 0 ? Double(done) / Double(total) / parts : nil))
            }.results
            for (index, (type, variant)) in variants.enumerated() {
                let run = try Evaluator(model: variant, tokenizer: tokenizer, options: options).evaluate(documents, extraFiles: extra) { done, total, _ in
                    context.progress(StepProgress(fraction: total > 0 ? (Double(index + 1) + Double(done) / Double(total)) / parts : nil))
                }
                results.variants = (results.variants ?? [:]).merging([type.rawValue: run.results]) { $1 }
            }
            try results.write(to: context.outputDirectory.appendingPathComponent("results.json"))
            try Self.writeBaseline(context, modelDirectory: modelDirectory, documents: documents, tokenizer: tokenizer, options: options)
            try Self.writeFertility(context, documents: documents, tokenizer: tokenizer)
        } catch let error as BuildError {
            throw error
        } catch {
            throw BuildError.stepFailed(step: context.step.id, reason: "\(error)")
        }
    }

    /// The quantized variants the `quantize` step wrote (none without `[[quantize]]`), in type order,
    /// each loaded with the model's `config.json`.
    static func variants(_ context: StepContext, modelDirectory: URL) throws -> [(QuantizationType, LanguageModel)] {
        guard let directory = context.inputs["quantize"] else { return [] }
        return try QuantizationType.allCases.compactMap { type in
            let file = directory.appendingPathComponent(QuantizeStep.fileName(type))
            guard FileManager.default.fileExists(atPath: file.path) else { return nil }
            return (type, try VariantLoader.load(modelDirectory, type: type, threads: context.threads, file: file))
        }
    }
}
