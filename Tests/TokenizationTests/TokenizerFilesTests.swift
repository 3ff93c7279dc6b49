import Foundation
import Testing
import TestSupport
@testable import Tokenization

/// What the build's tokenizer step writes: the Hugging Face files (byte-identical to the committed
/// ones) and fertility.json, atomically and without leftovers.
@Suite struct TokenizerFilesTests {
    @Test func writesTokenizerFilesAndFertility() throws {
        let temporary = try TemporaryDirectory()
        let directory = URL(fileURLWithPath: temporary.path)
        let corpus = try Fixtures.url("train_corpus.jsonl")
        let options = BPETrainerOptions(vocabSize: 1200, minFrequency: 2, specialTokens: ["<s>", "</s>", "<pad>"],
                                        bosToken: "<s>", eosToken: "</s>", threads: 2)
        let documents = try TrainingCorpus.load(files: [corpus])
        let tokenizer = try BPETrainer(options: options).train(documents: documents)
        try tokenizer.write(to: directory)
        let report = FertilityReport(tokenizer: tokenizer, documents: documents, threads: 2)
        try report.write(to: directory.appendingPathComponent(FertilityReport.fileName))
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(names == ["fertility.json", "special_tokens_map.json", "tokenizer.json", "tokenizer_config.json"])
        for name in ["tokenizer.json", "tokenizer_config.json", "special_tokens_map.json"] {
            let committed = try Data(contentsOf: Fixtures.url("glassbox_trained/\(name)"))
            #expect(try Data(contentsOf: directory.appendingPathComponent(name)) == committed, "\(name)")
        }
        let fertility = try JSONDecoder().decode(FertilityReport.self,
                                                 from: Data(contentsOf: directory.appendingPathComponent("fertility.json")))
        #expect(fertility == report)
        #expect(fertility.languages.count == 28)
    }
}
