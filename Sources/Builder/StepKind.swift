/// The kinds of step in a build, in graph order.
public enum StepKind: String, Codable, Sendable, CaseIterable, Comparable {
    /// Download or copy one data source (one step per `[[data.sources]]`).
    case fetch
    /// Normalise, split, deduplicate and hold out evaluation data.
    case prepare
    /// Train the byte-level BPE tokenizer.
    case tokenizer
    /// Train the model.
    case train
    /// Import weights trained elsewhere (`[training] backend = "external"`), in place of `tokenizer` and
    /// `train`: fetch them from their pinned location and verify them strictly.
    case `import`
    /// Write the `[[quantize]]` variants of the trained model (GGUF files); only in recipes that list some.
    case quantize
    /// Score the model on the held-out data.
    case evaluate
    /// Assemble the release directory: model card, compliance documents, checksums.
    case package
    /// Sign the release.
    case sign

    /// Graph order: fetch < prepare < tokenizer < train < import < quantize < evaluate < package < sign.
    public static func < (lhs: StepKind, rhs: StepKind) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }

    /// Where this kind's outputs go inside the release directory (nil: not copied into the release), and
    /// which of its files are copied (nil: all).
    var releasePlacement: (prefix: String, files: Set<String>?)? {
        switch self {
        case .fetch: nil
        case .prepare: ("data/", ["stats.json"])
        case .tokenizer, .train, .import, .quantize, .package, .sign: ("", nil)
        case .evaluate: ("eval/", nil)
        }
    }
}
