import Foundation
import Testing
import TestSupport
@testable import GGUF
import Quantization

/// `LlamaGGUFExport` against the files the `gguf` Python package writes for the same models
/// (Tools/make_gguf_goldens.py): byte for byte, so metadata, tokenizer, tensor layout, RoPE
/// permutation, quantized blocks and padding all agree with llama.cpp's own converter library.
@Suite struct GGUFExportTests {
    @Test(arguments: [("glassbox", "f32"), ("glassbox", "f16"), ("glassbox", "q8_0"), ("glassbox", "q4_0"), ("gqa", "f32"), ("gqa", "q8_0")])
    func exportEqualsTheGGUFPackageByteForByte(model: String, type: String) throws {
        let export = LlamaGGUFExport(type: try #require(QuantizationType(rawValue: type)), name: "fixture")
        let bytes = try export.document(modelDirectory: GGUFFixtures.model(model)).serialized()
        let golden = try GGUFFixtures.golden(model, type)
        #expect(bytes.count == golden.count)
        let first = zip(bytes, golden).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        #expect(first == nil, "first differing byte: \(first ?? -1)")
    }

    @Test func exportBytesDoNotDependOnThreads() throws {
        let dir = try GGUFFixtures.model("glassbox")
        let one = try LlamaGGUFExport(type: .q4_0, name: "x", threads: 1).document(modelDirectory: dir).serialized()
        let four = try LlamaGGUFExport(type: .q4_0, name: "x", threads: 4).document(modelDirectory: dir).serialized()
        #expect(one == four)
    }

    @Test func metadataSaysWhatLlamaCppNeeds() throws {
        let doc = try GGUFDocument(bytes: GGUFFixtures.golden("glassbox", "q8_0"), path: "glassbox.q8_0.gguf")
        #expect(doc["general.architecture"]?.string == "llama")
        #expect(doc["general.file_type"]?.integer == 7)
        #expect(doc["tokenizer.ggml.model"]?.string == "gpt2")
        #expect(doc["tokenizer.ggml.pre"]?.string == "smaug-bpe")
        #expect(doc["tokenizer.ggml.add_bos_token"] == .bool(true))
        #expect(doc["tokenizer.ggml.tokens"]?.elements?.count == 384)
        #expect(doc["tokenizer.ggml.token_type"]?.elements?.first == .int32(3))
        #expect(doc.tensor(named: "output.weight") == nil, "tied embeddings: llama.cpp reuses token_embd")
        #expect(doc.tensor(named: "blk.0.attn_q.weight")?.dimensions == [32, 32])
        #expect(doc.tensor(named: "blk.0.attn_norm.weight")?.type == .f32)
        let gqa = try GGUFDocument(bytes: GGUFFixtures.golden("gqa", "f32"), path: "gqa.f32.gguf")
        #expect(gqa["tokenizer.ggml.pre"]?.string == "gpt-2")
        #expect(gqa.tensor(named: "blk.1.attn_k.weight")?.dimensions == [32, 16])
        #expect(gqa.tensor(named: "output.weight") != nil)
    }

    @Test func ropePermutationMovesHalvesToAdjacentPairs() {
        // one head of 4 rows (2 columns each): HF rows 0,1 | 2,3 hold the two halves → ggml order 0,2,1,3
        let w: [Float] = [0, 0, 1, 1, 2, 2, 3, 3]
        #expect(LlamaGGUFTensors.permuteRoPE(w, heads: 1, rows: 4, columns: 2) == [0, 0, 2, 2, 1, 1, 3, 3])
        let two: [Float] = (0..<8).map(Float.init)
        #expect(LlamaGGUFTensors.permuteRoPE(two, heads: 2, rows: 8, columns: 1) == [0, 2, 1, 3, 4, 6, 5, 7])
    }

    @Test func widthsThatAreNotWholeBlocksAreRefusedWithTheTensorNamed() throws {
        let dir = try TemporaryDirectory()
        let model = try GGUFFixtures.syntheticModel(in: dir, hidden: 48, heads: 2, intermediate: 64)
        #expect(throws: GGUFError.self) { try LlamaGGUFExport(type: .q8_0, name: "x").document(modelDirectory: model) }
        do {
            _ = try LlamaGGUFExport(type: .q4_0, name: "x").document(modelDirectory: model)
        } catch {
            let message = "\(error)"
            #expect(message.contains("token_embd.weight") && message.contains("--type f16"))
        }
        let f16 = try LlamaGGUFExport(type: .f16, name: "x").document(modelDirectory: model)
        #expect(f16.tensor(named: "blk.0.ffn_down.weight")?.dimensions == [64, 48])
    }
}
