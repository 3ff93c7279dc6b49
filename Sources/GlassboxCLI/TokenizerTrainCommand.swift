import ArgumentParser
import Foundation
import Tokenization

/// `glassbox tokenizer train`: learn a byte-level BPE vocabulary and write a Hugging Face tokenizer.
struct TokenizerTrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a byte-level BPE tokenizer and write tokenizer.json + configs.",
        discussion: """
            Data files are .jsonl in the prepare step's format ({"language": "cs", "text": "…"} per \
            line) or plain text (one document per line; label them with --language). The merges are \
            the same on any thread count and equal those of Hugging Face tokenizers' BpeTrainer with \
            the same settings and ByteLevel.alphabet() as initial alphabet.

            Example:
              glassbox tokenizer train --data prepared/train.jsonl --vocab-size 32000 \\
                --special-tokens '<s>,</s>' --bos-token '<s>' --eos-token '</s>' --out tok/
            """
    )

    @Option(name: .customLong("data"), parsing: .upToNextOption, help: "Training files (.jsonl or .txt).")
    var data: [String] = []

    @Option(parsing: .unconditional, help: "Vocabulary size, including the 256 byte symbols and special tokens.")
    var vocabSize: Int

    @Option(help: "Output directory (tokenizer.json, tokenizer_config.json, special_tokens_map.json).")
    var out: String

    @Flag(help: "Replace files of an earlier run in the output folder (other files there are never touched).")
    var force = false

    @Option(parsing: .unconditional, help: "Merge a pair only if it occurs at least this often.")
    var minFrequency: Int = 0

    @Option(help: "Comma-separated special tokens; they get the first ids in this order.")
    var specialTokens: String = ""

    @Option(help: "Beginning-of-sequence token (one of the special tokens), put before each sequence.")
    var bosToken: String?

    @Option(help: "End-of-sequence token (one of the special tokens).")
    var eosToken: String?

    @Option(help: "Pre-tokenizer regex family.")
    var preTokenizer: PreTokenizer = .llama3

    @Option(name: .customLong("language-weight"), help: "Per-language weight, e.g. --language-weight ga=2 (repeatable).")
    var languageWeights: [String] = []

    @Option(help: "Evaluation file (.jsonl with languages): also write fertility.json (per-language metrics).")
    var eval: String?

    @Option(help: "Language code for plain-text data files.")
    var language: String = ""

    @OptionGroup var threadsOption: ThreadsOption
    var threads: Int { threadsOption.threads }

    @Flag(help: "Print a JSON summary instead of text.")
    var json = false

    func validate() throws {
        if data.isEmpty { throw ValidationError("give at least one training file with --data") }
        _ = try parsedWeights()
    }

    private func parsedWeights() throws -> [String: Double] {
        var weights: [String: Double] = [:]
        for item in languageWeights {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, let weight = Double(parts[1]) else {
                throw ValidationError("--language-weight takes LANG=WEIGHT, got \(item.debugDescription)")
            }
            weights[parts[0]] = weight
        }
        return weights
    }

    func run() throws {
        let written = ["tokenizer.json", "tokenizer_config.json", "special_tokens_map.json"]
            + (eval == nil ? [] : [FertilityReport.fileName])
        try OutputFolder(path: out, option: "--out").check(writes: written, force: force)
        let specials = specialTokens.split(separator: ",", omittingEmptySubsequences: true).map(String.init)
        let options = BPETrainerOptions(vocabSize: vocabSize, minFrequency: minFrequency, specialTokens: specials,
                                        bosToken: bosToken, eosToken: eosToken,
                                        preTokenizer: preTokenizer,
                                        languageWeights: try parsedWeights(), threads: max(1, threads))
        let documents = try TrainingCorpus.load(files: data.map { URL(fileURLWithPath: $0) }, language: language)
        let showProgress = Console.stderrIsTerminal && !json
        let tokenizer = try BPETrainer(options: options).train(documents: documents) { progress in
            if showProgress {
                TokenizerCommandSupport.progressLine("\(progress.phase): \(progress.done)/\(progress.total)")
            }
        }
        if showProgress { TokenizerCommandSupport.progressLine("") }
        if tokenizer.count < vocabSize {
            Console.warning("the data yields only \(tokenizer.count) tokens, fewer than --vocab-size \(vocabSize) "
                + "(no pair occurs often enough to merge further); a model config must say vocab_size \(tokenizer.count), or add data")
        }
        try tokenizer.write(to: URL(fileURLWithPath: out))
        if let eval {
            let evalDocuments = try TrainingCorpus.load(files: [URL(fileURLWithPath: eval)], language: language)
            let report = FertilityReport(tokenizer: tokenizer, documents: evalDocuments, threads: options.threads)
            let target = URL(fileURLWithPath: out).appendingPathComponent(FertilityReport.fileName)
            try report.write(to: target)
        }
        let summary = Summary(out: out, vocabSize: tokenizer.count, merges: tokenizer.merges.count,
                              documents: documents.count)
        if json {
            try Console.printJSONLine(summary)
        } else {
            print("wrote \(out)/tokenizer.json: \(summary.vocabSize) tokens, \(summary.merges) merges from \(summary.documents) documents")
        }
    }

    struct Summary: Encodable {
        let out: String
        let vocabSize: Int
        let merges: Int
        let documents: Int

        enum CodingKeys: String, CodingKey {
            case out, merges, documents
            case vocabSize = "vocab_size"
        }
    }
}
