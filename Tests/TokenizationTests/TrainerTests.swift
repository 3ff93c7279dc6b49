import Foundation
import Testing
@testable import Tokenization
import TestSupport

/// The trainer against `tokenizers`' BpeTrainer, and its determinism.
@Suite struct TrainerTests {
    struct Expected: Decodable {
        struct Settings: Decodable {
            let vocab_size: Int
            let min_frequency: Int
            let special_tokens: [String]
        }
        let settings: Settings
        let merges: [[String]]
        let vocab: [String: Int]
    }

    static func expected(_ file: String = "trainer_expected.json") throws -> Expected {
        try JSONDecoder().decode(Expected.self, from: Data(contentsOf: Fixtures.url(file)))
    }

    static func options(_ expected: Expected, threads: Int = 1, preTokenizer: PreTokenizer = .llama3) -> BPETrainerOptions {
        BPETrainerOptions(vocabSize: expected.settings.vocab_size, minFrequency: expected.settings.min_frequency,
                          specialTokens: expected.settings.special_tokens, bosToken: "<s>", eosToken: "</s>",
                          preTokenizer: preTokenizer, threads: threads)
    }

    @Test(arguments: [("trainer_expected.json", PreTokenizer.llama3), ("trainer_expected_gpt2.json", .gpt2)])
    func mergesEqualBpeTrainer(file: String, rule: PreTokenizer) throws {
        let expected = try Self.expected(file)
        let tokenizer = try BPETrainer(options: Self.options(expected, preTokenizer: rule)).train(documents: Fixtures.trainingDocuments())
        let merges = tokenizer.merges.map { [$0.left, $0.right] }
        let firstDifference = zip(merges, expected.merges).enumerated().first { $0.element.0 != $0.element.1 }
        #expect(firstDifference == nil, "first differing merge: \(String(describing: firstDifference))")
        #expect(merges.count == expected.merges.count)
        #expect(tokenizer.vocabulary == expected.vocab)
    }

    @Test func sameResultOnAnyThreadCount() throws {
        let expected = try Self.expected()
        let documents = try Fixtures.trainingDocuments()
        let one = try BPETrainer(options: Self.options(expected, threads: 1)).train(documents: documents)
        let four = try BPETrainer(options: Self.options(expected, threads: 4)).train(documents: documents)
        #expect(try one.tokenizerJSON() == four.tokenizerJSON())
    }

    @Test func exportMatchesCommittedGlassboxTokenizer() throws {
        let expected = try Self.expected()
        let trained = try BPETrainer(options: Self.options(expected, threads: 2)).train(documents: Fixtures.trainingDocuments())
        let committed = try Data(contentsOf: Fixtures.url("glassbox_trained/tokenizer.json"))
        #expect(try trained.tokenizerJSON() == committed, "rerun Tools/make_tokenizer_goldens.py --glassbox …")
    }

    @Test func languageWeightsChangeCountsDeterministically() throws {
        let documents = try Fixtures.trainingDocuments()
        var options = BPETrainerOptions(vocabSize: 600, specialTokens: ["<s>"])
        let plain = try BPETrainer(options: options).train(documents: documents)
        options.languageWeights = ["en": 1.0]
        #expect(try BPETrainer(options: options).train(documents: documents).merges == plain.merges)
        options.languageWeights = ["ka": 20.0, "el": 0]
        let weighted = try BPETrainer(options: options).train(documents: documents)
        #expect(weighted.merges != plain.merges)
        #expect(try BPETrainer(options: options).train(documents: documents).merges == weighted.merges)
        let georgian = documents.filter { $0.language == "ka" }.map(\.text).joined(separator: " ")
        #expect(weighted.encode(georgian).count < plain.encode(georgian).count)
    }

    @Test func roundTripsThroughTokenizerJSON() throws {
        let expected = try Self.expected()
        let trained = try BPETrainer(options: Self.options(expected)).train(documents: Fixtures.trainingDocuments())
        let temporary = try TemporaryDirectory(prefix: "gbtok-")
        let directory = temporary.url
        try trained.write(to: directory)
        let loaded = try BPETokenizer(contentsOf: directory)
        for sample in try Fixtures.samples() {
            #expect(loaded.encode(sample.text, addSpecialTokens: true) == trained.encode(sample.text, addSpecialTokens: true))
            #expect(try loaded.decodeToString(loaded.encode(sample.text)) == sample.text)
        }
        #expect(loaded.bosToken == "<s>")
        #expect(loaded.eosToken == "</s>")
    }
}
