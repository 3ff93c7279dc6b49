import Foundation

/// One window of one document.
struct WindowJob: Sendable {
    /// Index of the document in the evaluated list.
    var document: Int
    /// Which tokens are run and scored.
    var window: WindowScorer.Window
}

/// The windows of an evaluation, handed out in batches of consecutive windows to the workers that
/// call `run`, with their per-token results kept by job index so they can be added up in order
/// afterwards. After a failure no new batch is started; the first failure in document order is
/// reported.
final class WindowWork: @unchecked Sendable {
    private let jobs: [WindowJob]
    private let progress: Evaluator.Progress?
    private let lock = NSLock()
    private var next = 0
    private var failed = false
    private var results: [Result<[Double], any Error>?]
    private var remaining: [Int]
    /// Jobs of document d: `firstJob[d] ..< firstJob[d + 1]` (jobs are grouped by document, in order).
    private let firstJob: [Int]
    private var documentsDone = 0
    private var forwarded = 0

    init(documents: Int, jobs: [WindowJob], progress: Evaluator.Progress?) {
        self.jobs = jobs
        self.progress = progress
        results = Array(repeating: nil, count: jobs.count)
        remaining = Array(repeating: 0, count: documents)
        for job in jobs { remaining[job.document] += 1 }
        var first = [0]
        for count in remaining { first.append(first[first.count - 1] + count) }
        firstJob = first
        documentsDone = remaining.filter { $0 == 0 }.count
    }

    /// Scores windows, a batch of up to `batchTokens` tokens at a time, until none is left (or one
    /// failed). Safe to call from several threads. A failed batch is retried window by window, so
    /// the error is reported for the document that caused it.
    func run(_ scorer: WindowScorer, _ encoded: [[Int]], batchTokens: Int) {
        while let range = take(batchTokens: batchTokens) {
            let batch = range.map { (window: jobs[$0].window, ids: encoded[jobs[$0].document]) }
            do {
                for (index, values) in zip(range, try scorer.score(batch)) { finish(index, .success(values)) }
            } catch {
                for (index, item) in zip(range, batch) {
                    finish(index, Result { try scorer.score(item.window, of: item.ids) })
                }
            }
        }
    }

    /// The sum of one document's windows, in token order; throws the document's first failure.
    func score(of document: Int, name: String) throws -> WindowScorer.Score {
        var score = WindowScorer.Score()
        for index in firstJob[document]..<firstJob[document + 1] {
            let job = jobs[index]
            switch lock.withLock({ results[index] }) {
            case let .success(values)?:
                score.add(job.window, values)
            case let .failure(error)?:
                throw EvaluationError.scoring(document: name, reason: "\(error)")
            case nil:
                throw EvaluationError.scoring(document: name, reason: "not scored: an earlier document failed")
            }
        }
        return score
    }

    /// The next jobs: at least one, more while their tokens stay within `batchTokens`.
    private func take(batchTokens: Int) -> Range<Int>? {
        lock.withLock {
            guard !failed, next < jobs.count else { return nil }
            let first = next
            var tokens = jobs[next].window.end - jobs[next].window.begin
            next += 1
            while next < jobs.count {
                let more = jobs[next].window.end - jobs[next].window.begin
                guard tokens + more <= batchTokens else { break }
                tokens += more
                next += 1
            }
            return first..<next
        }
    }

    private func finish(_ index: Int, _ result: Result<[Double], any Error>) {
        lock.withLock {
            results[index] = result
            if case .failure = result { failed = true }
            let job = jobs[index]
            forwarded += job.window.end - job.window.begin
            remaining[job.document] -= 1
            if remaining[job.document] == 0 {
                documentsDone += 1
                progress?(documentsDone, remaining.count, forwarded)
            }
        }
    }
}

/// Per-index results filled from several threads, read back in index order.
final class OrderedResults<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<Value, any Error>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Result<Value, any Error>) { lock.withLock { slots[index] = result } }

    func get(_ index: Int) throws -> Value {
        guard let result = lock.withLock({ slots[index] }) else {
            throw EvaluationError.scoring(document: "#\(index + 1)", reason: "not processed")
        }
        return try result.get()
    }
}
