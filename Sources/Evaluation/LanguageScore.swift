import Kernels

/// The totals of one language (or group) of documents.
public struct LanguageScore: Sendable, Equatable, Codable {
    /// Language code or group name.
    public var language: String
    /// Documents scored.
    public var documents: Int
    /// UTF-8 bytes of the documents' text.
    public var bytes: Int
    /// Tokens scored (every document token; the prefix token is context only).
    public var tokens: Int
    /// Total negative log-likelihood in nats.
    public var negativeLogLikelihood: Double

    /// A score from totals.
    public init(language: String, documents: Int, bytes: Int, tokens: Int, negativeLogLikelihood: Double) {
        self.language = language
        self.documents = documents
        self.bytes = bytes
        self.tokens = tokens
        self.negativeLogLikelihood = negativeLogLikelihood
    }

    /// Total NLL in bits divided by UTF-8 bytes (lm-evaluation-harness `bits_per_byte`).
    public var bitsPerByte: Double { bytes > 0 ? negativeLogLikelihood / KernelMath.ln2D / Double(bytes) : 0 }
    /// exp(mean NLL per token), with Glassbox's own `KernelMath.expD` (no libm: the same bits everywhere).
    public var tokenPerplexity: Double { tokens > 0 ? KernelMath.expD(negativeLogLikelihood / Double(tokens)) : 0 }

    enum CodingKeys: String, CodingKey {
        case language, documents, bytes, tokens
        case negativeLogLikelihood = "nll_nats"
        case bitsPerByte = "bits_per_byte"
        case tokenPerplexity = "token_perplexity"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(language, forKey: .language)
        try c.encode(documents, forKey: .documents)
        try c.encode(bytes, forKey: .bytes)
        try c.encode(tokens, forKey: .tokens)
        try c.encode(negativeLogLikelihood, forKey: .negativeLogLikelihood)
        try c.encode(bitsPerByte, forKey: .bitsPerByte)
        try c.encode(tokenPerplexity, forKey: .tokenPerplexity)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        language = try c.decode(String.self, forKey: .language)
        documents = try c.decode(Int.self, forKey: .documents)
        bytes = try c.decode(Int.self, forKey: .bytes)
        tokens = try c.decode(Int.self, forKey: .tokens)
        negativeLogLikelihood = try c.decode(Double.self, forKey: .negativeLogLikelihood)
    }
}
