/// A validated recipe (format 1): everything a release is built from. Load one with
/// `Recipe.load(contentsOf:)` or `Recipe.parse(text:file:)`; every field has its default filled in.
public struct Recipe: Codable, Equatable, Sendable {
    /// The newest recipe format this glassbox reads.
    public static let currentFormat = 1

    /// Recipe format version (`format = 1`).
    public var format: Int
    /// `[release]`.
    public var release: ReleaseSection
    /// `[data]` with its `[[data.sources]]`.
    public var data: DataSection
    /// `[tokenizer]`.
    public var tokenizer: TokenizerSection
    /// `[model]`.
    public var model: ModelSection
    /// `[training]`.
    public var training: TrainingSection
    /// `[evaluation]` (optional in the file; defaults follow `[model]`).
    public var evaluation: EvaluationSection
    /// `[compliance]` (optional in the file).
    public var compliance: ComplianceSection
    /// `[publish]` (optional in the file).
    public var publish: PublishSection
    /// `[[quantize]]` variants, nil when the recipe has none (then absent from the canonical form).
    public var quantize: [QuantizeVariant]? = nil

    /// The quantized variants the build makes (empty without `[[quantize]]`).
    public var quantizeVariants: [QuantizeVariant] { quantize ?? [] }

    /// The top-level keys of a recipe, in the order the spec documents them.
    static let topLevelKeys = ["format", "release", "data", "tokenizer", "model", "training", "evaluation", "compliance", "publish", "quantize"]
}
