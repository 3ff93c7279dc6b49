import Tokenization

extension BPETokenizer: TextTokenizer {
    /// The ids of `text` (as `tokenizers`' `encode(text, add_special_tokens=…)`).
    public func encodeText(_ text: String, addSpecialTokens: Bool) throws -> [Int] {
        encode(text, addSpecialTokens: addSpecialTokens)
    }

    /// The text of `ids`, special tokens included; invalid UTF-8 becomes U+FFFD.
    public func decodeText(_ ids: [Int]) throws -> String { try decodeToString(ids) }
}
