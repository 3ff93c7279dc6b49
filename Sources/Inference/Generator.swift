import Dispatch

/// Continues prompts with a `LanguageModel` and a KV cache: the prompt runs in one forward pass, then
/// one token at a time. Text is streamed through a callback as soon as it is safe to show.
public struct Generator: Sendable {
    /// The model.
    public let model: LanguageModel
    /// The tokenizer (needed for text prompts, stop strings and streamed text).
    public let tokenizer: (any TextTokenizer)?

    /// A generator for `model`, with `tokenizer` to handle text.
    public init(model: LanguageModel, tokenizer: (any TextTokenizer)?) {
        self.model = model
        self.tokenizer = tokenizer
    }

    /// Tokenizes `prompt` with the tokenizer's special tokens (a leading BOS when its template has one,
    /// as transformers' `tokenizer(prompt)`) and continues it; see `generate(promptIDs:options:onText:)`.
    public func generate(
        prompt: String, options: GenerationOptions, onText: ((String) -> Void)? = nil
    ) throws -> GenerationResult {
        guard let tokenizer else {
            throw InferenceError.invalidOption(name: "prompt", reason: "a text prompt needs a tokenizer")
        }
        return try generate(promptIDs: try tokenizer.encodeText(prompt, addSpecialTokens: true), options: options, onText: onText)
    }

    /// Continues `promptIDs`. `onText` receives each new piece of text (never part of a stop string).
    public func generate(
        promptIDs: [Int], options: GenerationOptions, onText: ((String) -> Void)? = nil
    ) throws -> GenerationResult {
        try options.validate()
        if !options.stopStrings.isEmpty, tokenizer == nil {
            throw InferenceError.invalidOption(name: "stop string", reason: "stop strings need a tokenizer")
        }
        let context = model.config.maxPositionEmbeddings
        var prompt = promptIDs
        if prompt.isEmpty, let bos = model.config.bosTokenId { prompt = [bos] }
        guard !prompt.isEmpty else {
            throw InferenceError.invalidOption(name: "prompt", reason: "is empty and the model has no bos_token_id")
        }
        var truncated = 0
        if prompt.count >= context {
            guard options.truncateLeft else { throw InferenceError.promptTooLong(tokens: prompt.count, context: context) }
            truncated = prompt.count - (context - 1)
            prompt.removeFirst(truncated)
        }
        var run = GenerationRun(
            generator: self, options: options, prompt: prompt, onText: onText, truncated: truncated)
        return try run.execute()
    }
}

/// The state of one `Generator.generate` call.
private struct GenerationRun {
    let generator: Generator
    let options: GenerationOptions
    let prompt: [Int]
    let onText: ((String) -> Void)?
    let truncated: Int
    var generated: [Int] = []
    var tracker: StopStringTracker

    init(generator: Generator, options: GenerationOptions, prompt: [Int], onText: ((String) -> Void)?, truncated: Int) {
        self.generator = generator
        self.options = options
        self.prompt = prompt
        self.onText = onText
        self.truncated = truncated
        tracker = StopStringTracker(stopStrings: options.stopStrings)
    }

    mutating func execute() throws -> GenerationResult {
        let model = generator.model
        let sampler = Sampler(options: options)
        let eos = Set(options.stopOnEndOfSequence ? model.config.eosTokenIds : [])
        // Room for what this run can feed (the prompt, then every generated token but the last), not
        // the whole context: a long-context model would otherwise hold its full KV cache for a short
        // answer. When the context is the limit, the cache is the context and "context_full" stops.
        var cache = model.makeCache(capacity: prompt.count + max(0, options.maxNewTokens))
        let start = DispatchTime.now().uptimeNanoseconds
        var logits = options.maxNewTokens > 0 ? try model.forward(prompt, cache: &cache, logits: .last) : []
        let afterPrompt = DispatchTime.now().uptimeNanoseconds
        var reason = GenerationResult.StopReason.maxTokens
        var text = ""
        while generated.count < options.maxNewTokens {
            let token = sampler.next(logits: logits, history: prompt + generated, step: generated.count)
            if eos.contains(token) { reason = .endOfSequence; break }
            generated.append(token)
            if let stopped = try updateText(&text) { text = stopped; reason = .stopString; break }
            if generated.count == options.maxNewTokens { break }
            if cache.count == cache.capacity { reason = .contextFull; break }
            logits = try model.forward([token], cache: &cache, logits: .last)
        }
        if let tokenizer = generator.tokenizer, reason != .stopString { text = try tokenizer.decodeText(generated) }
        let rest = tracker.streamable(text, final: true)
        if !rest.isEmpty { onText?(rest) }
        let end = DispatchTime.now().uptimeNanoseconds
        return GenerationResult(
            promptIDs: prompt, generatedIDs: generated, text: text, stopReason: reason,
            truncatedPromptTokens: truncated, promptSeconds: Double(afterPrompt - start) / 1e9,
            generationSeconds: Double(end - afterPrompt) / 1e9)
    }

    /// Decodes the text so far, streams what is safe; returns the cut text when a stop string appeared.
    private mutating func updateText(_ text: inout String) throws -> String? {
        guard let tokenizer = generator.tokenizer, onText != nil || !options.stopStrings.isEmpty else { return nil }
        text = try tokenizer.decodeText(generated)
        if let cut = tracker.cut(text) { return cut }
        let piece = tracker.streamable(text, final: false)
        if !piece.isEmpty { onText?(piece) }
        return nil
    }
}
