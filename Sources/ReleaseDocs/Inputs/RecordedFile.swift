/// A file the documents are generated from, with where it lies in a release and in its step's outputs.
public enum RecordedFile: String, CaseIterable, Sendable, Codable, Comparable {
    /// Per-language and per-source counts of the prepared data (`prepare`).
    case dataStatistics = "data/stats.json"
    /// The model's shape (`train`).
    case modelConfig = "config.json"
    /// One line per optimiser update (`train`).
    case trainingLog = "training/log.jsonl"
    /// Per-language bits per byte of the trained model (`evaluate`).
    case evaluation = "eval/results.json"
    /// The same scores for the untrained (initialised) model (`evaluate`).
    case baseline = "eval/baseline.json"
    /// Tokens per word and per byte of the tokenizer on the held-out text (`evaluate`).
    case fertility = "eval/fertility.json"
    /// How weights trained elsewhere entered the release: the provider's declared training facts and
    /// what the verification checked (`import`, only for `[training] backend = "external"`).
    case importRecord = "training/import.json"

    /// The files a release's documents are generated from, in the order the card's provenance table
    /// lists them: a Glassbox-trained release has a training log, an imported one an import record.
    public static func files(imported: Bool) -> [RecordedFile] {
        imported ? [.dataStatistics, .modelConfig, .importRecord, .evaluation, .baseline, .fertility]
            : [.dataStatistics, .modelConfig, .trainingLog, .evaluation, .baseline, .fertility]
    }

    /// The path inside the release directory.
    public var releasePath: String { rawValue }

    /// The step that writes the file in a Glassbox-trained release.
    public var step: String { step(imported: false) }

    /// The step that writes the file; `imported`: the weights came through the `import` step.
    public func step(imported: Bool) -> String {
        switch self {
        case .dataStatistics: "prepare"
        case .modelConfig: imported ? "import" : "train"
        case .trainingLog: "train"
        case .importRecord: "import"
        case .evaluation, .baseline, .fertility: "evaluate"
        }
    }

    /// The path inside that step's output directory.
    public var stepPath: String {
        switch self {
        case .dataStatistics: "stats.json"
        case .modelConfig: "config.json"
        case .trainingLog: "training/log.jsonl"
        case .evaluation: "results.json"
        case .baseline: "baseline.json"
        case .fertility: "fertility.json"
        case .importRecord: "training/import.json"
        }
    }

    public static func < (lhs: RecordedFile, rhs: RecordedFile) -> Bool { lhs.rawValue < rhs.rawValue }
}
