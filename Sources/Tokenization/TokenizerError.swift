/// Every failure of the Tokenization module: what failed, where (file, JSON field, corpus), and what to do.
public struct TokenizerError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The kind of failure, for callers that branch on it.
    public enum Code: String, Sendable {
        /// A file could not be read or written.
        case io
        /// A tokenizer.json is not valid JSON or lacks a required field.
        case malformedJSON
        /// A tokenizer.json uses a model, normalizer, pre-tokenizer, post-processor or decoder this module does not implement.
        case unsupported
        /// Training input or options are unusable (empty corpus, vocabulary too small, bad weight).
        case invalidTrainingInput
        /// Input text or ids are unusable (invalid UTF-8, id outside the vocabulary).
        case invalidInput
    }

    /// The kind of failure.
    public let code: Code
    /// What failed, naming the file / JSON field / option involved.
    public let message: String
    /// What the user can do about it.
    public let hint: String

    /// Creates an error; `message` says what failed and where, `hint` what to do next.
    public init(_ code: Code, _ message: String, hint: String = "") {
        self.code = code
        self.message = message
        self.hint = hint
    }

    /// `message`, followed by the hint when there is one.
    public var description: String {
        hint.isEmpty ? message : "\(message) — \(hint)"
    }
}
