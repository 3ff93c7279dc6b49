import Foundation
import Quantization
import Testing
@testable import Inference

/// Quantized variants running in Glassbox's own core: one forward for prompts, decoding and scoring,
/// the same bits for any thread count, and logits close to the float32 model's.
@Suite struct QuantizedInferenceTests {
    /// max |a − b| / max |b|.
    static func relativeError(_ a: [Float], _ b: [Float]) -> Float {
        let scale = b.map(abs).max() ?? 1
        return zip(a, b).map { abs($0 - $1) }.max().map { $0 / scale } ?? 0
    }

    @Test(arguments: ["gqa", "glassbox"], [QuantizationType.q8_0, .q4_0])
    func promptDecodingAndScoringAreOneForward(model name: String, type: QuantizationType) throws {
        let fixture = try QuantizedModel(copying: name, types: [type])
        let prompts = try Goldens(model: name).prompts.map(\.ids)
        var runs: [(ids: [Int], rows: [Float])] = []
        for threads in [1, 2, 3] {
            let model = try ModelLoader.load(fixture.url, variant: type, threads: threads)
            #expect(model.isQuantized && model.storedDTypes == [type.rawValue.uppercased()])
            // 40 decoding steps cross the 32-row blocks of the attention kernel of the prompt pass.
            let run = try OneForwardTests.generate(model, prompt: prompts[0], steps: 40)
            let vocab = model.config.vocabSize, n = run.ids.count
            let other = (0..<n).map { prompts[1][$0 % prompts[1].count] }
            let scored = try model.logits(ofSequences: [other, run.ids, Array(run.ids.prefix(9))], positions: [0..<3, 5..<n, 0..<9])
            #expect(scored[1] == Array(run.rows[5 * vocab..<n * vocab]), "\(name) \(type): scoring differs from decoding")
            #expect(scored[2] == Array(run.rows[0..<9 * vocab]), "\(name) \(type): a shorter window differs")
            let alone = try model.logits(ofSequences: [other], positions: [0..<3])
            #expect(scored[0] == alone[0], "\(name) \(type): batching changed a window")
            runs.append(run)
        }
        #expect(runs[0].ids == runs[1].ids && runs[0].ids == runs[2].ids)
        #expect(runs[0].rows == runs[1].rows && runs[0].rows == runs[2].rows, "\(name) \(type): thread count changed the bits")
    }

    @Test(arguments: ["gqa", "tied", "glassbox"])
    func logitsAreCloseToFloat32(model name: String) throws {
        let fixture = try QuantizedModel(copying: name)
        let float = try ModelLoader.load(fixture.url, threads: 2)
        let sequences = try Goldens(model: name).prompts.map(\.ids).filter { $0.count > 1 }
        let reference = try float.logits(ofSequences: sequences).flatMap { $0 }
        var errors: [QuantizationType: Float] = [:]
        for type in [QuantizationType.f16, .q8_0, .q4_0] {
            let model = try ModelLoader.load(fixture.url, variant: type, threads: 2)
            errors[type] = Self.relativeError(try model.logits(ofSequences: sequences).flatMap { $0 }, reference)
        }
        print("\(name): max |Δlogit| / max |logit|: f16 \(errors[.f16]!), q8_0 \(errors[.q8_0]!), q4_0 \(errors[.q4_0]!)")
        // Measured: the trained model 2e-4 / 0.009 / 0.08; the random ones (logits near 0) 0.004 / 0.07 / 0.8.
        let trained = name == "glassbox"
        #expect(errors[.f16]! < (trained ? 1e-3 : 1e-2))
        #expect(errors[.q8_0]! < (trained ? 2e-2 : 0.15))
        #expect(errors[.f16]! < errors[.q8_0]! && errors[.q8_0]! < errors[.q4_0]!)
    }

    /// Greedy ids of the Q8_0 variant equal the float32 model's, except after a step where float32's
    /// two best tokens are nearly tied (there the quantization error may pick the other one).
    @Test func q8_0GreedyIdsFollowFloat32s() throws {
        let fixture = try QuantizedModel(copying: "glassbox", types: [.q8_0])
        let goldens = try Goldens(model: "glassbox")
        let model = try ModelLoader.load(fixture.url, variant: .q8_0, threads: 2)
        let float = try ModelLoader.load(fixture.url, threads: 2)
        let options = GenerationOptions(maxNewTokens: goldens.new_tokens, stopOnEndOfSequence: false)
        var same = 0
        for prompt in goldens.prompts {
            let ids = try Generator(model: model, tokenizer: nil).generate(promptIDs: prompt.ids, options: options).generatedIDs
            guard let step = Array(zip(ids, prompt.greedy_ids)).firstIndex(where: { $0 != $1 }) else {
                same += 1
                continue
            }
            let context = prompt.ids + prompt.greedy_ids.prefix(step)
            let row = try float.logits(ofSequences: [context], positions: [context.count - 1..<context.count])[0]
            let margin = row[prompt.greedy_ids[step]] - row[ids[step]]
            let scale = row.map(abs).max() ?? 1
            #expect(margin >= 0 && margin < 0.02 * scale, "\(prompt.text): q8_0 left float32's greedy path at step \(step) by \(margin)")
        }
        print("glassbox q8_0: \(same) of \(goldens.prompts.count) prompts give transformers' float32 greedy ids")
        #expect(same >= goldens.prompts.count - 1)
    }

    @Test func aMissingVariantNamesThoseThereAre() throws {
        let fixture = try QuantizedModel(copying: "tied", types: [.q4_0])
        #expect(VariantLoader.available(in: fixture.url) == [.q4_0])
        let error = try #require(throws: InferenceError.self) { try ModelLoader.load(fixture.url, variant: .q8_0, threads: 1) }
        #expect("\(error)".contains("model-q8_0.gguf") && "\(error)".contains("it has: q4_0") && "\(error)".contains("[[quantize]]"))
    }

    @Test func aVariantOfAnotherModelIsRefusedWithEveryProblem() throws {
        let fixture = try QuantizedModel(copying: "tied", types: [.q8_0])
        let other = try QuantizedModel(copying: "gqa", types: [.q8_0])
        try FileManager.default.removeItem(at: fixture.model.file("model-q8_0.gguf"))
        try FileManager.default.copyItem(at: other.model.file("model-q8_0.gguf"), to: fixture.model.file("model-q8_0.gguf"))
        let error = try #require(throws: InferenceError.self) { try ModelLoader.load(fixture.url, variant: .q8_0, threads: 1) }
        let text = "\(error)"
        #expect(text.contains("blk.0.attn_k.weight has dimensions") && text.contains("unexpected tensor output.weight"), "\(text)")
    }

    @Test func aTruncatedVariantIsRefused() throws {
        let fixture = try QuantizedModel(copying: "tied", types: [.q8_0])
        let file = fixture.model.file("model-q8_0.gguf")
        let bytes = try Data(contentsOf: file)
        try bytes.prefix(bytes.count - 100).write(to: file)
        let error = try #require(throws: InferenceError.self) { try ModelLoader.load(fixture.url, variant: .q8_0, threads: 1) }
        #expect("\(error)".contains("model-q8_0.gguf") && "\(error)".contains("not a valid GGUF"), "\(error)")
    }
}
