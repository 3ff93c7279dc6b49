import Evaluation
import Foundation
import Inference
import Tokenization
import Training
import Transformer

extension EvaluateStep {
    /// Scores the untrained model — the trained model's architecture initialised exactly as training
    /// began (same `[training] seed`, no update) — on the same documents, as `baseline.json`: the
    /// reference the model card shows beside each language's bits per byte (about log2(vocabulary) bits
    /// per token for a freshly initialised model). For weights imported from elsewhere it is the same
    /// architecture initialised with the recipe's seed.
    static func writeBaseline(_ context: StepContext, modelDirectory: URL, documents: [EvaluationDocument], tokenizer: BPETokenizer,
                              options: EvaluationOptions) throws {
        let configURL = modelDirectory.appendingPathComponent("config.json")
        let config = try JSONDecoder().decode(LlamaConfig.self, from: Data(contentsOf: configURL))
        let model = try LlamaModel(config: config)
        WeightInitializer.initialize(model, seed: UInt64(context.recipe.training.seed), threads: context.threads)
        let run = try Evaluator(model: LanguageModel(model, threads: context.threads), tokenizer: tokenizer, options: options)
            .evaluate(documents)
        try run.results.write(to: context.outputDirectory.appendingPathComponent("baseline.json"))
    }

    /// Tokens per word and per byte of the tokenizer on the evaluated documents, per language, as
    /// `fertility.json` (the card's tokenizer table).
    static func writeFertility(_ context: StepContext, documents: [EvaluationDocument], tokenizer: BPETokenizer) throws {
        let corpus = documents.map { TrainingDocument(text: $0.text, language: $0.language) }
        let report = FertilityReport(tokenizer: tokenizer, documents: corpus, threads: context.threads)
        try report.write(to: context.outputDirectory.appendingPathComponent("fertility.json"))
    }
}
