import Tokenization

extension BPETokenizer: TextTokenizer {
    /// The ids of `text` without special tokens (as `tokenizers`' `encode(text, add_special_tokens=False)`).
    public func encodeText(_ text: String) throws -> [Int] { encode(text) }

    /// The text of `ids`, special tokens included; invalid UTF-8 becomes U+FFFD.
    public func decodeText(_ ids: [Int]) throws -> String { try decodeToString(ids) }
}
