/// A token matched verbatim in the input before pre-tokenisation (special tokens such as `<|eos|>`),
/// as in the `added_tokens` list of a tokenizer.json.
public struct AddedToken: Sendable, Equatable, Codable {
    /// The token id.
    public var id: Int
    /// The exact text that is matched.
    public var content: String
    /// Whether it is a special token (skipped by `decode(_:skipSpecialTokens: true)`).
    public var special: Bool
    /// Whether whitespace on its left is absorbed into the match.
    public var lstrip: Bool
    /// Whether whitespace on its right is absorbed into the match.
    public var rstrip: Bool
    /// Whether it is matched on normalised text (second matching pass); no normaliser is supported, so
    /// this only orders the passes as `tokenizers` does.
    public var normalized: Bool

    /// Creates an added token; special tokens default to not normalised, others to normalised.
    public init(id: Int, content: String, special: Bool = true, lstrip: Bool = false, rstrip: Bool = false,
                normalized: Bool? = nil) {
        self.id = id
        self.content = content
        self.special = special
        self.lstrip = lstrip
        self.rstrip = rstrip
        self.normalized = normalized ?? !special
    }
}
