import Testing
import Transformer
@testable import Inference

/// Issue #19's contract: evaluation, generation and training run ONE forward, so on the same weights
/// the training forward's logits, inference scoring's logits and generation's logits (prompt pass,
/// then every decoding step over the KV cache) are the same bits, for any thread count.
@Suite struct OneForwardTests {
    /// Greedy generation from a prompt, keeping the logits of every position: the prompt's rows from
    /// its one forward pass, then one row per decoding step. Returns the ids and the rows.
    static func generate(_ model: LanguageModel, prompt: [Int], steps: Int, capacity: Int? = nil) throws -> (ids: [Int], rows: [Float]) {
        let vocab = model.config.vocabSize
        var cache = model.makeCache(capacity: capacity)
        var rows = try model.forward(prompt, cache: &cache, logits: .all)
        var ids = prompt
        for _ in 0..<steps {
            let next = Sampler.argmax(Array(rows[(ids.count - 1) * vocab..<ids.count * vocab]))
            ids.append(next)
            rows += try model.forward([next], cache: &cache, logits: .last)
        }
        return (ids, rows)
    }

    @Test(arguments: ["gqa", "tied", "glassbox"], [1, 2])
    func trainingScoringAndGenerationLogitsAreTheSameBits(model name: String, threads: Int) throws {
        let model = try ModelLoader.load(try Goldens.directory(name), threads: threads)
        // The training model, loaded on its own (inference packs its own copy of the weights).
        let llama = try LlamaModel.load(directory: try Goldens.directory(name).path)
        let prompts = try Goldens(model: name).prompts.map(\.ids)
        // 40 decoding steps cross the 32-row blocks of the training attention.
        let (ids, generated) = try Self.generate(model, prompt: prompts[0], steps: 40)
        let n = ids.count
        let training = try llama.logits(tokens: ids.map { Int32($0) }, batch: 1, seqLen: n, threads: threads)
        #expect(generated.count == training.count)
        #expect(generated == training, "\(name): generation's logits differ from the training forward's")

        // The same sequence in a training batch beside another one, and scored among other windows.
        let other = (0..<n).map { prompts[1][$0 % prompts[1].count] }
        let batch = try llama.logits(tokens: (ids + other).map { Int32($0) }, batch: 2, seqLen: n, threads: threads)
        #expect(Array(batch[0..<training.count]) == training)
        let vocab = model.config.vocabSize
        let scored = try model.logits(ofSequences: [other, ids, Array(ids.prefix(9))], positions: [0..<3, 5..<n, 0..<9])
        #expect(scored[1] == Array(training[5 * vocab..<n * vocab]), "\(name): scoring differs from training")
        #expect(scored[2] == Array(training[0..<9 * vocab]), "\(name): a shorter window differs from training")
        #expect(scored[0] == Array(batch[training.count..<training.count + 3 * vocab]))

        // Generation proper (the Generator) follows the same greedy path.
        let result = try Generator(model: model, tokenizer: nil)
            .generate(promptIDs: prompts[0], options: GenerationOptions(maxNewTokens: 40, stopOnEndOfSequence: false))
        #expect(result.generatedIDs == Array(ids[prompts[0].count...]))
    }

    @Test func threadCountsGiveTheSameBitsOnEveryPath() throws {
        let directory = try Goldens.directory("gqa")
        let prompt = try Goldens(model: "gqa").prompts[3].ids
        let runs = try [1, 2, 3].map { try Self.generate(ModelLoader.load(directory, threads: $0), prompt: prompt, steps: 20) }
        #expect(runs[0].ids == runs[1].ids && runs[0].ids == runs[2].ids)
        #expect(runs[0].rows == runs[1].rows && runs[0].rows == runs[2].rows)
        // A cache just large enough (as `Generator` sizes it) gives the same bits as a whole-context one.
        let sized = try Self.generate(ModelLoader.load(directory, threads: 2), prompt: prompt, steps: 20, capacity: prompt.count + 20)
        #expect(sized.ids == runs[0].ids && sized.rows == runs[0].rows)
    }
}
