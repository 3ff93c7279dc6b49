import ArgumentParser
import Foundation
import Inference

/// `glassbox generate`: continue a prompt with a model directory, streaming the text.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Continue a prompt with a Llama model directory (Glassbox release or transformers-made).",
        discussion: """
            DIR holds config.json, model.safetensors (or shards with model.safetensors.index.json) and \
            tokenizer.json. Text streams to stdout as tokens arrive; speeds go to stderr at the end.
            Greedy by default (--temperature 0). Sampling is seeded (Philox, --seed), so the same \
            command gives the same text on every machine and thread count. Generation stops at an \
            end-of-sequence token, a --stop string (not printed), --max-tokens, or a full context.

            --json prints {"prompt_ids": [...], "generated_ids": [...], "text": "...", "stop_reason": ..., \
            "prompt_tokens_per_second": ..., "generation_tokens_per_second": ...} instead of streaming.

            Examples:
              glassbox generate Releases/x-1.0 --prompt "Dobrý den" --max-tokens 40
              glassbox generate ./llama --prompt "Once" --temperature 0.8 --top-p 0.95 --seed 7 --json
            """
    )

    @Argument(help: "Model directory.")
    var directory: String

    @Option(parsing: .unconditional, help: "The text to continue.")
    var prompt: String

    @Option(parsing: .unconditional, help: "Most tokens to generate.")
    var maxTokens: Int = 64

    @Option(parsing: .unconditional, help: "Sampling temperature; 0 is greedy.")
    var temperature: Float = 0

    @Option(parsing: .unconditional, help: "Sample only among the k most likely tokens (0: no limit).")
    var topK: Int = 0

    @Option(parsing: .unconditional, help: "Sample only among the most likely tokens whose probability reaches p (1: no limit).")
    var topP: Float = 1

    @Option(parsing: .unconditional, help: "Penalty for tokens already present (1: off; transformers' repetition_penalty).")
    var repetitionPenalty: Float = 1

    @Option(parsing: .unconditional, help: "Seed of the sampling stream.")
    var seed: UInt64 = 0

    @Option(help: "Stop when this text appears (repeatable); it is not printed.")
    var stop: [String] = []

    @Flag(help: "Keep going after an end-of-sequence token.")
    var ignoreEos = false

    @Flag(help: "If the prompt does not fit the context, drop its first tokens instead of failing.")
    var truncateLeft = false

    @Flag(help: "Print one JSON object instead of streaming text.")
    var json = false

    @OptionGroup var model: ThreadsOption

    @OptionGroup var variant: VariantOption

    var options: GenerationOptions {
        GenerationOptions(
            maxNewTokens: maxTokens, temperature: temperature, topK: topK, topP: topP,
            repetitionPenalty: repetitionPenalty, seed: seed, stopStrings: stop,
            stopOnEndOfSequence: !ignoreEos, truncateLeft: truncateLeft)
    }

    func validate() throws {
        do { try options.validate() } catch { throw ValidationError("\(error)") }
    }

    /// What to say on stderr when nothing was generated because the first token chosen was EOS.
    static func emptyOutputNote(generated: Int, stoppedAtEndOfSequence: Bool, greedy: Bool) -> String? {
        guard generated == 0, stoppedAtEndOfSequence else { return nil }
        return "note: nothing generated: the first token the model chose was end-of-sequence"
            + (greedy ? " (greedy decoding picks it every time for this prompt)" : "")
            + "; try a longer prompt, --temperature 0.8, or --ignore-eos"
    }

    func run() throws {
        let directory = try GenerateCommandSupport.open(directory, threads: model.threads, variant: variant.type)
        let sink: ((String) -> Void)? = json ? nil : { piece in Console.out(piece) }
        let result: GenerationResult
        result = try directory.generator.generate(prompt: prompt, options: options, onText: sink)
        if json {
            try Console.printJSONLine(GenerateOutput(result))
            return
        }
        Console.out("\n")
        if let note = Self.emptyOutputNote(generated: result.generatedIDs.count,
                                           stoppedAtEndOfSequence: result.stopReason == .endOfSequence, greedy: temperature == 0) {
            Console.note(note)
        }
        if result.truncatedPromptTokens > 0 {
            Console.note("note: dropped the first \(result.truncatedPromptTokens) prompt tokens to fit the context")
        }
        Console.note(String(
            format: "prompt: %d tokens, %.1f tokens/s; generated: %d tokens, %.1f tokens/s; stopped: %@",
            result.promptIDs.count, result.promptTokensPerSecond, result.generatedIDs.count,
            result.generationTokensPerSecond, result.stopReason.rawValue))
    }
}

/// The `--json` output of `generate`.
struct GenerateOutput: Encodable {
    let prompt_ids: [Int]
    let generated_ids: [Int]
    let text: String
    let stop_reason: String
    let truncated_prompt_tokens: Int
    let prompt_tokens_per_second: Double
    let generation_tokens_per_second: Double

    init(_ result: GenerationResult) {
        prompt_ids = result.promptIDs
        generated_ids = result.generatedIDs
        text = result.text
        stop_reason = result.stopReason.rawValue
        truncated_prompt_tokens = result.truncatedPromptTokens
        prompt_tokens_per_second = result.promptTokensPerSecond
        generation_tokens_per_second = result.generationTokensPerSecond
    }
}
