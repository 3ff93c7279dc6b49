import Foundation
import Testing
import Kernels
@testable import Inference

/// Generation against transformers' greedy `generate`, and the samplers' contracts.
@Suite struct GenerationTests {
    @Test(arguments: Goldens.modelNames)
    func greedyIDsMatchTransformers(model name: String) throws {
        let goldens = try Goldens(model: name)
        let generator = Generator(model: try ModelLoader.load(try Goldens.directory(name), threads: 2), tokenizer: nil)
        for prompt in goldens.prompts {
            let greedy = try generator.generate(promptIDs: prompt.ids, options: GenerationOptions(maxNewTokens: goldens.new_tokens))
            #expect(greedy.generatedIDs == prompt.greedy_ids, "\(name) '\(prompt.text)'")
            #expect(greedy.stopReason == .maxTokens)
            let penalized = try generator.generate(
                promptIDs: prompt.ids, options: GenerationOptions(maxNewTokens: goldens.new_tokens, repetitionPenalty: 1.5))
            #expect(penalized.generatedIDs == prompt.penalty_greedy_ids, "\(name) '\(prompt.text)' with repetition penalty")
        }
    }

    @Test func seededSamplingIsReproducibleAndSeedDependent() throws {
        let generator = Generator(model: try ModelLoader.load(try Goldens.directory("gqa"), threads: 1), tokenizer: nil)
        let ids = try Goldens(model: "gqa").prompts[0].ids
        func run(_ seed: UInt64, threads: Int = 1) throws -> [Int] {
            let options = GenerationOptions(
                maxNewTokens: 16, temperature: 1.2, topK: 50, topP: 0.95, seed: seed, stopOnEndOfSequence: false)
            return try Generator(model: generator.model.withThreads(threads), tokenizer: nil)
                .generate(promptIDs: ids, options: options).generatedIDs
        }
        let first = try run(7)
        #expect(first.count == 16)
        #expect(try run(7) == first)
        #expect(try run(7, threads: 2) == first)
        #expect(try run(8) != first)
    }

    @Test func topKOneAndTinyTopPAreGreedy() throws {
        let goldens = try Goldens(model: "tied")
        let generator = Generator(model: try ModelLoader.load(try Goldens.directory("tied"), threads: 1), tokenizer: nil)
        let prompt = goldens.prompts[2]
        for options in [
            GenerationOptions(maxNewTokens: goldens.new_tokens, temperature: 0.8, topK: 1, seed: 3),
            GenerationOptions(maxNewTokens: goldens.new_tokens, temperature: 0.8, topP: 1e-6, seed: 3),
        ] {
            #expect(try generator.generate(promptIDs: prompt.ids, options: options).generatedIDs == prompt.greedy_ids)
        }
    }

    @Test func stopsOnEndOfSequence() throws {
        let goldens = try Goldens(model: "gqa")
        let prompt = goldens.prompts[0]
        let directory = try TemporaryModel(copying: "gqa")
        try directory.editConfig { $0["eos_token_id"] = prompt.greedy_ids[3] }
        let generator = Generator(model: try ModelLoader.load(directory.url, threads: 1), tokenizer: nil)
        let result = try generator.generate(promptIDs: prompt.ids, options: GenerationOptions(maxNewTokens: 12))
        #expect(result.generatedIDs == Array(prompt.greedy_ids.prefix(3)))
        #expect(result.stopReason == .endOfSequence)
        let ignoring = GenerationOptions(maxNewTokens: 12, stopOnEndOfSequence: false)
        #expect(try generator.generate(promptIDs: prompt.ids, options: ignoring).generatedIDs == prompt.greedy_ids)
    }

    @Test func promptLongerThanContextFailsOrTruncatesLeft() throws {
        let model = try ModelLoader.load(try Goldens.directory("gqa"), threads: 1)
        let generator = Generator(model: model, tokenizer: nil)
        let context = model.config.maxPositionEmbeddings
        let long = (0..<(context + 5)).map { 2 + $0 % 100 }
        #expect(throws: InferenceError.promptTooLong(tokens: context + 5, context: context)) {
            try generator.generate(promptIDs: long, options: GenerationOptions(maxNewTokens: 4))
        }
        let result = try generator.generate(promptIDs: long, options: GenerationOptions(maxNewTokens: 4, truncateLeft: true))
        #expect(result.promptIDs == Array(long.suffix(context - 1)))
        #expect(result.truncatedPromptTokens == 6)
        #expect(result.generatedIDs.count == 2)  // one fills the last slot, one more comes from its logits
        #expect(result.stopReason == .contextFull)
    }

    @Test func invalidOptionsAreRefusedByName() throws {
        let generator = Generator(model: try ModelLoader.load(try Goldens.directory("gqa"), threads: 1), tokenizer: nil)
        for (options, name) in [
            (GenerationOptions(temperature: -1), "temperature"), (GenerationOptions(topP: 0), "top-p"),
            (GenerationOptions(repetitionPenalty: 0), "repetition penalty"), (GenerationOptions(topK: -2), "top-k"),
        ] {
            #expect {
                try generator.generate(promptIDs: [5], options: options)
            } throws: { error in
                guard case let .invalidOption(found, _) = error as? InferenceError else { return false }
                return found == name
            }
        }
    }

    @Test func philoxIsCounterBased() {
        let philox = Philox(seed: 0x1234_5678_9ABC)
        #expect(philox.uniform(at: 5) == Philox(seed: 0x1234_5678_9ABC).uniform(at: 5))
        let draws = (0..<1000).map { philox.uniform(at: UInt64($0)) }
        #expect(draws.allSatisfy { $0 >= 0 && $0 < 1 })
        let mean = draws.reduce(0, +) / 1000
        #expect(abs(mean - 0.5) < 0.05)
        // Known-answer vector of Random123 (kat_vectors: philox4x32_10, counter 0, key 0).
        let zero = Philox(seed: 0).block((0, 0, 0, 0))
        #expect([zero.0, zero.1, zero.2, zero.3] == [0x6627_E8D5, 0xE169_C58D, 0xBC57_AC4C, 0x9B00_DBD8])
    }
}
