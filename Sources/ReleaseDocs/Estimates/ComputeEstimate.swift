/// Training compute in floating-point operations, each figure with its method in words (Annex XI
/// 1.2(d); the Commission guidelines' architecture-based approach). For a model Glassbox trained: three
/// estimates from the architecture and the logged tokens, the largest reported. For imported weights:
/// the provider's declared figure when given, else 6·N·D from the declared tokens — an estimate, never
/// a measurement.
public struct ComputeEstimate: Sendable, Equatable {
    /// One estimate and how it was made.
    public struct Figure: Sendable, Equatable {
        /// FLOP.
        public let flop: Double
        /// The formula with its inputs, in words.
        public let method: String
    }

    /// A figure with its display name (`6·N·D`) and its `compliance.json` name (`6ND`).
    public struct Named: Sendable, Equatable {
        /// Name in the documents' tables.
        public let name: String
        /// Name in `compliance.json` (`6ND`, `6ND+attention`, `counted`, `declared`).
        public let key: String
        /// The figure.
        public let figure: Figure
    }

    /// 6·N·D: N parameters, D training tokens (the guidelines' dense-transformer approximation).
    public let sixND: Figure
    /// Every figure, in the order the documents list them.
    public let figures: [Named]
    /// The figure used for classification: the largest estimate (Glassbox-trained), or the declared
    /// figure, else 6·N·D (imported).
    public let reported: Figure
    /// True when the reported figure is the provider's declaration.
    public let reportedIsDeclared: Bool
    /// Parameters N.
    public let parameters: Int
    /// Training tokens D.
    public let tokens: Int

    /// The estimates for `model` trained on `tokens` tokens in sequences of `sequenceLength`: 6·N·D;
    /// 6·N·D plus the attention term 6·L·T·(H·hd)·D (Kaplan et al. 2020, eq. 2.1, times three for
    /// training); and the matrix products Glassbox runs, counted from the architecture and the logged
    /// tokens (forward 2·M per token for the weight matrices, output head included, plus 2·H·hd·(T+1)
    /// per token and layer for causal attention scores and weighted values; backward twice the forward).
    public init(model: ModelFacts, tokens: Int, sequenceLength: Int) {
        let n = Double(model.parameters)
        let d = Double(tokens)
        let layers = Double(model.layers)
        let attentionWidth = Double(model.attentionHeads * model.headDimension)
        let t = Double(sequenceLength)
        parameters = model.parameters
        self.tokens = tokens
        let plain = 6 * n * d
        let sixND = Figure(flop: plain, method: "6 · N · D with N = \(model.parameters) parameters (config.json) and D = \(tokens) training tokens (training/log.jsonl, last tokens_seen)")
        let attention = 6 * layers * t * attentionWidth * d
        let withAttention = Figure(flop: plain + attention, method: "6 · N · D + 6 · L · T · (H · hd) · D with L = \(model.layers) layers, T = \(sequenceLength) tokens per sequence, H · hd = \(model.attentionHeads * model.headDimension) (Kaplan et al. 2020, training = 3 × forward)")
        let matrices = Double(model.matrixParameters)
        let causal = 6 * layers * attentionWidth * (t + 1) * d
        let counted = Figure(flop: 6 * matrices * d + causal, method: "counted matrix products: 3 × (2 · M · D + 2 · L · H · hd · (T + 1) · D) with M = \(model.matrixParameters) weights multiplied per token (every layer's projections and MLP, and the output head) and causal attention (scores and weighted values); element-wise operations (norms, RoPE, softmax, optimiser) not counted")
        self.sixND = sixND
        figures = [Named(name: "6·N·D", key: "6ND", figure: sixND), Named(name: "6·N·D + attention", key: "6ND+attention", figure: withAttention),
                   Named(name: "Counted operations", key: "counted", figure: counted)]
        reported = [sixND, withAttention, counted].max { $0.flop < $1.flop } ?? counted
        reportedIsDeclared = false
    }

    /// The compute of imported weights: `declared` FLOP when the provider states it, and always 6·N·D
    /// with N counted from `model`'s config and D the declared `tokensSeen`, labelled an estimate.
    public init(imported model: ModelFacts, tokensSeen: Int, declared: Double?) {
        parameters = model.parameters
        tokens = tokensSeen
        let sixND = Figure(flop: 6 * Double(model.parameters) * Double(tokensSeen),
                           method: "estimated as 6 · N · D with N = \(model.parameters) parameters (config.json, verified by the import step) and D = \(tokensSeen) training tokens declared by the provider (training.declared.tokens_seen); not measured")
        self.sixND = sixND
        var figures = [Named(name: "6·N·D (estimate from declared tokens)", key: "6ND", figure: sixND)]
        if let declared {
            let figure = Figure(flop: declared, method: "declared by the provider (training.declared.compute_flop); not measured by Glassbox")
            figures.insert(Named(name: "Declared", key: "declared", figure: figure), at: 0)
            reported = figure
        } else {
            reported = sixND
        }
        self.figures = figures
        reportedIsDeclared = declared != nil
    }

    /// Where the reported figure comes from, for one-line summaries: `the largest of the estimates
    /// below`, `declared by the provider`, or `estimated as 6·N·D from the declared tokens; not measured`.
    public var reportedBasis: String {
        if reportedIsDeclared { return "declared by the provider; not measured" }
        return figures.count == 1 ? "estimated as 6·N·D from the declared tokens; not measured" : "the largest of the estimates below"
    }
}
