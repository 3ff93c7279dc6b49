/// What generation needs from a tokenizer: text to ids and ids back to text.
/// `Tokenization.BPETokenizer` conforms (see `BPETokenizer+TextTokenizer.swift`).
public protocol TextTokenizer: Sendable {
    /// The token ids of `text`; with `addSpecialTokens`, the tokenizer's post-processor template
    /// (e.g. a leading BOS) is applied, as `tokenizer(text)` does in transformers.
    func encodeText(_ text: String, addSpecialTokens: Bool) throws -> [Int]
    /// The text of `ids` (invalid UTF-8 shown as U+FFFD).
    func decodeText(_ ids: [Int]) throws -> String
}
