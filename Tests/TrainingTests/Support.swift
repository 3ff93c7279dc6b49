import Foundation
import Training
import Transformer
import TestSupport

/// Fixtures (Tools/make_training_goldens.py) and small synthetic runs.
enum Support {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// parity.json
    struct Parity: Decodable {
        struct Options: Decodable {
            let steps: Int, batch_size: Int, sequence_length: Int, gradient_accumulation_steps: Int
            let learning_rate: Double, min_learning_rate: Double, warmup_steps: Int, weight_decay: Double
            let beta1: Double, beta2: Double, epsilon: Double, grad_clip_norm: Double
        }
        struct Entry: Decodable { let step: Int, loss: Double, grad_norm: Double, learning_rate: Double }
        let config: LlamaConfig
        let options: Options
        let tokens: [[Int32]]
        let targets: [[Int32]]
        let log: [Entry]
    }

    static func parity() throws -> Parity {
        try JSONDecoder().decode(Parity.self, from: Data(contentsOf: fixtures.appendingPathComponent("parity.json")))
    }

    static func temporaryDirectory() throws -> String {
        try TemporaryDirectory.create(prefix: "glassbox-training-").path
    }

    static let tinyConfig = LlamaConfig(
        vocabSize: 50, hiddenSize: 32, intermediateSize: 40, numHiddenLayers: 2, numAttentionHeads: 4,
        numKeyValueHeads: 2, maxPositionEmbeddings: 16, tieWordEmbeddings: true, bosTokenId: 0, eosTokenId: 1,
        initializerRange: 0.05)

    static func tinyOptions(threads: Int = 1, steps: Int = 8, checkpointEvery: Int = 3) -> TrainingOptions {
        TrainingOptions(seed: 42, sequenceLength: 12, batchSize: 3, steps: steps, learningRate: 3e-3,
                        gradientAccumulationSteps: 2, minLearningRate: 3e-4, warmupSteps: 2,
                        checkpointEverySteps: checkpointEvery, languageWeights: ["cs": 2, "en": 1],
                        documentSeparator: 1, threads: threads)
    }

    /// Two languages of patterned documents.
    static func documents() -> [TokenizedDocument] {
        (0..<30).map { d in
            let lang = d % 3 == 0 ? "en" : "cs"
            let tokens = (0..<(17 + d % 7)).map { Int32(2 + (d * 5 + $0 * (lang == "cs" ? 3 : 7)) % 48) }
            return TokenizedDocument(language: lang, tokens: tokens)
        }
    }

    /// The bytes of a file (empty when missing).
    static func bytes(_ path: String) -> Data { (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data() }
}
