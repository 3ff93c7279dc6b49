import Foundation
import Testing
@testable import Tokenization

/// The one-call tokenizer step the Builder uses.
@Suite struct TokenizerStepTests {
    @Test func writesTokenizerFilesAndFertility() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gbstep-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let corpus = try Fixtures.url("train_corpus.jsonl")
        let options = BPETrainerOptions(vocabSize: 1200, minFrequency: 2, specialTokens: ["<s>", "</s>", "<pad>"],
                                        bosToken: "<s>", eosToken: "</s>", threads: 2)
        let output = try TokenizerStep.run(trainFile: corpus, evalFile: corpus, options: options, outputDirectory: directory)
        #expect(output.files == ["fertility.json", "special_tokens_map.json", "tokenizer.json", "tokenizer_config.json"])
        let written = try Data(contentsOf: directory.appendingPathComponent("tokenizer.json"))
        #expect(written == (try Data(contentsOf: Fixtures.url("glassbox_trained/tokenizer.json"))))
        for name in ["tokenizer_config.json", "special_tokens_map.json"] {
            let committed = try Data(contentsOf: Fixtures.url("glassbox_trained/\(name)"))
            #expect(try Data(contentsOf: directory.appendingPathComponent(name)) == committed, "\(name)")
        }
        let fertility = try JSONDecoder().decode(FertilityReport.self,
                                                 from: Data(contentsOf: directory.appendingPathComponent("fertility.json")))
        #expect(fertility == output.fertility)
        #expect(fertility.languages.count == 28)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }
}
