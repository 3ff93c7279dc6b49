import Foundation

/// The build's `tokenizer` step as one call: train on the prepared `train.jsonl`, write the Hugging
/// Face files, and measure fertility on `eval.jsonl`. The Builder maps the recipe's `[tokenizer]`
/// section onto `BPETrainerOptions` and calls `run`; the outputs depend only on the inputs and options.
public enum TokenizerStep {
    /// Name of the metrics file written next to tokenizer.json.
    public static let fertilityFileName = "fertility.json"

    /// What the step produced.
    public struct Output: Sendable {
        /// The trained tokenizer.
        public var tokenizer: BPETokenizer
        /// Fertility on the eval documents (nil when no eval file was given).
        public var fertility: FertilityReport?
        /// Files written, relative to the output directory, sorted.
        public var files: [String]
    }

    /// Trains on `trainFile`, writes tokenizer.json, tokenizer_config.json, special_tokens_map.json and
    /// (with `evalFile`) fertility.json into `outputDirectory`.
    public static func run(trainFile: URL, evalFile: URL?, options: BPETrainerOptions, outputDirectory: URL,
                           modelMaxLength: Int? = nil,
                           progress: ((BPETrainer.Progress) -> Void)? = nil) throws -> Output {
        let documents = try TrainingCorpus.load(files: [trainFile])
        let tokenizer = try BPETrainer(options: options).train(documents: documents, progress: progress)
        try tokenizer.write(to: outputDirectory, modelMaxLength: modelMaxLength)
        var files = ["special_tokens_map.json", "tokenizer.json", "tokenizer_config.json"]
        var fertility: FertilityReport?
        if let evalFile {
            let report = FertilityReport(tokenizer: tokenizer, documents: try TrainingCorpus.load(files: [evalFile]),
                                         threads: options.threads)
            try AtomicFile.write(report.canonicalJSON(), to: outputDirectory.appendingPathComponent(fertilityFileName))
            files.append(fertilityFileName)
            fertility = report
        }
        return Output(tokenizer: tokenizer, fertility: fertility, files: files.sorted())
    }
}

extension FertilityReport {
    /// Canonical JSON (keys sorted by UTF-8 bytes, shortest round-trip numbers, trailing newline),
    /// written by the module's own serialiser so the bytes do not depend on a Foundation version.
    public func canonicalJSON() -> Data {
        let entries: [JSONOutput] = languages.map { entry in
            .object(["language": .string(entry.language), "documents": .int(entry.documents), "words": .int(entry.words),
                     "bytes": .int(entry.bytes), "tokens": .int(entry.tokens),
                     "tokens_per_word": .double(entry.tokensPerWord), "tokens_per_byte": .double(entry.tokensPerByte),
                     "parity": entry.parity.map { .double($0) } ?? .null])
        }
        return Data(JSONOutput.object(["reference_language": .string(referenceLanguage),
                                       "languages": .array(entries)]).data(pretty: true))
    }
}
