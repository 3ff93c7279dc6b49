/// One document of the tokenised training split: its token ids and language tag.
public struct TokenizedDocument: Sendable, Equatable {
    /// Language tag (e.g. "cs").
    public var language: String
    /// Token ids.
    public var tokens: [Int32]

    /// A document.
    public init(language: String, tokens: [Int32]) {
        self.language = language
        self.tokens = tokens
    }
}
