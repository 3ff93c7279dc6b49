/// What a generation run produced, and how fast.
public struct GenerationResult: Sendable, Equatable, Codable {
    /// Why generation stopped.
    public enum StopReason: String, Sendable, Codable {
        /// The model produced an end-of-sequence token (not included in `generatedIDs`).
        case endOfSequence = "eos"
        /// A stop string appeared (the text is cut before it; `generatedIDs` keeps the tokens).
        case stopString = "stop_string"
        /// `maxNewTokens` were generated.
        case maxTokens = "max_tokens"
        /// The context is full.
        case contextFull = "context_full"
    }

    /// The prompt's token ids as run (after any left truncation).
    public var promptIDs: [Int]
    /// The generated token ids (no end-of-sequence token).
    public var generatedIDs: [Int]
    /// The generated text (empty without a tokenizer).
    public var text: String
    /// Why it stopped.
    public var stopReason: StopReason
    /// Prompt tokens dropped from the left to fit the context.
    public var truncatedPromptTokens: Int
    /// Seconds spent on the prompt (prefill).
    public var promptSeconds: Double
    /// Seconds spent generating after the prompt.
    public var generationSeconds: Double

    /// Prompt tokens per second.
    public var promptTokensPerSecond: Double { promptSeconds > 0 ? Double(promptIDs.count) / promptSeconds : 0 }
    /// Generated tokens per second.
    public var generationTokensPerSecond: Double {
        generationSeconds > 0 ? Double(generatedIDs.count) / generationSeconds : 0
    }
}
