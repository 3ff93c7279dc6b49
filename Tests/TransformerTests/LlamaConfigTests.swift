import BaseIO
import Foundation
import Testing
@testable import Transformer

@Suite struct LlamaConfigTests {
    @Test func writesTheSupersetAndReadsItBack() throws {
        let config = LlamaConfig(vocabSize: 100, hiddenSize: 64, intermediateSize: 96, numHiddenLayers: 2,
                                 numAttentionHeads: 4, numKeyValueHeads: 2, maxPositionEmbeddings: 128,
                                 ropeTheta: 500_000, tieWordEmbeddings: true, bosTokenId: 1, eosTokenId: 2)
        let bytes = try CanonicalJSON.encode(config)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        for key in ["architectures", "model_type", "rope_theta", "rope_parameters", "torch_dtype", "dtype", "head_dim",
                    "num_key_value_heads", "tie_word_embeddings", "bos_token_id", "eos_token_id", "rms_norm_eps"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        #expect(try JSONDecoder().decode(LlamaConfig.self, from: Data(bytes)) == config)
    }

    @Test func readsTransformers5FormAndDefaults() throws {
        let json = """
            {"vocab_size": 10, "hidden_size": 8, "intermediate_size": 12, "num_hidden_layers": 1,
             "num_attention_heads": 2, "max_position_embeddings": 4, "rope_parameters": {"rope_type": "default", "rope_theta": 1234.0},
             "eos_token_id": [3, 4], "dtype": "bfloat16", "unknown_key": true}
            """
        let c = try JSONDecoder().decode(LlamaConfig.self, from: Data(json.utf8))
        #expect(c.ropeTheta == 1234 && c.headDim == 4 && c.numKeyValueHeads == 2 && c.eosTokenId == 3 && !c.tieWordEmbeddings)
        let yarn = json.replacingOccurrences(of: "\"default\"", with: "\"yarn\"")
        #expect(throws: LlamaConfig.UnsupportedFeature(feature: "rope_parameters.rope_type \"yarn\"")) {
            try JSONDecoder().decode(LlamaConfig.self, from: Data(yarn.utf8))
        }
    }

    /// Absent keys take transformers' `LlamaConfig` defaults (5.25: bos 1, eos 2, eps 1e-6, untied,
    /// θ 10000, 32000 × 4096 × 32 layers); `null` ids mean none; 4.x rope_scaling types are refused.
    @Test func readsWhatTransformersReads() throws {
        let empty = try JSONDecoder().decode(LlamaConfig.self, from: Data("{}".utf8))
        #expect(empty == LlamaConfig(
            vocabSize: 32_000, hiddenSize: 4_096, intermediateSize: 11_008, numHiddenLayers: 32, numAttentionHeads: 32,
            numKeyValueHeads: 32, maxPositionEmbeddings: 2_048, rmsNormEps: 1e-6, ropeTheta: 10_000,
            tieWordEmbeddings: false, bosTokenId: 1, eosTokenId: 2))
        let none = try JSONDecoder().decode(LlamaConfig.self, from: Data(#"{"bos_token_id": null, "eos_token_id": null, "rope_theta": 0.5}"#.utf8))
        #expect(none.bosTokenId == nil && none.eosTokenIds.isEmpty && none.problems().isEmpty)
        var config = none
        config.eosTokenIds = [3, 4]
        let bytes = try CanonicalJSON.encode(config)
        #expect(String(decoding: bytes, as: UTF8.self).contains(#""bos_token_id":null"#))
        #expect(try JSONDecoder().decode(LlamaConfig.self, from: Data(bytes)) == config)
        let linear = #"{"rope_scaling": {"type": "linear", "factor": 2.0}}"#
        #expect(throws: LlamaConfig.UnsupportedFeature(feature: "rope_scaling.rope_type \"linear\"")) {
            try JSONDecoder().decode(LlamaConfig.self, from: Data(linear.utf8))
        }
        #expect(throws: LlamaConfig.UnsupportedFeature(feature: "model_type \"mistral\"")) {
            try JSONDecoder().decode(LlamaConfig.self, from: Data(#"{"model_type": "mistral"}"#.utf8))
        }
    }

    @Test func listsEveryProblem() {
        let bad = LlamaConfig(vocabSize: 0, hiddenSize: 30, intermediateSize: 8, numHiddenLayers: 1,
                              numAttentionHeads: 4, numKeyValueHeads: 3, headDim: 7, maxPositionEmbeddings: 8)
        let problems = bad.problems()
        #expect(problems.contains { $0.contains("vocab_size") })
        #expect(problems.contains { $0.contains("num_key_value_heads") })
        #expect(problems.contains { $0.contains("head_dim") })
        #expect(throws: TransformerError.self) { _ = try LlamaModel(config: bad) }
    }

    @Test func layoutNamesAndCounts() throws {
        let untied = LlamaConfig(vocabSize: 11, hiddenSize: 8, intermediateSize: 12, numHiddenLayers: 2,
                                 numAttentionHeads: 2, numKeyValueHeads: 1, maxPositionEmbeddings: 4, tieWordEmbeddings: false)
        let layout = ParameterLayout(config: untied)
        #expect(layout.views.count == 1 + 2 * 9 + 2)
        #expect(layout.view(named: "model.layers.1.self_attn.k_proj.weight")?.shape == [4, 8])
        #expect(layout.view(named: "lm_head.weight")?.shape == [11, 8])
        #expect(layout.count == layout.views.reduce(0) { $0 + $1.count })
        var tied = untied
        tied.tieWordEmbeddings = true
        let tl = ParameterLayout(config: tied)
        #expect(tl.view(named: "lm_head.weight") == nil && tl.lmHead == tl.embed)
    }
}
