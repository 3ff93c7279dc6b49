import Dispatch
import Inference

/// Scores documents with a model: per-language bits per byte and token perplexity by sliding-window
/// log-likelihood (see `EvaluationOptions` for the windows).
public struct Evaluator: Sendable {
    /// The model.
    public let model: LanguageModel
    /// The tokenizer the model was trained with.
    public let tokenizer: any TextTokenizer
    /// Window length and stride.
    public let options: EvaluationOptions

    /// An evaluator; `options.threads` sets the model's worker threads.
    public init(model: LanguageModel, tokenizer: any TextTokenizer, options: EvaluationOptions = EvaluationOptions()) {
        self.model = model.withThreads(options.threads)
        self.tokenizer = tokenizer
        self.options = options
    }

    /// Progress after each document: documents done, of total, tokens forwarded so far.
    public typealias Progress = @Sendable (_ done: Int, _ total: Int, _ tokens: Int) -> Void

    /// Scores every document and sums per language (documents in the given order).
    public func evaluate(_ documents: [EvaluationDocument], progress: Progress? = nil) throws -> EvaluationRun {
        guard !documents.isEmpty else { throw EvaluationError.noDocuments("the data holds no documents") }
        let (context, stride) = try options.resolved(modelContext: model.configuration.contextLength)
        let scorer = WindowScorer(model: model, context: context, stride: stride)
        var totals: [String: LanguageScore] = [:]
        var forwarded = 0
        let start = DispatchTime.now().uptimeNanoseconds
        for (index, document) in documents.enumerated() {
            let name = document.source.map { "\(document.language) document from \($0)" } ?? "\(document.language) document \(index + 1)"
            let ids: [Int]
            let score: WindowScorer.Score
            do {
                ids = try prefix() + tokenizer.encodeText(document.text, addSpecialTokens: false)
                score = try scorer.score(ids)
            } catch {
                throw EvaluationError.scoring(document: name, reason: "\(error)")
            }
            forwarded += score.forwarded
            var total = totals[document.language]
                ?? LanguageScore(language: document.language, documents: 0, bytes: 0, tokens: 0, negativeLogLikelihood: 0)
            total.documents += 1
            total.bytes += document.text.utf8.count
            total.tokens += score.tokens
            total.negativeLogLikelihood += score.negativeLogLikelihood
            totals[document.language] = total
            progress?(index + 1, documents.count, forwarded)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return EvaluationRun(
            results: EvaluationResults(contextLength: context, stride: stride, languages: Array(totals.values)),
            forwardedTokens: forwarded, seconds: seconds)
    }

    /// The token every document is scored after: BOS, else the first EOS, else none.
    private func prefix() -> [Int] {
        if let bos = model.configuration.bosTokenID { return [bos] }
        return model.configuration.eosTokenIDs.first.map { [$0] } ?? []
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
