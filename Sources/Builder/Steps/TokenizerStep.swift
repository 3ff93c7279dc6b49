import Foundation
import RecipeFormat
import Tokenization

/// The `tokenizer` step through the Tokenization module: trains byte-level BPE on the prepared
/// `train.jsonl` and writes `tokenizer.json`, `tokenizer_config.json` and `special_tokens_map.json`.
public struct TokenizerStep: StepExecutor {
    /// `.tokenizer`.
    public let kind = StepKind.tokenizer

    /// Creates the executor.
    public init() {}

    /// Trains the tokenizer.
    public func run(_ context: StepContext) throws {
        let section = context.recipe.tokenizer
        let corpus = try context.input("prepare").appendingPathComponent("train.jsonl")
        let trainer = BPETrainer(options: try Self.options(section, threads: context.threads))
        do {
            let documents = try TrainingCorpus.load(files: [corpus])
            let tokenizer = try trainer.train(documents: documents) { progress in
                let fraction = progress.total > 0 ? Double(progress.done) / Double(progress.total) : nil
                context.progress(StepProgress(fraction: fraction))
            }
            try Self.checkSize(tokenizer, section: section, step: context.step.id)
            try tokenizer.write(to: context.outputDirectory, modelMaxLength: context.recipe.model.contextLength)
        } catch let error as BuildError {
            throw error
        } catch {
            throw BuildError.stepFailed(step: context.step.id, reason: "\(error)")
        }
    }

    /// A corpus with too few distinct pairs stops merging before `vocab_size`: the model's config.json
    /// (which takes `vocab_size`) would then disagree with tokenizer.json, so the step refuses instead.
    static func checkSize(_ tokenizer: BPETokenizer, section: TokenizerSection, step: String) throws(BuildError) {
        guard tokenizer.count < section.vocabSize else { return }
        throw BuildError.stepFailed(step: step, reason: "the training text yields only \(tokenizer.count) tokens "
            + "(256 bytes, \(section.specialTokens.count) special tokens, \(tokenizer.merges.count) merges occurring at least "
            + "min_frequency = \(section.minFrequency) times), fewer than [tokenizer] vocab_size = \(section.vocabSize); "
            + "set vocab_size = \(tokenizer.count) (or less), lower min_frequency, or add text")
    }

    /// Maps `[tokenizer]` onto the Tokenization module's options.
    static func options(_ section: TokenizerSection, threads: Int) throws(BuildError) -> BPETrainerOptions {
        guard let preTokenizer = PreTokenizer(rawValue: section.preTokenizer) else {
            throw BuildError.stepFailed(step: "tokenizer", reason: "pre_tokenizer \"\(section.preTokenizer)\" is not supported by this glassbox")
        }
        return BPETrainerOptions(
            vocabSize: section.vocabSize, minFrequency: section.minFrequency, specialTokens: section.specialTokens,
            bosToken: section.bosToken, eosToken: section.eosToken, preTokenizer: preTokenizer,
            languageWeights: section.languageWeights, threads: threads)
    }
}
