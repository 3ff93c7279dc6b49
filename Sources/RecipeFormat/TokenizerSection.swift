/// `[tokenizer]`: the byte-level BPE tokenizer trained on the prepared data.
public struct TokenizerSection: Codable, Equatable, Sendable {
    /// Tokenizer algorithm; only `byte-level-bpe` in format 1.
    public var kind: String
    /// Total vocabulary size: 256 byte tokens + merges + special tokens.
    public var vocabSize: Int
    /// A pair must occur at least this often to be merged.
    public var minFrequency: Int
    /// Special tokens, added after the learned vocabulary, in this order.
    public var specialTokens: [String]
    /// Beginning-of-sequence token; must be one of `special_tokens`.
    public var bosToken: String
    /// End-of-sequence token; must be one of `special_tokens`.
    public var eosToken: String
    /// Pre-tokenizer split pattern: `llama3` or `gpt2`.
    public var preTokenizer: String
    /// Relative weight of each language's text when counting pairs (language code → weight ≥ 0).
    public var languageWeights: [String: Double]

    enum CodingKeys: String, CodingKey {
        case kind
        case vocabSize = "vocab_size"
        case minFrequency = "min_frequency"
        case specialTokens = "special_tokens"
        case bosToken = "bos_token"
        case eosToken = "eos_token"
        case preTokenizer = "pre_tokenizer"
        case languageWeights = "language_weights"
    }

    /// The default special tokens (Llama 3 names).
    public static let defaultSpecialTokens = ["<|begin_of_text|>", "<|end_of_text|>"]

    static func read(_ reader: TableReader) -> TokenizerSection {
        let section = TokenizerSection(
            kind: reader.choice("kind", ["byte-level-bpe"], default: "byte-level-bpe"),
            vocabSize: reader.int("vocab_size", required: true, in: 1...1_048_576) ?? 0,
            minFrequency: reader.int("min_frequency", in: 1...1_000_000_000) ?? 2,
            specialTokens: reader.strings("special_tokens", maxCount: 1_000, maxBytes: 200) ?? defaultSpecialTokens,
            bosToken: reader.string("bos_token", maxBytes: 200) ?? defaultSpecialTokens[0],
            eosToken: reader.string("eos_token", maxBytes: 200) ?? defaultSpecialTokens[1],
            preTokenizer: reader.choice("pre_tokenizer", ["llama3", "gpt2"], default: "llama3"),
            languageWeights: LanguageWeights.read(reader, key: "language_weights"))
        reader.rejectUnknownKeys()
        section.check(reader)
        return section
    }

    private func check(_ reader: TableReader) {
        var seen: Set<String> = []
        for (index, token) in specialTokens.enumerated() {
            if token.isEmpty { reader.problems.add("tokenizer.special_tokens[\(index)]", "must not be empty") }
            if !seen.insert(token).inserted {
                reader.problems.add("tokenizer.special_tokens[\(index)]", "duplicate special token \"\(token)\"")
            }
        }
        if vocabSize > 0, vocabSize < 256 + specialTokens.count {
            reader.report("vocab_size", "must be >= 256 byte tokens + \(specialTokens.count) special tokens = \(256 + specialTokens.count), got \(vocabSize)")
        }
        if !specialTokens.contains(bosToken) {
            reader.report("bos_token", "\"\(bosToken.prefix(100))\" is not one of special_tokens; add it there")
        }
        if !specialTokens.contains(eosToken) {
            reader.report("eos_token", "\"\(eosToken.prefix(100))\" is not one of special_tokens; add it there")
        }
    }
}
