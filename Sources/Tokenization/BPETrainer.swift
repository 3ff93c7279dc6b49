/// Trains a byte-level BPE tokenizer. Same algorithm and tie-breaking as `tokenizers`' BpeTrainer
/// (most frequent pair first; among equal counts the pair with the smaller ids), with all 256 byte
/// symbols in the vocabulary; the result never depends on the thread count (Docs/tokenizer.md).
public struct BPETrainer: Sendable {
    /// The settings.
    public let options: BPETrainerOptions

    /// Creates a trainer.
    public init(options: BPETrainerOptions) {
        self.options = options
    }

    /// Progress of a training run, for a progress line.
    public struct Progress: Sendable {
        /// What is being done: "counting words", "counting pairs", "merging".
        public var phase: String
        /// Units done in this phase (documents, merges).
        public var done: Int
        /// Units in this phase.
        public var total: Int
    }

    /// Learns merges from `documents` and returns the tokenizer; throws for invalid options or a
    /// corpus without any text. `progress` is called from the calling thread only.
    public func train(documents: [TrainingDocument], progress: ((Progress) -> Void)? = nil) throws -> BPETokenizer {
        let problems = options.problems()
        guard problems.isEmpty else {
            throw TokenizerError(.invalidTrainingInput, "invalid tokenizer options: " + problems.joined(separator: "; "),
                                 hint: "fix the [tokenizer] settings")
        }
        progress?(Progress(phase: "counting words", done: 0, total: documents.count))
        let wordCounts = WordCounter(preTokenizer: options.preTokenizer, options: options)
            .count(documents, threads: options.threads)
        guard !wordCounts.isEmpty else {
            throw TokenizerError(.invalidTrainingInput,
                                 "the training corpus is empty (\(documents.count) documents, no text with non-zero weight)",
                                 hint: "check the data sources, the prepare step's output and language_weights")
        }
        var state = MergeState(options: options, wordCounts: wordCounts)
        progress?(Progress(phase: "counting pairs", done: 0, total: wordCounts.count))
        var queue = state.initialQueue(threads: options.threads)
        let limit = UInt64(max(options.minFrequency, 0)) * 1000
        while state.vocabularyCount < options.vocabSize, let top = queue.pop() {
            let current = state.pairCounts[top.pair] ?? 0
            if top.count != current {
                queue.push(MergeQueue.Entry(count: current, pair: top.pair, positions: top.positions))
                continue
            }
            if top.count < 1 || Int64(clamping: limit) > top.count { break }
            state.merge(top, into: &queue)
            if state.merges.count % 256 == 0 {
                progress?(Progress(phase: "merging", done: state.vocabularyCount, total: options.vocabSize))
            }
        }
        return try state.tokenizer()
    }
}
