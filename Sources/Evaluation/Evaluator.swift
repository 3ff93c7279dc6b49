import Dispatch
import Foundation
import Inference

/// Scores documents with a model: per-language bits per byte and token perplexity by sliding-window
/// log-likelihood (see `EvaluationOptions` for the windows).
///
/// Windows start from an empty cache and are independent: consecutive windows are run in batches of
/// up to `batchTokens` tokens through one forward pass (`LanguageModel.logits(ofSequences:)`, so each
/// weight matrix is read once per batch), and with several threads each worker takes whole batches
/// and runs them with a one-thread model. The per-token values are kept per window and added in
/// document and token order afterwards. With fewer windows than threads, batches run one after
/// another with a multi-threaded model instead. Every path gives the same bits.
public struct Evaluator: Sendable {
    /// The model.
    public let model: LanguageModel
    /// The tokenizer the model was trained with.
    public let tokenizer: any TextTokenizer
    /// Window length and stride.
    public let options: EvaluationOptions

    /// An evaluator; `options.threads` sets the worker threads.
    public init(model: LanguageModel, tokenizer: any TextTokenizer, options: EvaluationOptions = EvaluationOptions()) {
        self.model = model.withThreads(options.threads)
        self.tokenizer = tokenizer
        self.options = options
    }

    /// Tokens per batch of windows for `model`: up to 1024 when its matrices (float32) exceed 16 MiB,
    /// so they no longer stay in cache from one window to the next and reading them once per batch
    /// pays (+4–12% on a 14 M-parameter model); otherwise one window per batch, because larger
    /// activations then cost more than they save (−13% on a 1.3 M-parameter model). Measured on
    /// a 2-core Zen 3 VM, see Docs/benchmarks.md. A batch's logits stay within 64 MiB (a batch
    /// always holds at least one window).
    static func batchTokens(for model: LanguageModel) -> Int {
        let c = model.config
        guard c.matrixWeightCount * 4 > 16 << 20 else { return 1 }
        return max(1, min(1024, (64 << 20) / (4 * c.vocabSize)))
    }

    /// Progress after each document: documents done, of total, tokens forwarded so far.
    public typealias Progress = @Sendable (_ done: Int, _ total: Int, _ tokens: Int) -> Void

    /// Scores every document and sums per language (documents in the given order); `extraFiles` are
    /// scored in the same pass but reported apart (`EvaluationResults.extraFiles`, one row per group —
    /// the file name), so that they never count as a language nor in `overall`.
    public func evaluate(_ languageDocuments: [EvaluationDocument], extraFiles: [EvaluationDocument] = [],
                         progress: Progress? = nil) throws -> EvaluationRun {
        let documents = languageDocuments + extraFiles
        guard !documents.isEmpty else { throw EvaluationError.noDocuments("the data holds no documents") }
        let (context, stride) = try options.resolved(modelContext: model.config.maxPositionEmbeddings)
        let start = DispatchTime.now().uptimeNanoseconds
        let encoded = try tokenize(documents)
        let threads = max(1, options.threads)
        let scorer = WindowScorer(model: model, context: context, stride: stride)
        let jobs = encoded.enumerated().flatMap { index, ids in
            scorer.windows(count: ids.count).map { WindowJob(document: index, window: $0) }
        }
        let work = WindowWork(documents: documents.count, jobs: jobs, progress: progress)
        // Batches small enough that every worker gets several (the last ones finish close together).
        let tokens = jobs.reduce(0) { $0 + $1.window.end - $1.window.begin }
        let budget = max(1, min(Self.batchTokens(for: model), tokens / (2 * threads)))
        if jobs.count >= threads, threads > 1 {
            let single = WindowScorer(model: model.withThreads(1), context: context, stride: stride)
            DispatchQueue.concurrentPerform(iterations: threads) { _ in work.run(single, encoded, batchTokens: budget) }
        } else {
            work.run(scorer, encoded, batchTokens: budget)
        }
        var totals: [String: LanguageScore] = [:]
        var extraTotals: [String: LanguageScore] = [:]
        var forwarded = 0
        for (index, document) in documents.enumerated() {
            let score = try work.score(of: index, name: name(of: document, at: index))
            forwarded += score.forwarded
            let isExtra = index >= languageDocuments.count
            var total = (isExtra ? extraTotals : totals)[document.language]
                ?? LanguageScore(language: document.language, documents: 0, bytes: 0, tokens: 0, negativeLogLikelihood: 0)
            total.documents += 1
            total.bytes += document.text.utf8.count
            total.tokens += score.tokens
            total.negativeLogLikelihood += score.negativeLogLikelihood
            if isExtra { extraTotals[document.language] = total } else { totals[document.language] = total }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return EvaluationRun(
            results: EvaluationResults(contextLength: context, stride: stride, languages: Array(totals.values),
                                       extraFiles: Array(extraTotals.values), documentsDigest: EvaluationResults.digest(of: documents)),
            forwardedTokens: forwarded, seconds: seconds)
    }

    /// Token ids of every document after the prefix token, encoded on `options.threads` threads.
    private func tokenize(_ documents: [EvaluationDocument]) throws -> [[Int]] {
        let prefix = prefix()
        let slots = OrderedResults<[Int]>(count: documents.count)
        let tokenizer = tokenizer
        DispatchQueue.concurrentPerform(iterations: max(1, min(options.threads, documents.count))) { worker in
            var index = worker
            while index < documents.count {
                slots.set(index, Result { prefix + (try tokenizer.encodeText(documents[index].text, addSpecialTokens: false)) })
                index += max(1, options.threads)
            }
        }
        return try documents.indices.map { index in
            do {
                return try slots.get(index)
            } catch {
                throw EvaluationError.scoring(document: name(of: documents[index], at: index), reason: "\(error)")
            }
        }
    }

    private func name(of document: EvaluationDocument, at index: Int) -> String {
        document.source.map { "\(document.language) document from \($0)" } ?? "\(document.language) document \(index + 1)"
    }

    /// The token every document is scored after: BOS, else the first EOS, else none.
    private func prefix() -> [Int] {
        if let bos = model.config.bosTokenId { return [bos] }
        return model.config.eosTokenIds.first.map { [$0] } ?? []
    }
}

/// Results plus how long they took (timing is kept out of `EvaluationResults`, which is hashed).
public struct EvaluationRun: Sendable {
    /// The scores.
    public var results: EvaluationResults
    /// Tokens run through the model (windows overlap, so more than scored).
    public var forwardedTokens: Int
    /// Wall-clock seconds.
    public var seconds: Double
    /// Forwarded tokens per second.
    public var tokensPerSecond: Double { seconds > 0 ? Double(forwardedTokens) / seconds : 0 }
}
