/// One training text and its language code (used for per-language sampling weights and metrics).
public struct TrainingDocument: Sendable, Equatable {
    /// The text.
    public var text: String
    /// ISO 639-1 language code (e.g. "cs"), or "" when unknown.
    public var language: String

    /// Creates a document.
    public init(text: String, language: String = "") {
        self.text = text
        self.language = language
    }
}
