/// How to continue a prompt. The defaults are greedy decoding of up to 64 tokens.
public struct GenerationOptions: Sendable, Equatable {
    /// Most tokens to generate.
    public var maxNewTokens: Int
    /// Softmax temperature; 0 means greedy (argmax, lowest id on ties).
    public var temperature: Float
    /// Keep only the k most likely tokens (nil or 0: no limit). Ties with the k-th are kept.
    public var topK: Int?
    /// Keep the smallest set of most likely tokens whose probability reaches p (nil or 1: all).
    public var topP: Float?
    /// Divide positive (multiply negative) logits of tokens already in the prompt or output
    /// (1: off), as transformers' `repetition_penalty`.
    public var repetitionPenalty: Float
    /// Seed of the Philox sampling stream (ignored when greedy).
    public var seed: UInt64
    /// Stop when one of these strings appears in the generated text (it is not returned).
    public var stopStrings: [String]
    /// Stop on the model's end-of-sequence tokens.
    public var stopOnEndOfSequence: Bool
    /// When the prompt does not fit, keep its last tokens instead of failing.
    public var truncateLeft: Bool

    /// Options with the given values (greedy by default).
    public init(
        maxNewTokens: Int = 64, temperature: Float = 0, topK: Int? = nil, topP: Float? = nil,
        repetitionPenalty: Float = 1, seed: UInt64 = 0, stopStrings: [String] = [],
        stopOnEndOfSequence: Bool = true, truncateLeft: Bool = false
    ) {
        self.maxNewTokens = maxNewTokens
        self.temperature = temperature
        self.topK = topK
        self.topP = topP
        self.repetitionPenalty = repetitionPenalty
        self.seed = seed
        self.stopStrings = stopStrings
        self.stopOnEndOfSequence = stopOnEndOfSequence
        self.truncateLeft = truncateLeft
    }

    /// Checks every value; throws `InferenceError.invalidOption` naming the first bad one.
    public func validate() throws {
        if maxNewTokens < 0 { throw InferenceError.invalidOption(name: "max tokens", reason: "must be ≥ 0, got \(maxNewTokens)") }
        if !(temperature >= 0) || !temperature.isFinite {
            throw InferenceError.invalidOption(name: "temperature", reason: "must be a finite number ≥ 0, got \(temperature)")
        }
        if let topK, topK < 0 { throw InferenceError.invalidOption(name: "top-k", reason: "must be ≥ 0, got \(topK)") }
        if let topP, !(topP > 0 && topP <= 1) {
            throw InferenceError.invalidOption(name: "top-p", reason: "must be in (0, 1], got \(topP)")
        }
        if !(repetitionPenalty > 0) || !repetitionPenalty.isFinite {
            throw InferenceError.invalidOption(name: "repetition penalty", reason: "must be a finite number > 0, got \(repetitionPenalty)")
        }
        if stopStrings.contains("") { throw InferenceError.invalidOption(name: "stop string", reason: "must not be empty") }
    }
}
