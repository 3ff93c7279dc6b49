/// Tokenizer cost of one language on an evaluation text (one entry of `FertilityReport`).
public struct LanguageFertility: Sendable, Equatable, Codable {
    /// Language code.
    public var language: String
    /// Documents measured.
    public var documents: Int
    /// Words (maximal runs of non-whitespace).
    public var words: Int
    /// UTF-8 bytes.
    public var bytes: Int
    /// Tokens (no special tokens added).
    public var tokens: Int
    /// Tokens per word (fertility).
    public var tokensPerWord: Double
    /// Tokens per UTF-8 byte.
    public var tokensPerByte: Double
    /// `tokensPerWord` relative to the reference language's (1 = as cheap as English); nil without reference text.
    public var parity: Double?

    enum CodingKeys: String, CodingKey {
        case language, documents, words, bytes, tokens, parity
        case tokensPerWord = "tokens_per_word"
        case tokensPerByte = "tokens_per_byte"
    }
}
