import RecipeFormat

/// What the training log recorded, beside the `[training]` settings it ran with.
public struct TrainingFacts: Sendable, Equatable {
    /// The settings (configured in the recipe, executed by the train step).
    public let settings: TrainingSection
    /// Optimiser updates in the log (0 for imported weights: no log).
    public let steps: Int
    /// Input tokens consumed (the log's last `tokens_seen`; for imported weights the declared
    /// `training.declared.tokens_seen`).
    public let tokens: Int
    /// Loss of the first update.
    public let firstLoss: Double
    /// Loss of the last update.
    public let finalLoss: Double
    /// Lowest loss logged.
    public let lowestLoss: Double
    /// (step, loss) for every update, for the chart.
    public let curve: [(step: Int, loss: Double)]

    init(log: [Records.LogEntry], settings: TrainingSection) {
        self.settings = settings
        steps = log.count
        tokens = log.last?.tokensSeen ?? 0
        firstLoss = log.first?.loss ?? 0
        finalLoss = log.last?.loss ?? 0
        lowestLoss = log.map(\.loss).min() ?? 0
        curve = log.map { ($0.step, $0.loss) }
    }

    /// The training of imported weights: no log, the declared tokens.
    init(imported: ImportedTrainingFacts, settings: TrainingSection) {
        self.settings = settings
        steps = 0
        tokens = imported.declared.tokensSeen
        firstLoss = 0
        finalLoss = 0
        lowestLoss = 0
        curve = []
    }

    public static func == (lhs: TrainingFacts, rhs: TrainingFacts) -> Bool {
        lhs.settings == rhs.settings && lhs.steps == rhs.steps && lhs.tokens == rhs.tokens
            && lhs.curve.map(\.loss) == rhs.curve.map(\.loss)
    }
}

/// One language's evaluation: the trained model beside the untrained one, and the tokenizer's cost.
public struct LanguageEvaluation: Sendable, Equatable {
    /// Language code (or extra-file name).
    public let language: String
    /// Documents scored.
    public let documents: Int
    /// UTF-8 bytes scored.
    public let bytes: Int
    /// Bits per byte of the trained model.
    public let bitsPerByte: Double
    /// Bits per byte of the same architecture at initialisation (the untrained baseline).
    public let baselineBitsPerByte: Double?
    /// Tokens per word of the tokenizer on these documents (fertility).
    public let tokensPerWord: Double?
    /// Tokens per UTF-8 byte.
    public let tokensPerByte: Double?
}

/// The evaluation: windows, method and per-language rows.
public struct EvaluationFacts: Sendable, Equatable {
    /// Tokens per scoring window.
    public let contextLength: Int
    /// Tokens between window starts.
    public let stride: Int
    /// The scoring method, as `eval/results.json` states it.
    public let method: String
    /// Rows sorted by language.
    public let languages: [LanguageEvaluation]
    /// Each quantized variant's bits per byte, by language (empty when the release has none).
    public let variants: [VariantEvaluation]

    init(results: Records.Evaluation, baseline: Records.Evaluation, fertility: Records.FertilityReport) {
        contextLength = results.contextLength
        stride = results.stride
        method = results.method
        languages = results.languages.map { score in
            let untrained = baseline.languages.first { $0.language == score.language }
            let cost = fertility.languages.first { $0.language == score.language }
            return LanguageEvaluation(language: score.language, documents: score.documents, bytes: score.bytes,
                                      bitsPerByte: score.bitsPerByte, baselineBitsPerByte: untrained?.bitsPerByte,
                                      tokensPerWord: cost?.tokensPerWord, tokensPerByte: cost?.tokensPerByte)
        }
        // Types are printed in the card: only plain names (`q8_0`) are taken from the file.
        variants = (results.variants ?? [:]).keys.filter { $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") } }.sorted().map { type in
            let scores = results.variants?[type]?.languages ?? []
            return VariantEvaluation(type: type, bitsPerByte: Dictionary(scores.map { ($0.language, $0.bitsPerByte) }) { a, _ in a })
        }
    }
}
