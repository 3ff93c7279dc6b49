import BaseIO
import Foundation
import Kernels
import SafeTensors
import Testing
@testable import Transformer

@Suite struct LlamaModelTests {
    @Test func forwardMatchesTransformers() throws {
        let golden = try Fixture.forward()
        let model = try LlamaModel(config: golden.config)
        try model.loadSafeTensors(from: Fixture.path("forward_init.safetensors"))
        for threads in [1, 2] {
            let logits = try model.logits(tokens: golden.tokens, batch: golden.batch, seqLen: golden.seqLen, threads: threads)
            let worst = zip(logits, golden.logits).map { abs($0 - $1) }.max() ?? 1
            #expect(worst < 1e-4, "max |Δlogit| \(worst)")
        }
    }

    @Test func saveAndLoadRoundTripBitForBit() throws {
        let golden = try Fixture.forward()
        let model = try LlamaModel(config: golden.config)
        try model.loadSafeTensors(from: Fixture.path("forward_init.safetensors"))
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try model.save(to: dir)
        let back = try LlamaModel.load(directory: dir)
        #expect(back.config == model.config)
        #expect(back.parameters.array.elementsEqual(model.parameters.array) { $0.bitPattern == $1.bitPattern })
        let header = try Data(contentsOf: URL(fileURLWithPath: dir + "/model.safetensors")).prefix(200)
        #expect(String(decoding: header, as: UTF8.self).contains("{\"__metadata__\":{\"format\":\"pt\"}"))
        #expect(FileManager.default.fileExists(atPath: dir + "/generation_config.json"))
    }

    @Test func rejectsMismatchedCheckpointNamingTensors() throws {
        let golden = try Fixture.forward()
        var other = golden.config
        other.intermediateSize += 1
        other.tieWordEmbeddings = true
        let model = try LlamaModel(config: other)
        let result = Result { () throws(TransformerError) in try model.loadSafeTensors(from: Fixture.path("forward_init.safetensors")) }
        guard case let .failure(.invalidCheckpoint(_, problems)) = result else {
            Issue.record("expected a mismatch, got \(result)")
            return
        }
        #expect(problems.contains { $0.contains("model.layers.0.mlp.gate_proj.weight") && $0.contains("shape") })
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try AtomicFile.write(Array("garbage!".utf8) + [1, 2, 3], to: dir + "/bad.safetensors")
        #expect(throws: TransformerError.self) { try model.loadSafeTensors(from: dir + "/bad.safetensors") }
    }

    /// `rotary_emb.inv_freq` buffers (older checkpoints) and a tied model's redundant lm_head are
    /// ignored as transformers ignores them; any other extra tensor is refused by name.
    @Test func ignoresDerivedBuffersOnly() throws {
        let golden = try Fixture.forward()
        let model = try LlamaModel(config: golden.config)
        try model.loadSafeTensors(from: Fixture.path("forward_init.safetensors"))
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try model.save(to: dir)
        let extra = [Float](repeating: 0.5, count: 4)
        func rewrite(adding name: String) throws {
            try extra.withUnsafeBufferPointer { e in
                let entries = model.layout.views.compactMap { view in
                    SafeTensorsWriter.Entry(name: view.name, shape: view.shape,
                                            floats: UnsafeBufferPointer(start: model.parameters.base + view.offset, count: view.count))
                } + [SafeTensorsWriter.Entry(name: name, shape: [4], floats: e)].compactMap { $0 }
                try AtomicFile.write(to: dir + "/model.safetensors") { writer in try SafeTensorsWriter.write(entries, to: { try writer.write($0) }) }
            }
        }
        try rewrite(adding: "model.layers.0.self_attn.rotary_emb.inv_freq")
        #expect(try LlamaModel.load(directory: dir).parameters.array == model.parameters.array)
        try rewrite(adding: "model.layers.0.self_attn.q_norm.weight")
        #expect(throws: TransformerError.invalidCheckpoint(path: dir, problems: ["unexpected tensor 'model.layers.0.self_attn.q_norm.weight'"])) {
            try LlamaModel.load(directory: dir)
        }
    }

    @Test func rejectsBadInput() throws {
        let golden = try Fixture.forward()
        let model = try LlamaModel(config: golden.config)
        #expect(throws: TransformerError.self) { _ = try model.logits(tokens: [Int32](repeating: 1, count: 33), batch: 1, seqLen: 33, threads: 1) }
        #expect(throws: TransformerError.self) { _ = try model.logits(tokens: [1, 97], batch: 1, seqLen: 2, threads: 1) }
    }
}
