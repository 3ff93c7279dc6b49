import Foundation
import Kernels
import Testing
@testable import Evaluation
@testable import Inference
import TestSupport

/// A tokenizer double that knows the goldens' documents: text → the ids transformers' tokenizer gave.
private struct GoldenTokenizer: TextTokenizer {
    let table: [String: [Int]]
    func encodeText(_ text: String, addSpecialTokens: Bool) throws -> [Int] {
        guard let ids = table[text] else { throw InferenceError.tokenizer(path: "golden", reason: "unknown text") }
        return ids
    }
    func decodeText(_ ids: [Int]) throws -> String { ids.map(String.init).joined(separator: " ") }
}

@Suite struct EvaluationTests {
    @Test(arguments: ["gqa", "tied", "bf16", "glassbox"])
    func slidingWindowNLLMatchesTransformers(model name: String) throws {
        let goldens = try Goldens(model: name)
        let model = try ModelLoader.load(try Goldens.directory(name), threads: 2)
        let tokenizer = GoldenTokenizer(table: Dictionary(uniqueKeysWithValues: goldens.documents.map { ($0.text, Array($0.ids.dropFirst())) }))
        let options = EvaluationOptions(contextLength: goldens.eval_context, stride: goldens.eval_stride, threads: 2)
        let evaluator = Evaluator(model: model, tokenizer: tokenizer, options: options)
        for document in goldens.documents {
            let run = try evaluator.evaluate([EvaluationDocument(language: document.language, text: document.text)])
            let score = try #require(run.results.languages.first)
            #expect(score.tokens == document.ids.count - 1)
            #expect(score.bytes == document.bytes)
            #expect(abs(score.negativeLogLikelihood - document.nll_nats) <= 1e-4 * document.nll_nats, "\(name) \(document.language)")
            let expectedBPB = document.nll_nats / log(2) / Double(document.bytes)
            #expect(abs(score.bitsPerByte - expectedBPB) <= 1e-4 * expectedBPB)
        }
    }

    @Test func resultsAreCanonicalGroupedAndRoundTrip() throws {
        let goldens = try Goldens(model: "gqa")
        let model = try ModelLoader.load(try Goldens.directory("gqa"), threads: 1)
        let tokenizer = GoldenTokenizer(table: Dictionary(uniqueKeysWithValues: goldens.documents.map { ($0.text, Array($0.ids.dropFirst())) }))
        let documents = goldens.documents.map { EvaluationDocument(language: $0.language, text: $0.text) }
        let run1 = try Evaluator(model: model, tokenizer: tokenizer, options: EvaluationOptions(contextLength: 16, stride: 8, threads: 1))
            .evaluate(documents + documents)
        let run2 = try Evaluator(model: model, tokenizer: tokenizer, options: EvaluationOptions(contextLength: 16, stride: 8, threads: 3))
            .evaluate(documents + documents)
        #expect(try run1.results.canonicalJSON() == run2.results.canonicalJSON())
        #expect(run1.results.languages.map(\.language) == ["cs", "el", "en"])
        #expect(run1.results.languages.allSatisfy { $0.documents == 2 })
        let temporary = try TemporaryDirectory(prefix: "glassbox-eval-")
        let directory = temporary.url
        let file = directory.appendingPathComponent("eval/results.json")
        try run1.results.write(to: file)
        let bytes = try Data(contentsOf: file)
        #expect(bytes.last == 0x0A)
        #expect(try EvaluationResults.read(file) == run1.results)
        let text = try #require(String(data: bytes, encoding: .utf8))
        #expect(text.contains("\"bits_per_byte\""))
        #expect(!text.contains("seconds"))
    }

    @Test func everyTokenIsScoredOnceWhateverTheStride() throws {
        let goldens = try Goldens(model: "gqa")
        let model = try ModelLoader.load(try Goldens.directory("gqa"), threads: 1)
        let ids = goldens.documents[0].ids
        var previous: Double?
        for (context, stride) in [(16, 16), (16, 1), (8, 7), (64, 32)] {
            let score = try WindowScorer(model: model, context: context, stride: stride).score(ids)
            #expect(score.tokens == ids.count - 1, "context \(context) stride \(stride)")
            if context == 64, let previous { #expect(score.negativeLogLikelihood < previous + 50) }
            previous = score.negativeLogLikelihood
        }
    }

    @Test func aFailingDocumentIsNamedWhenWindowsRunInParallel() throws {
        let goldens = try Goldens(model: "gqa")
        let model = try ModelLoader.load(try Goldens.directory("gqa"), threads: 1)
        var table = Dictionary(uniqueKeysWithValues: goldens.documents.map { ($0.text, Array($0.ids.dropFirst())) })
        table["bad"] = [0, 1, model.config.vocabSize + 5]
        let documents = goldens.documents.map { EvaluationDocument(language: $0.language, text: $0.text) }
            + [EvaluationDocument(language: "de", source: "bad.jsonl:3", text: "bad")]
        let evaluator = Evaluator(
            model: model, tokenizer: GoldenTokenizer(table: table), options: EvaluationOptions(contextLength: 8, stride: 4, threads: 2))
        #expect {
            _ = try evaluator.evaluate(documents)
        } throws: { error in
            "\(error)".contains("de document from bad.jsonl:3") && "\(error)".contains("\(model.config.vocabSize + 5)")
        }
    }

