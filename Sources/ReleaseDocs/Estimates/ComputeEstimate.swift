/// Training compute in floating-point operations, three ways, each with its method in words
/// (Annex XI 1.2(d); the Commission guidelines' architecture-based approach). The figure used for
/// classification is the largest of them.
public struct ComputeEstimate: Sendable, Equatable {
    /// One estimate and how it was made.
    public struct Figure: Sendable, Equatable {
        /// FLOP.
        public let flop: Double
        /// The formula with its inputs, in words.
        public let method: String
    }

    /// 6·N·D: N parameters, D training tokens (the guidelines' dense-transformer approximation).
    public let sixND: Figure
    /// 6·N·D plus the attention term 6·L·T·(H·hd)·D (Kaplan et al. 2020, eq. 2.1, times three for training).
    public let withAttention: Figure
    /// The matrix products Glassbox runs, counted from the architecture and the logged tokens: forward
    /// 2·M per token for the weight matrices (M of them, output head included) plus 2·H·hd·(T+1) per token
    /// and layer for causal attention scores and weighted values; backward twice the forward.
    public let counted: Figure
    /// Parameters N.
    public let parameters: Int
    /// Training tokens D.
    public let tokens: Int

    /// The estimates for `model` trained on `tokens` tokens in sequences of `sequenceLength`.
    public init(model: ModelFacts, tokens: Int, sequenceLength: Int) {
        let n = Double(model.parameters)
        let d = Double(tokens)
        let layers = Double(model.layers)
        let attentionWidth = Double(model.attentionHeads * model.headDimension)
        let t = Double(sequenceLength)
        parameters = model.parameters
        self.tokens = tokens
        let plain = 6 * n * d
        sixND = Figure(flop: plain, method: "6 · N · D with N = \(model.parameters) parameters (config.json) and D = \(tokens) training tokens (training/log.jsonl, last tokens_seen)")
        let attention = 6 * layers * t * attentionWidth * d
        withAttention = Figure(flop: plain + attention, method: "6 · N · D + 6 · L · T · (H · hd) · D with L = \(model.layers) layers, T = \(sequenceLength) tokens per sequence, H · hd = \(model.attentionHeads * model.headDimension) (Kaplan et al. 2020, training = 3 × forward)")
        let matrices = Double(model.matrixParameters)
        let causal = 6 * layers * attentionWidth * (t + 1) * d
        counted = Figure(flop: 6 * matrices * d + causal, method: "counted matrix products: 3 × (2 · M · D + 2 · L · H · hd · (T + 1) · D) with M = \(model.matrixParameters) weights multiplied per token (every layer's projections and MLP, and the output head) and causal attention (scores and weighted values); element-wise operations (norms, RoPE, softmax, optimiser) not counted")
    }

    /// The figure used for classification: the largest estimate.
    public var reported: Figure {
        [sixND, withAttention, counted].max { $0.flop < $1.flop } ?? counted
    }
}
