import Foundation
import RecipeFormat
import Tokenization
import Training
import Transformer

/// The `train` step through the Training module: tokenises the prepared `train.jsonl` with the built
/// tokenizer and trains the Llama model, writing `model.safetensors`, `config.json`,
/// `generation_config.json` and `training/log.jsonl`. Checkpoints go to the step's scratch directory,
/// so a build killed mid-training resumes from the last checkpoint of the same key.
public struct TrainStep: StepExecutor {
    /// `.train`.
    public let kind = StepKind.train

    /// Creates the executor.
    public init() {}

    /// Trains the model.
    public func run(_ context: StepContext) throws {
        let recipe = context.recipe
        let tokenizer: BPETokenizer
        let documents: [TrainingDocument]
        do {
            tokenizer = try BPETokenizer(contentsOf: try context.input("tokenizer").appendingPathComponent("tokenizer.json"))
            documents = try TrainingCorpus.load(files: [try context.input("prepare").appendingPathComponent("train.jsonl")])
        } catch {
            throw BuildError.stepFailed(step: context.step.id, reason: "\(error)")
        }
        let eos = tokenizer.id(of: recipe.tokenizer.eosToken)
        let tokenized = Self.tokenized(documents, tokenizer: tokenizer, eos: eos, threads: context.threads)
        let config = Self.config(recipe, bos: tokenizer.id(of: recipe.tokenizer.bosToken), eos: eos)
        let options = Self.options(recipe.training, separator: nil, threads: context.threads)
        do {
            _ = try Trainer.run(config: config, options: options, documents: tokenized,
                                checkpointDirectory: context.scratchDirectory.appendingPathComponent("checkpoints").path,
                                outputDirectory: context.outputDirectory.path, group: context.processGroup) { progress in
                context.progress(StepProgress(fraction: Double(progress.entry.step) / Double(max(1, progress.totalSteps)),
                                              rate: progress.tokensPerSecond, unit: "tokens"))
                return .proceed
            }
        } catch {
            throw BuildError.stepFailed(step: context.step.id, reason: error.description)
        }
    }

    /// Each document framed as inference frames text: the tokenizer's template around it (its BOS first,
    /// as `generate` and `eval` put it), then EOS at its end unless the template already ends with it —
    /// so the model learns BOS's embedding and where a document stops.
    static func tokenized(_ documents: [TrainingDocument], tokenizer: BPETokenizer, eos: Int?, threads: Int) -> [TokenizedDocument] {
        let encoded = tokenizer.encodeBatch(documents.map(\.text), threads: threads, addSpecialTokens: true)
        let closing = eos.flatMap { tokenizer.template.after.last == $0 ? nil : $0 }
        return zip(documents, encoded).map { document, ids in
            TokenizedDocument(language: document.language, tokens: (ids + (closing.map { [$0] } ?? [])).map { Int32(truncatingIfNeeded: $0) })
        }
    }

    /// Maps `[model]` (and the tokenizer's size and special ids) onto the Transformer config.
    static func config(_ recipe: Recipe, bos: Int?, eos: Int?) -> LlamaConfig {
        let model = recipe.model
        return LlamaConfig(
            vocabSize: recipe.tokenizer.vocabSize, hiddenSize: model.hiddenSize, intermediateSize: model.intermediateSize,
            numHiddenLayers: model.numLayers, numAttentionHeads: model.numAttentionHeads,
            numKeyValueHeads: model.numKeyValueHeads, maxPositionEmbeddings: model.contextLength,
            rmsNormEps: model.rmsNormEps, ropeTheta: model.ropeTheta, tieWordEmbeddings: model.tieWordEmbeddings,
            bosTokenId: bos, eosTokenId: eos, initializerRange: model.initStd)
    }

    /// Maps `[training]` onto the Training module's options.
    static func options(_ training: TrainingSection, separator: Int32?, threads: Int) -> TrainingOptions {
        TrainingOptions(
            seed: UInt64(training.seed), sequenceLength: training.sequenceLength, batchSize: training.batchSize,
            steps: training.steps, learningRate: training.learningRate,
            gradientAccumulationSteps: training.gradientAccumulationSteps, minLearningRate: training.minLearningRate,
            warmupSteps: training.warmupSteps, schedule: training.schedule == "linear" ? .linear : .cosine,
            weightDecay: training.weightDecay, beta1: training.beta1, beta2: training.beta2, epsilon: training.epsilon,
            gradClipNorm: training.gradClipNorm, checkpointEverySteps: training.checkpointEverySteps,
            languageWeights: training.languageWeights, documentSeparator: separator, threads: threads)
    }
}