    @Test func batchedWindowsKeepTheBitsAndNameTheFailingDocument() throws {
        let goldens = try Goldens(model: "gqa")
        let model = try ModelLoader.load(try Goldens.directory("gqa"), threads: 1)
        let scorer = WindowScorer(model: model, context: 8, stride: 5)
        var encoded = goldens.documents.map(\.ids)
        encoded.insert([0, 3, 4, model.config.vocabSize, 5, 6, 7, 8, 9], at: 1)
        let jobs = encoded.enumerated().flatMap { index, ids in
            scorer.windows(count: ids.count).map { WindowJob(document: index, window: $0) }
        }
        for budget in [1, 20, 64] {
            let work = WindowWork(documents: encoded.count, jobs: jobs, progress: nil)
            work.run(scorer, encoded, batchTokens: budget)
            let first = try work.score(of: 0, name: "first")
            let alone = try scorer.score(encoded[0])
            #expect(first.negativeLogLikelihood.bitPattern == alone.negativeLogLikelihood.bitPattern, "budget \(budget)")
            #expect(first.tokens == alone.tokens)
            #expect(throws: EvaluationError.self) { try work.score(of: 1, name: "second") }
        }
    }

    @Test func vectorisedScoringKeepsTheScalarBits() {
        var generator = SplitMix64(seed: 0x5C0_0001)
        for count in [1, 15, 16, 17, 255, 256, 257, 1000] {
            let row = (0..<count).map { _ in Float.random(in: -30...30, using: &generator) }
            let target = count / 3
            let maximum = row.max() ?? 0
            var sum = 0.0
            for value in row { sum += Double(KernelMath.exp(value - maximum)) }
            let scalar = KernelMath.logD(sum) + Double(maximum) - Double(row[target])
            #expect(LogitScoring.negativeLogProbability(row[...], of: target).bitPattern == scalar.bitPattern, "\(count)")
        }
    }

    @Test func attentionWeightedSumKeepsTheScalarBits() {
        var generator = SplitMix64(seed: 0x5C0_0002)
        for (width, length, stride) in [(32, 7, 48), (40, 33, 40), (12, 5, 12), (3, 9, 7), (64, 1, 64)] {
            let p = (0..<length).map { _ in Float.random(in: 0...1, using: &generator) }
            let values = (0..<length * stride).map { _ in Float.random(in: -2...2, using: &generator) }
            var out = [Float](repeating: .nan, count: width)
            DecodeAttention.weightedSum(p, length: length, values: values, stride: stride, width: width, into: &out)
            for i in 0..<width {
                var a: Float = 0
                for j in 0..<length { a = a.addingProduct(p[j], values[j * stride + i]) }
                #expect(out[i].bitPattern == a.bitPattern, "width \(width) column \(i)")
            }
        }
    }

    @Test func scoringMathIsAccurate() {
        let row: [Float] = [0.5, -1.25, 3, 2.75, -8]
        let reference = log(row.map { exp(Double($0)) }.reduce(0, +)) - Double(row[2])
        #expect(abs(LogitScoring.negativeLogProbability(row[...], of: 2) - reference) < 1e-6)
        for x in [-700.0, -20, -1, -1e-8, 0, 0.3, 1, 5, 700] {
            #expect(abs(KernelMath.expD(x) - exp(x)) <= 4 * exp(x).ulp)
        }
    }

    @Test func jsonLinesAndPlainFilesLoad() throws {
        let temporary = try TemporaryDirectory(prefix: "glassbox-evaldata-")
        let directory = temporary.url
        let lines = directory.appendingPathComponent("eval.jsonl")
        try Data("{\"language\":\"cs\",\"source\":\"a\",\"text\":\"Dobrý den\"}\n\n{\"language\":\"de\",\"text\":\"Hallo\"}\n".utf8).write(to: lines)
        #expect(try EvaluationDocument.load(lines).map(\.language) == ["cs", "de"])
        let plain = directory.appendingPathComponent("extra.txt")
        try Data("Some text".utf8).write(to: plain)
        #expect(try EvaluationDocument.load(plain) == [EvaluationDocument(language: "extra.txt", source: "extra.txt", text: "Some text")])
        let bad = directory.appendingPathComponent("bad.jsonl")
        try Data("{\"language\":\"cs\",\"text\":\"ok\"}\n{\"text\": 3}\n".utf8).write(to: bad)
        #expect(throws: EvaluationError.malformedLine(path: bad.path, line: 2, reason: "not a document object")) {
            try EvaluationDocument.load(bad)
        }
    }

    @Test func extraFilesAreReportedApartFromLanguagesAndTheirTotal() throws {
        let goldens = try Goldens(model: "gqa")
        let model = try ModelLoader.load(try Goldens.directory("gqa"), threads: 1)
        let tokenizer = GoldenTokenizer(table: Dictionary(uniqueKeysWithValues: goldens.documents.map { ($0.text, Array($0.ids.dropFirst())) }))
        let documents = goldens.documents.map { EvaluationDocument(language: $0.language, text: $0.text) }
        let extra = [EvaluationDocument(language: "held-out.txt", text: goldens.documents[0].text)]
        let evaluator = Evaluator(model: model, tokenizer: tokenizer, options: EvaluationOptions(contextLength: 16, stride: 8, threads: 1))
        let alone = try evaluator.evaluate(documents).results
        let both = try evaluator.evaluate(documents, extraFiles: extra).results
        #expect(both.languages == alone.languages, "an extra file is not a language")
        #expect(both.overall == alone.overall, "'all' counts the languages only")
        #expect(both.extraFiles?.map(\.language) == ["held-out.txt"])
        #expect(both.extraFiles?.first?.documents == 1)
        #expect(both.documentsDigest != nil && both.documentsDigest != alone.documentsDigest)
        #expect(String(decoding: try both.canonicalJSON(), as: UTF8.self).contains("\"extra_files\""))
        #expect(!String(decoding: try alone.canonicalJSON(), as: UTF8.self).contains("\"extra_files\""))
    }
}
